// One API key by id, with its secret hash (for authenticating a request).
// Parameters: $id. Columns: key (all properties).
MATCH (k:ApiKey {id: $id})
RETURN k {.*} AS key
