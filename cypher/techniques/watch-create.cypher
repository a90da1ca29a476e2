// Creates a standing watch on a wanted person: an alert is raised whenever an import brings
// a new movement of one of their close associates.
// Parameters: $watch {id, personId, relationTypes, depth, minStrength, note, createdBy, createdAt, active}.
// Columns: watch (stored properties), or no row when the person does not exist.
MATCH (p:Person {id: $watch.personId})
CREATE (w:StandingWatch)
SET w = $watch
CREATE (w)-[:WATCHES]->(p)
RETURN properties(w) AS watch
