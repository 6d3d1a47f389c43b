-- A level with no value filter from the hourly rollup: local days $1 to $2 (inclusive, in the
-- tenant's zone), hour $3 and ISO weekday $4 (null: any), grouped by $5: `hour` (of day, 00..23),
-- `heatmap` (ISO weekday/hour), `time-hour` (the local hour, with its UTC offset in minutes as
-- `off`), else the day; and by flag byte.
SELECT CASE $5::text
    WHEN 'hour' THEN lpad(hour::text, 2, '0')
    WHEN 'heatmap' THEN extract(isodow FROM day)::int || '/' || hour
    WHEN 'time-hour' THEN to_char(day, 'YYYY-MM-DD') || 'T' || lpad(hour::text, 2, '0')
    ELSE to_char(day, 'YYYY-MM-DD')
  END AS g,
  CASE WHEN $5::text = 'time-hour' THEN utc_offset ELSE 0 END AS off, flags, sum(ups)::int AS ups
FROM traffic_hourly
WHERE day BETWEEN $1::date AND $2::date
  AND ($3::int IS NULL OR hour = $3)
  AND ($4::int IS NULL OR extract(isodow FROM day) = $4)
GROUP BY 1, 2, flags
