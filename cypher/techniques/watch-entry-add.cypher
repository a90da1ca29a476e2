// Adds an explicit entry to a watch-list: someone known by identifiers only (another unit's
// list), compared by resident ID, phone, plate, or name with birth date.
// Parameters: $entry {id, list, idNumber, phone, plate, name, birthDate (ISO date or null),
//   note, addedBy, addedAt}. Columns: entry (stored properties).
MATCH (w:WatchList {name: $entry.list})
CREATE (e:WatchEntry)
SET e = $entry, e.birthDate = CASE WHEN $entry.birthDate IS NULL THEN null ELSE date($entry.birthDate) END
CREATE (w)-[:HAS_ENTRY]->(e)
RETURN properties(e) AS entry
