// Shape B (movements as event nodes): one BenchPersonB per id.
// Parameters: none. Result: none.
CREATE CONSTRAINT bench_movement_b_person_id IF NOT EXISTS
FOR (p:BenchPersonB) REQUIRE p.id IS UNIQUE
