-- What the customers first seen from day $1 to day $2 were invoiced in those days: the report's revenue.
SELECT i.id, i.customer_id AS "customerId", to_char(i.date, 'YYYY-MM-DD') AS date, i.amount::float8 AS amount
FROM invoices AS i
JOIN customers AS c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id
WHERE i.date BETWEEN $1::date AND $2::date AND c.doc->>'firstVisit' BETWEEN $1::text AND $2::text
