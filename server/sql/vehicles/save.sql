-- A want's new version ($1: id, $2: the whole record as JSON).
UPDATE wants SET doc = $2::text::jsonb, version = ($2::text::jsonb->>'version')::int WHERE id = $1
