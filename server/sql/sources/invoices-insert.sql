-- New invoices of the tenant: $1 is a JSON array of records.
INSERT INTO invoices (tenant_id, id, customer_id, date, amount)
SELECT current_setting('app.tenant'), x.id, x."customerId", x.date::date, x.amount
FROM jsonb_to_recordset($1::text::jsonb) AS x(id text, "customerId" text, date text, amount bigint)
