-- A customer ($1), locked until the transaction ends.
SELECT doc FROM customers WHERE id = $1 FOR UPDATE
