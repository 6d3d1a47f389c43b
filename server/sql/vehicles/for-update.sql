-- A want ($1) with its customer's current status, locked until the transaction ends.
SELECT w.doc || jsonb_build_object('customerStatus', coalesce(c.doc->'status', w.doc->'customerStatus')) AS doc
FROM wants AS w
LEFT JOIN customers AS c ON c.tenant_id = w.tenant_id AND c.id = w.customer_id
WHERE w.id = $1
FOR UPDATE OF w
