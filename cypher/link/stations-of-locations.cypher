// The station covering each of a batch of locations.
// Parameters: $ids [location id]. Columns: id, station.
UNWIND $ids AS id
MATCH (:Location {id: id})-[:COVERED_BY]->(s:Station)
RETURN id, s {.*} AS station
