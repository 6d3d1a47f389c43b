-- New customers of the tenant: $1 is a JSON array of records.
INSERT INTO customers (tenant_id, id, last_name, first_name, source_id, version, doc)
SELECT current_setting('app.tenant'), x.doc->>'id', x.doc->>'lastName', x.doc->>'firstName', x.doc->>'sourceId',
  (x.doc->>'version')::int, x.doc
FROM jsonb_array_elements($1::text::jsonb) AS x(doc)
