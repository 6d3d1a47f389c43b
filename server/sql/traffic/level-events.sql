-- One level of the drill-down from the events, for what the rollups cannot answer: the range and
-- drill path $1..$11 (see traffic_matching), grouped by $12: a value dimension's column, `hour`
-- (of day, 00..23), `weekday` (ISO, 1..7), `heatmap` (ISO weekday/hour), `time-hour` (the local
-- hour, with its UTC offset in minutes as `off`), else the local day; and by flag byte. With $13
-- true (zone $3 is the tenant's) the stored local day, hour and offset are read instead of being
-- worked out from `at`.
SELECT CASE $12::text
    WHEN 'upType' THEN up_type
    WHEN 'department' THEN department
    WHEN 'salesperson' THEN salesperson_id
    WHEN 'sourceCategory' THEN source_category
    WHEN 'source' THEN source
    WHEN 'outcome' THEN outcome
    WHEN 'hour' THEN CASE WHEN $13::boolean THEN lpad(hour::text, 2, '0') ELSE to_char(at AT TIME ZONE $3, 'HH24') END
    WHEN 'weekday' THEN CASE WHEN $13 THEN extract(isodow FROM day)::text ELSE extract(isodow FROM at AT TIME ZONE $3)::text END
    WHEN 'heatmap' THEN CASE WHEN $13 THEN extract(isodow FROM day)::int || '/' || hour
      ELSE extract(isodow FROM at AT TIME ZONE $3)::int || '/' || extract(hour FROM at AT TIME ZONE $3)::int END
    WHEN 'time-hour' THEN CASE WHEN $13 THEN to_char(day, 'YYYY-MM-DD') || 'T' || lpad(hour::text, 2, '0')
      ELSE to_char(date_trunc('hour', at AT TIME ZONE $3), 'YYYY-MM-DD"T"HH24') END
    ELSE CASE WHEN $13 THEN to_char(day, 'YYYY-MM-DD') ELSE to_char(at AT TIME ZONE $3, 'YYYY-MM-DD') END
  END AS g,
  CASE WHEN $12::text <> 'time-hour' THEN 0
    WHEN $13 THEN utc_offset
    ELSE (extract(epoch FROM (at AT TIME ZONE $3) - (at AT TIME ZONE 'UTC')) / 60)::int END AS off,
  flags, count(*)::int AS ups
FROM traffic_matching($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
GROUP BY 1, 2, flags
