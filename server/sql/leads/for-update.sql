-- A lead ($1), locked until the transaction ends.
SELECT doc FROM leads WHERE id = $1 FOR UPDATE
