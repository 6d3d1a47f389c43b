-- A source category ($1), locked until the transaction ends.
SELECT doc FROM source_categories WHERE id = $1 FOR UPDATE
