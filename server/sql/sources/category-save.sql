-- A source category written whole ($1: the record as JSON): added, or replaced.
INSERT INTO source_categories (tenant_id, id, sort_order, doc)
SELECT current_setting('app.tenant'), x.doc->>'id', (x.doc->>'order')::int, x.doc
FROM (SELECT $1::text::jsonb AS doc) AS x
ON CONFLICT (tenant_id, id) DO UPDATE SET sort_order = excluded.sort_order, doc = excluded.doc
