-- New restore-log entries, in the order of the JSON array $1 (that order breaks ties of time).
INSERT INTO restore_log (tenant_id, id, record_id, customer_id, from_customer_id, at, doc)
SELECT current_setting('app.tenant'), x.doc->>'id', x.doc->>'recordId', x.doc->>'customerId', x.doc->>'fromCustomerId',
  (x.doc->>'at')::timestamptz, x.doc
FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS x(doc, n)
ORDER BY x.n
