-- The ids of the tenant's spend rows (a new row takes the next free `spend-<n>`).
SELECT id FROM spend
