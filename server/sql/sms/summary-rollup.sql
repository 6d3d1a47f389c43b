-- The SMS summary's counts from the daily rollup, from day $1 to day $2 (inclusive), under the
-- filters the rollup keeps: direction $3, status $4, error category $5 (null: any).
SELECT to_char(day, 'YYYY-MM-DD') AS date, from_number AS "from", direction, status,
  nullif(error_category, '') AS category, sum(messages)::int AS messages
FROM sms_daily
WHERE day BETWEEN $1::date AND $2::date
  AND ($3::text IS NULL OR direction = $3)
  AND ($4::text IS NULL OR status = $4)
  AND ($5::text IS NULL OR error_category = $5)
GROUP BY day, from_number, direction, status, error_category
