// Every API key, newest first, for the administrator's list.
// Parameters: none. Columns: key (public properties).
MATCH (k:ApiKey)
RETURN k {.id, .name, .unit, .scopes, .identifierAccess, .rateLimitPerMinute, .createdAt, .createdBy, .revokedAt, .revokedBy} AS key
ORDER BY k.createdAt DESC, k.id
