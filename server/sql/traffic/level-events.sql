-- One level of the drill-down from the events, for what the daily rollup cannot answer (hours,
-- a zone other than the tenant's): the range and drill path $1..$11 (see traffic_matching),
-- grouped by $12: a value dimension's column, `hour` (of day, 00..23), `weekday` (ISO, 1..7),
-- `heatmap` (ISO weekday/hour),
-- `time-hour` (the local hour, with the UTC offset there in minutes as `off`), else the local day;
-- and by flag byte.
SELECT CASE $12::text
    WHEN 'upType' THEN up_type
    WHEN 'department' THEN department
    WHEN 'salesperson' THEN salesperson_id
    WHEN 'sourceCategory' THEN source_category
    WHEN 'source' THEN source
    WHEN 'outcome' THEN outcome
    WHEN 'hour' THEN to_char(at AT TIME ZONE $3, 'HH24')
    WHEN 'weekday' THEN extract(isodow FROM at AT TIME ZONE $3)::text
    WHEN 'heatmap' THEN extract(isodow FROM at AT TIME ZONE $3)::int || '/' || extract(hour FROM at AT TIME ZONE $3)::int
    WHEN 'time-hour' THEN to_char(date_trunc('hour', at AT TIME ZONE $3), 'YYYY-MM-DD"T"HH24')
    ELSE to_char(at AT TIME ZONE $3, 'YYYY-MM-DD')
  END AS g,
  CASE WHEN $12::text = 'time-hour' THEN (extract(epoch FROM (at AT TIME ZONE $3) - (at AT TIME ZONE 'UTC')) / 60)::int ELSE 0 END AS off,
  flags, count(*)::int AS ups
FROM traffic_matching($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
GROUP BY 1, 2, flags
