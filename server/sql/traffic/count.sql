-- How many events match the range and drill path ($1..$11, see traffic_matching).
SELECT count(*)::int AS total FROM traffic_matching($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
