// Persons by record id, for the person(id) query and for loaders.
// Parameters: $ids [string]. Columns: id, person (map of the node's properties).
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, p {.*} AS person
