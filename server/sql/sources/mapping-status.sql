-- How far the mapping of sources to categories is: live sources, those mapped, customers whose
-- source is unknown (see customers_matching), and all customers.
SELECT
  (SELECT count(*)::int FROM sources WHERE NOT deleted) AS total,
  (SELECT count(*)::int FROM sources WHERE NOT deleted AND category_id IS NOT NULL) AS mapped,
  (SELECT count(*)::int FROM customers_matching(NULL, true)) AS "unknownCustomers",
  (SELECT count(*)::int FROM customers) AS customers
