-- A lead's new version ($1: id, $2: the whole record as JSON).
UPDATE leads SET doc = $2::text::jsonb WHERE id = $1
