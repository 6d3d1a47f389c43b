-- One page of leads received from $1 to $2 (exclusive), newest first (ties in data order), after
-- the cursor's (received_at $6, seq $7). $3: salesperson id; $4: a JSON array of make keys and
-- $5 'in' (the make is one of them: a rule's leads) or 'not-in' (none of them: leads no rule
-- covers); null: any. $8: the page size.
SELECT doc, to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS key_time, seq::text AS seq
FROM leads
WHERE received_at >= $1 AND received_at < $2
  AND ($3::text IS NULL OR salesperson_id = $3)
  AND ($5::text IS NULL
    OR ($5 = 'in' AND make_key IN (SELECT jsonb_array_elements_text($4::text::jsonb)))
    OR ($5 = 'not-in' AND make_key NOT IN (SELECT jsonb_array_elements_text($4::text::jsonb))))
  AND ($6::timestamptz IS NULL OR received_at < $6 OR (received_at = $6 AND seq > $7::bigint))
ORDER BY received_at DESC, seq ASC
LIMIT $8
