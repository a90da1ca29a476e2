// Ends one session (sign-out, or found expired).
// Parameters: $id. Columns: none.
MATCH (s:Session {id: $id})
DELETE s
