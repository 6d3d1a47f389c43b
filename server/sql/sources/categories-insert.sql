-- New source categories of the tenant: $1 is a JSON array of records.
INSERT INTO source_categories (tenant_id, id, sort_order, doc)
SELECT current_setting('app.tenant'), x.doc->>'id', (x.doc->>'order')::int, x.doc
FROM jsonb_array_elements($1::text::jsonb) AS x(doc)
