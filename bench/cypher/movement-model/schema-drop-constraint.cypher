// Drops one of the bench's constraints (and the index behind it); the name comes from the
// bench's allow-list, never from input.
// Parameters: $name (string). Result: none.
DROP CONSTRAINT $name IF EXISTS
