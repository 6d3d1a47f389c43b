-- The leads received from $1 to $2 (exclusive), in data order: the response summary's leads.
SELECT doc FROM leads WHERE received_at >= $1 AND received_at < $2 ORDER BY seq
