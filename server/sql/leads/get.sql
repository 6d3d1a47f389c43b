-- A lead ($1).
SELECT doc FROM leads WHERE id = $1
