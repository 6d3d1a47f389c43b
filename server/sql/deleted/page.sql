-- One page of deleted records, newest first then by id: $1..$6 the filter (see deleted_matching),
-- $7, $8 the cursor's (deleted_at, id) (null: from the start), $9 the page size.
SELECT doc, to_char(deleted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS key_time, id
FROM deleted_matching($1, $2, $3, $4, $5, $6) AS d
WHERE $7::timestamptz IS NULL OR d.deleted_at < $7::timestamptz OR (d.deleted_at = $7::timestamptz AND d.id > $8::text)
ORDER BY d.deleted_at DESC, d.id
LIMIT $9
