// Cases by record id.
// Parameters: $ids [string]. Columns: id, case.
UNWIND $ids AS id
MATCH (c:Case {id: id})
RETURN id, c {.*} AS case
