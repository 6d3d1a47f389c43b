-- New messages of the tenant: $1 is a JSON array of rows. The day is sent_at's calendar day in
-- the tenant's zone; the statement trigger adds them to the daily rollup.
INSERT INTO sms (tenant_id, id, sent_at, day, direction, status, error_code, error_category, from_number, employee_id, customer_id, doc)
SELECT t.tenant_id, x.id, x.sent_at, (x.sent_at AT TIME ZONE t.zone)::date, x.direction, x.status,
  x.error_code, x.error_category, x.from_number, x.employee_id, x.customer_id, x.doc
FROM jsonb_to_recordset($1::text::jsonb) AS x(
  id text, sent_at timestamptz, direction text, status text, error_code text, error_category text,
  from_number text, employee_id text, customer_id text, doc jsonb
)
CROSS JOIN tenants AS t
