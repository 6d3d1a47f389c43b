-- The tenant's OEM rules in rule order.
SELECT doc FROM oem_rules ORDER BY position, id
