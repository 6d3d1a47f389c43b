-- Customers written whole ($1: a JSON array of records): new ones added, the others replaced.
INSERT INTO customers (tenant_id, id, last_name, first_name, source_id, version, doc)
SELECT current_setting('app.tenant'), x.doc->>'id', x.doc->>'lastName', x.doc->>'firstName', x.doc->>'sourceId',
  (x.doc->>'version')::int, x.doc
FROM jsonb_array_elements($1::text::jsonb) AS x(doc)
ON CONFLICT (tenant_id, id) DO UPDATE
SET last_name = excluded.last_name, first_name = excluded.first_name, source_id = excluded.source_id,
  version = excluded.version, doc = excluded.doc
