-- The tenant's sources, each with how many customers name it.
SELECT s.doc || jsonb_build_object('customerCount', count(c.id)) AS doc
FROM sources AS s
LEFT JOIN customers AS c ON c.tenant_id = s.tenant_id AND c.source_id = s.id
GROUP BY s.tenant_id, s.id, s.doc
ORDER BY s.id
