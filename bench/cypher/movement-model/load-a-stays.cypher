// Shape A: one BENCH_STAYED_AT relationship per stay, MERGEd on its natural key, with the
// place's id copied onto it for the composite (locationId, checkIn) index.
// Parameters: $rows: list of {key, personId, locationId: string, checkIn, checkOut: ISO-8601
//   datetime strings with offset}. Result: none.
UNWIND $rows AS row
MATCH (p:BenchPersonA {id: row.personId})
MATCH (l:BenchLocationA {id: row.locationId})
MERGE (p)-[s:BENCH_STAYED_AT {key: row.key}]->(l)
SET s.checkIn = datetime(row.checkIn),
    s.checkOut = datetime(row.checkOut),
    s.locationId = row.locationId
