// Standing watches, optionally only the active ones and only those on one person, oldest first.
// Parameters: $activeOnly (bool), $personId (or null for all).
// Columns: watch (stored properties and personName, the watched person's name now).
MATCH (w:StandingWatch)
WHERE (NOT $activeOnly OR w.active) AND ($personId IS NULL OR w.personId = $personId)
OPTIONAL MATCH (p:Person {id: w.personId})
RETURN w {.*, personName: p.name} AS watch
ORDER BY w.createdAt, w.id
