// Shape A: one BenchLocationA per id; the index that location-anchored expands start from.
// Parameters: none. Result: none.
CREATE CONSTRAINT bench_movement_a_location_id IF NOT EXISTS
FOR (l:BenchLocationA) REQUIRE l.id IS UNIQUE
