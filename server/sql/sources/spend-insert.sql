-- Spend rows of the tenant: $1 is a JSON array of records, kept in its order.
INSERT INTO spend (tenant_id, id, month, category_id, source_id, version, doc)
SELECT current_setting('app.tenant'), x.doc->>'id', x.doc->>'month', x.doc->>'categoryId', coalesce(x.doc->>'sourceId', ''),
  (x.doc->>'version')::int, x.doc
FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS x(doc, n)
ORDER BY x.n
