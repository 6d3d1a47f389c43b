-- How many wants the needed-vehicles list has for make key $1 and search $2 (see page.sql).
SELECT count(*)::int AS total
FROM wants AS w
LEFT JOIN customers AS c ON c.tenant_id = w.tenant_id AND c.id = w.customer_id
WHERE coalesce(c.doc->>'status', w.doc->>'customerStatus') = 'need-car-locate'
  AND ($1::text IS NULL OR w.make_key = $1)
  AND ($2::text IS NULL OR strpos(w.search_text, $2) > 0)
