// Revokes an API key; it stays listed, with who revoked it and when.
// Parameters: $id, $by, $now (epoch ms). Columns: key (public properties).
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, $now), k.revokedBy = coalesce(k.revokedBy, $by)
RETURN k {.id, .name, .unit, .scopes, .identifierAccess, .rateLimitPerMinute, .createdAt, .createdBy, .revokedAt, .revokedBy} AS key
