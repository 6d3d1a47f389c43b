-- New wants of the tenant: $1 is a JSON array of rows (the key, sort and search columns made by the app).
INSERT INTO wants (tenant_id, id, customer_id, make_key, sort_make, sort_model, created_at, search_text, version, doc)
SELECT current_setting('app.tenant'), x.doc->>'id', x.doc->>'customerId', x.make_key, x.sort_make, x.sort_model,
  x.doc->>'createdAt', x.search_text, coalesce((x.doc->>'version')::int, 0), x.doc
FROM jsonb_to_recordset($1::text::jsonb) AS x(doc jsonb, make_key text, sort_make text, sort_model text, search_text text)
