-- Stored messages replaced by their imported version: $1 is a JSON array of rows. The statement
-- triggers move them in the daily rollup.
UPDATE sms AS s
SET sent_at = x.sent_at, day = (x.sent_at AT TIME ZONE t.zone)::date, direction = x.direction, status = x.status,
  error_code = x.error_code, error_category = x.error_category, from_number = x.from_number,
  employee_id = x.employee_id, customer_id = x.customer_id, doc = x.doc
FROM jsonb_to_recordset($1::text::jsonb) AS x(
  id text, sent_at timestamptz, direction text, status text, error_code text, error_category text,
  from_number text, employee_id text, customer_id text, doc jsonb
)
CROSS JOIN tenants AS t
WHERE s.id = x.id
