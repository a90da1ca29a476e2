// Shape A: finds or creates each place by id and sets its WGS-84 point.
// Parameters: $rows: list of {id: string, lat: float, lon: float}. Result: none.
UNWIND $rows AS row
MERGE (l:BenchLocationA {id: row.id})
SET l.point = point({latitude: row.lat, longitude: row.lon})
