// The bench's own indexes (constraint-backed ones included) and the two token lookup
// indexes, with the id that names each index's folder in the store (for index sizes).
// Parameters: $prefix (string, the bench's name prefix).
// Result: id (integer), name (string), type (RANGE | LOOKUP …), entityType (NODE | RELATIONSHIP).
SHOW INDEXES YIELD id, name, type, entityType
WHERE name STARTS WITH $prefix OR type = 'LOOKUP'
RETURN id, name, type, entityType
ORDER BY name
