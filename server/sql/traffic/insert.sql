-- New traffic events of the tenant, in data order: $1 is a JSON array of events. The day is the
-- event's calendar day in the tenant's zone.
INSERT INTO traffic (tenant_id, id, at, day, up_type, department, salesperson_id, salesperson_name, source_category, source, outcome, steps, doc)
SELECT t.tenant_id, x.doc->>'id', (x.doc->>'at')::timestamptz, ((x.doc->>'at')::timestamptz AT TIME ZONE t.zone)::date,
  x.doc->>'upType', x.doc->>'department', x.doc->>'salespersonId', x.doc->>'salespersonName', x.doc->>'sourceCategory',
  x.doc->>'source', x.doc->>'outcome', ARRAY(SELECT jsonb_array_elements_text(coalesce(x.doc->'steps', '[]'))), x.doc
FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS x(doc, n)
CROSS JOIN tenants AS t
ORDER BY x.n
