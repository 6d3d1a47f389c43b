-- A customer's new version ($1: id, $2: the whole record as JSON).
UPDATE customers
SET doc = $2::text::jsonb, source_id = $2::text::jsonb->>'sourceId', version = ($2::text::jsonb->>'version')::int,
  last_name = $2::text::jsonb->>'lastName', first_name = $2::text::jsonb->>'firstName'
WHERE id = $1
