// Locations by record id.
// Parameters: $ids [string]. Columns: id, location.
UNWIND $ids AS id
MATCH (l:Location {id: id})
RETURN id, l {.*} AS location
