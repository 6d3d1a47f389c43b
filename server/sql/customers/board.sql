-- The board of day $1, each entry with its customer's current name, source and version.
SELECT CASE WHEN c.id IS NULL THEN b.doc ELSE b.doc || jsonb_build_object(
    'customerName', trim(c.first_name || ' ' || c.last_name),
    'sourceId', c.source_id,
    'sourceUnknown', source_is_unknown(c.source_id),
    'customerVersion', c.version
  ) END AS doc
FROM board AS b
LEFT JOIN customers AS c ON c.tenant_id = b.tenant_id AND c.id = b.customer_id
WHERE b.date = $1::date
ORDER BY b.position
