// Removes an API key. Only test fixtures do this; production keys are revoked, not deleted.
// Parameters: $id. Columns: none.
MATCH (k:ApiKey {id: $id})
DELETE k
