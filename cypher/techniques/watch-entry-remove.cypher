// Removes an explicit watch-list entry.
// Parameters: $id. Columns: removed (0 or 1).
MATCH (e:WatchEntry {id: $id})
DETACH DELETE e
RETURN count(*) AS removed
