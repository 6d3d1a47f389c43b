-- New traffic events of the tenant, in data order: $1 is a JSON array of { flags, doc } (flags:
-- trafficFlags of the event, logic/traffic.ts). The day, hour and UTC offset are the event's in
-- the tenant's zone; the statement trigger adds the events to the rollups.
INSERT INTO traffic (tenant_id, id, at, day, hour, utc_offset, up_type, department, salesperson_id, salesperson_name, source_category, source, outcome, flags, doc)
SELECT t.tenant_id, x.r->'doc'->>'id', a.at, l.local::date, extract(hour FROM l.local)::smallint,
  (extract(epoch FROM l.local - (a.at AT TIME ZONE 'UTC')) / 60)::smallint,
  x.r->'doc'->>'upType', x.r->'doc'->>'department', x.r->'doc'->>'salespersonId', x.r->'doc'->>'salespersonName',
  x.r->'doc'->>'sourceCategory', x.r->'doc'->>'source', x.r->'doc'->>'outcome', (x.r->>'flags')::smallint, x.r->'doc'
FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS x(r, n)
CROSS JOIN tenants AS t
CROSS JOIN LATERAL (SELECT (x.r->'doc'->>'at')::timestamptz AS at) AS a
CROSS JOIN LATERAL (SELECT a.at AT TIME ZONE t.zone AS local) AS l
ORDER BY x.n
