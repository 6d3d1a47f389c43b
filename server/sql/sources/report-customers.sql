-- The customers whose first visit is from day $1 to day $2: the source report's new customers.
SELECT doc FROM customers WHERE doc->>'firstVisit' BETWEEN $1::text AND $2::text
