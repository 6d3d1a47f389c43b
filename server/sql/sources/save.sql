-- Sources written whole ($1: a JSON array of records; their customer counts are not kept).
UPDATE sources AS s
SET doc = x.doc - 'customerCount', category_id = x.doc->>'categoryId', deleted = coalesce((x.doc->>'deleted')::boolean, false)
FROM jsonb_array_elements($1::text::jsonb) AS x(doc)
WHERE s.id = x.doc->>'id'
