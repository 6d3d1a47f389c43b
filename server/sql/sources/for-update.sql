-- A source ($1) with how many customers name it, locked until the transaction ends.
SELECT s.doc || jsonb_build_object('customerCount', (SELECT count(*)::int FROM customers AS c WHERE c.source_id = s.id)) AS doc
FROM sources AS s WHERE s.id = $1 FOR UPDATE OF s
