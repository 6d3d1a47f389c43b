-- How many customers match the filter ($1, $2, see customers_matching).
SELECT count(*)::int AS total FROM customers_matching($1, $2)
