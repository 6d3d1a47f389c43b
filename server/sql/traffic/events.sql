-- The fields the aggregate and the heatmap count, of the events matching the range and drill path
-- ($1..$11, see traffic_matching), in time order: read from traffic_by_time's columns.
SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS iso, up_type, department,
  salesperson_id, salesperson_name, source_category, source, outcome, steps
FROM traffic_matching($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
ORDER BY at, seq
