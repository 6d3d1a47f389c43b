-- A source ($1): whether it exists, and its name and state.
SELECT doc->>'name' AS name, deleted FROM sources WHERE id = $1
