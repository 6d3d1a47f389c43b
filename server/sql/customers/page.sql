-- One page of customers by last name, first name and id: $1, $2 the filter (see
-- customers_matching), $3..$5 the cursor's key (null: from the start), $6 the page size.
SELECT doc, last_name, first_name, id
FROM customers_matching($1, $2) AS c
WHERE $3::text IS NULL OR (c.last_name, c.first_name, c.id) > ($3::text, $4::text, $5::text)
ORDER BY c.last_name, c.first_name, c.id
LIMIT $6
