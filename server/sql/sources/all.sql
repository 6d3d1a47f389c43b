-- Every source of the tenant as stored, by id, locked until the transaction ends.
SELECT doc FROM sources ORDER BY id FOR UPDATE
