// Creates an API key for another unit's system; only the secret's SHA-256 is stored.
// Parameters: $key {id, name, secretHash, unit, scopes, identifierAccess, rateLimitPerMinute, createdAt, createdBy}.
// Columns: key (public properties: no secret hash).
CREATE (k:ApiKey)
SET k = $key
RETURN k {.id, .name, .unit, .scopes, .identifierAccess, .rateLimitPerMinute, .createdAt, .createdBy, .revokedAt, .revokedBy} AS key
