-- The heatmap's counts: the events of the range and drill path $1..$11 (see traffic_matching) by
-- local weekday (0 = Monday) and hour in zone $3, and flag byte.
SELECT extract(isodow FROM at AT TIME ZONE $3)::int - 1 AS weekday, extract(hour FROM at AT TIME ZONE $3)::int AS hour,
  flags, count(*)::int AS ups
FROM traffic_matching($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
GROUP BY 1, 2, 3
