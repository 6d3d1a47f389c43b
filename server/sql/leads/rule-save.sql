-- A rule's new version ($1: the whole stored rule as JSON): an existing rule keeps its place, a
-- new one goes last.
INSERT INTO oem_rules AS r (tenant_id, id, position, version, doc)
SELECT current_setting('app.tenant'), $1::text::jsonb->>'id',
  coalesce((SELECT max(position) FROM oem_rules), 0) + 1, ($1::text::jsonb->>'version')::int, $1::text::jsonb
ON CONFLICT (tenant_id, id) DO UPDATE SET version = excluded.version, doc = excluded.doc
