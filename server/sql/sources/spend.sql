-- The spend of the months $1 to $2 (YYYY-MM, inclusive), in the order the rows were added.
SELECT doc FROM spend WHERE month BETWEEN $1::text AND $2::text ORDER BY seq
