// Deletes one of the owner's saved charts (what was on it stays in the database).
// Parameters: $id, $owner.
// Columns: deleted (0 or 1).
OPTIONAL MATCH (c:SavedChart {id: $id}) WHERE c.owner = $owner
WITH c, CASE WHEN c IS NULL THEN 0 ELSE 1 END AS deleted
DETACH DELETE c
RETURN deleted
