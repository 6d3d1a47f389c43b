-- One page of the needed-vehicles list: the wants of customers looking for a vehicle (their
-- current status), of make key $1 and with $2 in their search text (null: any), by make, model,
-- newest first and id, after the cursor's key $3..$6 (null: from the start); $7 the page size.
SELECT w.doc || jsonb_build_object('customerStatus', coalesce(c.doc->'status', w.doc->'customerStatus')) AS doc,
  w.sort_make, w.sort_model, w.created_at, w.id
FROM wants AS w
LEFT JOIN customers AS c ON c.tenant_id = w.tenant_id AND c.id = w.customer_id
WHERE coalesce(c.doc->>'status', w.doc->>'customerStatus') = 'need-car-locate'
  AND ($1::text IS NULL OR w.make_key = $1)
  AND ($2::text IS NULL OR strpos(w.search_text, $2) > 0)
  AND ($3::text IS NULL
    OR (w.sort_make, w.sort_model) > ($3::text, $4::text)
    OR ((w.sort_make, w.sort_model) = ($3::text, $4::text)
      AND (w.created_at < $5::text OR (w.created_at = $5::text AND w.id > $6::text))))
ORDER BY w.sort_make, w.sort_model, w.created_at DESC, w.id
LIMIT $7
