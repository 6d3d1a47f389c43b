-- The SMS summary's counts from the log itself, for the filters the rollup does not keep
-- (error code, employee, customer, text): $1..$9, see sms_matching.
SELECT to_char(day, 'YYYY-MM-DD') AS date, from_number AS "from", direction, status,
  error_category AS category, count(*)::int AS messages
FROM sms_matching($1, $2, $3, $4, $5, $6, $7, $8, $9)
GROUP BY day, from_number, direction, status, error_category
