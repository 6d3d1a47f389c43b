-- How many restore-log entries match the filter ($1, $2, see log-page.sql).
SELECT count(*)::int AS total FROM restore_log
WHERE ($1::text IS NULL OR record_id = $1) AND ($2::text IS NULL OR customer_id = $2 OR from_customer_id = $2)
