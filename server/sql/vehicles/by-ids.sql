-- The wants of the ids in $1 (a JSON array).
SELECT doc FROM wants WHERE id IN (SELECT jsonb_array_elements_text($1::text::jsonb))
