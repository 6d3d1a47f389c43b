-- New sources of the tenant: $1 is a JSON array of records.
INSERT INTO sources (tenant_id, id, category_id, deleted, doc)
SELECT current_setting('app.tenant'), x.doc->>'id', x.doc->>'categoryId', coalesce((x.doc->>'deleted')::boolean, false), x.doc
FROM jsonb_array_elements($1::text::jsonb) AS x(doc)
