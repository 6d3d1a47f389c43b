-- New leads of the tenant, in data order: $1 is a JSON array of { make_key, doc } (make_key:
-- makeKey of the make, logic/makes.ts). The day is the lead's calendar day in the tenant's zone.
INSERT INTO leads (tenant_id, id, received_at, day, make_key, salesperson_id, provider, doc)
SELECT t.tenant_id, x.r->'doc'->>'id', (x.r->'doc'->>'receivedAt')::timestamptz,
  ((x.r->'doc'->>'receivedAt')::timestamptz AT TIME ZONE t.zone)::date, x.r->>'make_key',
  x.r->'doc'->>'salespersonId', x.r->'doc'->>'provider', x.r->'doc'
FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS x(r, n)
CROSS JOIN tenants AS t
ORDER BY x.n
