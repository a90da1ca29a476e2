// Shape B: a stay node's natural key (person|location|checkIn in UTC) is unique, so
// loading the same record twice MERGEs onto the same node.
// Parameters: none. Result: none.
CREATE CONSTRAINT bench_movement_b_stay_key IF NOT EXISTS
FOR (s:BenchStay) REQUIRE s.key IS UNIQUE
