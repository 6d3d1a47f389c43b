-- One level of the drill-down from the per-dimension rollup: local days $1 to $2 (inclusive, in
-- the tenant's zone) of dimension $3, its value $4 (null: any) and ISO weekday $5 (null: any),
-- grouped by value ($6 = 'value') or by day, and by flag byte.
SELECT CASE WHEN $6::text = 'value' THEN value ELSE to_char(day, 'YYYY-MM-DD') END AS g,
  0 AS off, flags, sum(ups)::int AS ups
FROM traffic_daily_dim
WHERE dimension = $3 AND day BETWEEN $1::date AND $2::date
  AND ($4::text IS NULL OR value = $4)
  AND ($5::int IS NULL OR extract(isodow FROM day) = $5)
GROUP BY 1, flags
