-- How many messages the SMS history lists from day $1 to day $2 (inclusive) under the filters the
-- daily rollup keeps: direction $3, status $4, error category $5 (null: any). The page's total
-- from a few rows a day, where counting the log would read every matching index entry.
SELECT coalesce(sum(messages), 0)::int AS total
FROM sms_daily
WHERE day BETWEEN $1::date AND $2::date
  AND ($3::text IS NULL OR direction = $3)
  AND ($4::text IS NULL OR status = $4)
  AND ($5::text IS NULL OR error_category = $5)
