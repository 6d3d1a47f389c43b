-- A category deleted ($1): its sources go back to unmapped, with a new version stamped $2.
WITH gone AS (DELETE FROM source_categories WHERE id = $1)
UPDATE sources
SET category_id = NULL,
  doc = doc || jsonb_build_object('categoryId', NULL, 'version', (doc->>'version')::int + 1, 'updatedAt', $2::text)
WHERE category_id = $1
