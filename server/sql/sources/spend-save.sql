-- A spend row's new version ($1: the whole record as JSON).
UPDATE spend SET doc = $1::text::jsonb, version = ($1::text::jsonb->>'version')::int WHERE id = $1::text::jsonb->>'id'
