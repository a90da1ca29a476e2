// Shape B: one BenchStay event node per stay, MERGEd on its natural key, linked
// (person)-[:BENCH_MADE]->(stay)-[:BENCH_AT]->(place); the place's id is copied onto the
// stay for the composite (locationId, checkIn) index.
// Parameters: $rows: list of {key, personId, locationId: string, checkIn, checkOut: ISO-8601
//   datetime strings with offset}. Result: none.
UNWIND $rows AS row
MATCH (p:BenchPersonB {id: row.personId})
MATCH (l:BenchLocationB {id: row.locationId})
MERGE (s:BenchStay {key: row.key})
SET s.checkIn = datetime(row.checkIn),
    s.checkOut = datetime(row.checkOut),
    s.locationId = row.locationId
MERGE (p)-[:BENCH_MADE]->(s)
MERGE (s)-[:BENCH_AT]->(l)
