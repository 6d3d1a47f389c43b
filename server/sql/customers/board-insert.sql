-- New board entries of the tenant: $1 is a JSON array of records, in the board's order.
INSERT INTO board (tenant_id, id, date, position, customer_id, doc)
SELECT current_setting('app.tenant'), x.doc->>'id', (x.doc->>'date')::date, x.position::int, x.doc->>'customerId', x.doc
FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS x(doc, position)
