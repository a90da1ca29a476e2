// Shape A: a stay's natural key (person|location|checkIn in UTC) is unique, so loading
// the same record twice MERGEs onto the same relationship.
// Parameters: none. Result: none.
CREATE CONSTRAINT bench_movement_a_stay_key IF NOT EXISTS
FOR ()-[s:BENCH_STAYED_AT]-() REQUIRE s.key IS UNIQUE
