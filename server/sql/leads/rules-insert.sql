-- The tenant's OEM rules: $1 is a JSON array of stored rules, in rule order.
INSERT INTO oem_rules (tenant_id, id, position, version, doc)
SELECT current_setting('app.tenant'), x.doc->>'id', x.position::int, (x.doc->>'version')::int, x.doc
FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS x(doc, position)
