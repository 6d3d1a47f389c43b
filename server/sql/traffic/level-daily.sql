-- One level of the drill-down from the daily rollup: local days $1 to $2 (inclusive, in the
-- tenant's zone), the drill path's value filters $3..$8 (up type, department, salesperson, source
-- category, source, outcome) and ISO weekday $9 (null: any), grouped by $10: a value dimension's
-- column, else the day, and by flag byte.
SELECT CASE $10::text
    WHEN 'upType' THEN up_type
    WHEN 'department' THEN department
    WHEN 'salesperson' THEN salesperson_id
    WHEN 'sourceCategory' THEN source_category
    WHEN 'source' THEN source
    WHEN 'outcome' THEN outcome
    ELSE to_char(day, 'YYYY-MM-DD')
  END AS g,
  0 AS off, flags, sum(ups)::int AS ups
FROM traffic_daily
WHERE day BETWEEN $1::date AND $2::date
  AND ($3::text IS NULL OR up_type = $3)
  AND ($4::text IS NULL OR department = $4)
  AND ($5::text IS NULL OR salesperson_id = $5)
  AND ($6::text IS NULL OR source_category = $6)
  AND ($7::text IS NULL OR source = $7)
  AND ($8::text IS NULL OR outcome = $8)
  AND ($9::int IS NULL OR extract(isodow FROM day) = $9)
GROUP BY 1, flags
