-- The deleted records of the ids in $1 (a JSON array), locked until the transaction ends.
SELECT doc FROM deleted_records WHERE id IN (SELECT jsonb_array_elements_text($1::text::jsonb)) ORDER BY id FOR UPDATE
