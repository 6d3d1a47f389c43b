-- The spend row of a month ($1), category ($2) and source ($3, '' for the category as a whole), locked.
SELECT doc FROM spend WHERE month = $1 AND category_id = $2 AND source_id = $3 FOR UPDATE
