-- One page of the restore log, newest first (the later written first on a tie): $1 the record id,
-- $2 a customer it came from or went to (null: any), $3, $4 the cursor's (at, seq), $5 the page size.
SELECT doc, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS key_time, seq::text AS seq
FROM restore_log AS l
WHERE ($1::text IS NULL OR l.record_id = $1)
  AND ($2::text IS NULL OR l.customer_id = $2 OR l.from_customer_id = $2)
  AND ($3::timestamptz IS NULL OR (l.at, l.seq) < ($3::timestamptz, $4::bigint))
ORDER BY l.at DESC, l.seq DESC
LIMIT $5
