-- A customer's new version ($1: id, $2: the whole record as JSON).
UPDATE customers
SET doc = $2::jsonb, source_id = $2::jsonb->>'sourceId', version = ($2::jsonb->>'version')::int,
  last_name = $2::jsonb->>'lastName', first_name = $2::jsonb->>'firstName'
WHERE id = $1
