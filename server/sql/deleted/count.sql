-- How many deleted records match the filter ($1..$6, see deleted_matching).
SELECT count(*)::int AS total FROM deleted_matching($1, $2, $3, $4, $5, $6)
