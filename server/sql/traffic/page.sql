-- One page of traffic events in time order (ties in data order), after the cursor's (at, seq).
-- $1..$11: the range and drill path (see traffic_matching); $12, $13: the cursor; $14: the page size.
SELECT doc, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS key_time, seq::text AS seq
FROM traffic_matching($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) AS m
WHERE $12::timestamptz IS NULL OR (m.at, m.seq) > ($12::timestamptz, $13::bigint)
ORDER BY m.at, m.seq
LIMIT $14
