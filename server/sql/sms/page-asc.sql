-- One page of the SMS history, oldest first: after the cursor's (sent_at, id), or from a position.
-- $1..$9: the filter (see sms_matching); $10, $11: the cursor; $12: the page size; $13: the position.
SELECT doc, to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS key_time, id
FROM sms_matching($1, $2, $3, $4, $5, $6, $7, $8, $9) AS m
WHERE $10::timestamptz IS NULL OR (m.sent_at, m.id) > ($10::timestamptz, $11::text)
ORDER BY m.sent_at ASC, m.id ASC
LIMIT $12 OFFSET $13
