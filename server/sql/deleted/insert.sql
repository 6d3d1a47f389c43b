-- New deleted records of the tenant: $1 is a JSON array of rows (the search columns made by the app).
INSERT INTO deleted_records (tenant_id, id, kind, deleted_at, reason, restored, customer_id, merged_into_id, search_text, phone_digits, doc)
SELECT current_setting('app.tenant'), x.doc->>'id', x.doc->>'kind', (x.doc->>'deletedAt')::timestamptz, x.doc->>'reason',
  x.doc->>'restoredAt' IS NOT NULL, x.doc->>'customerId', x.doc->>'mergedIntoId', x.search_text, x.phone_digits, x.doc
FROM json_to_recordset($1::text::json) AS x(doc json, search_text text, phone_digits text)
