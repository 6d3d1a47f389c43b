-- The tenant's source categories, in their order.
SELECT doc FROM source_categories ORDER BY sort_order, id
