-- The stored messages among the ids of $1 (a JSON array).
SELECT s.id, s.doc FROM sms AS s JOIN jsonb_array_elements_text($1::text::jsonb) AS i(id) ON s.id = i.id
