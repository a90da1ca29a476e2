// Shape A (movements as relationships): one BenchPersonA per id; the index that loads
// and person-anchored queries start from.
// Parameters: none. Result: none.
CREATE CONSTRAINT bench_movement_a_person_id IF NOT EXISTS
FOR (p:BenchPersonA) REQUIRE p.id IS UNIQUE
