-- How many leads match the list's filter ($1..$5, see page.sql).
SELECT count(*)::int AS total
FROM leads
WHERE received_at >= $1 AND received_at < $2
  AND ($3::text IS NULL OR salesperson_id = $3)
  AND ($5::text IS NULL
    OR ($5 = 'in' AND make_key IN (SELECT jsonb_array_elements_text($4::text::jsonb)))
    OR ($5 = 'not-in' AND make_key NOT IN (SELECT jsonb_array_elements_text($4::text::jsonb))))
