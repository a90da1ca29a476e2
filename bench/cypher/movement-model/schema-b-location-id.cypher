// Shape B: one BenchLocationB per id.
// Parameters: none. Result: none.
CREATE CONSTRAINT bench_movement_b_location_id IF NOT EXISTS
FOR (l:BenchLocationB) REQUIRE l.id IS UNIQUE
