// Drops one of the bench's indexes; the name comes from the bench's allow-list.
// Parameters: $name (string). Result: none.
DROP INDEX $name IF EXISTS
