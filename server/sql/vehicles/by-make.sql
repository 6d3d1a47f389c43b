-- The wants a trade-in may match: customers looking for a vehicle, a make key among $1 (a JSON array).
SELECT w.doc || jsonb_build_object('customerStatus', coalesce(c.doc->'status', w.doc->'customerStatus')) AS doc
FROM wants AS w
LEFT JOIN customers AS c ON c.tenant_id = w.tenant_id AND c.id = w.customer_id
WHERE w.make_key IN (SELECT jsonb_array_elements_text($1::text::jsonb))
  AND coalesce(c.doc->>'status', w.doc->>'customerStatus') = 'need-car-locate'
