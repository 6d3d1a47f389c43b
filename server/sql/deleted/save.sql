-- Deleted records after a restore: $1 is a JSON array of whole records.
UPDATE deleted_records AS d
SET doc = x.doc, restored = x.doc->>'restoredAt' IS NOT NULL
FROM json_array_elements($1::text::json) AS x(doc)
WHERE d.id = x.doc->>'id'
