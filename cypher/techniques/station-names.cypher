// The names of stations, for explanations a station officer reads (新城派出所, not S-XC).
// Parameters: $ids [station id].
// Columns: id, name.
UNWIND $ids AS id
MATCH (s:Station {id: id})
RETURN s.id AS id, s.name AS name
