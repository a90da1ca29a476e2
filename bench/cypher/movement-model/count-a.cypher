// Shape A: how much is loaded (from the count store), to check that a re-load changes nothing.
// Parameters: none.
// Result: persons, locations, stays (integers): nodes and BENCH_STAYED_AT relationships.
CALL () { MATCH (p:BenchPersonA) RETURN count(p) AS persons }
CALL () { MATCH (l:BenchLocationA) RETURN count(l) AS locations }
CALL () { MATCH ()-[s:BENCH_STAYED_AT]->() RETURN count(s) AS stays }
RETURN persons, locations, stays
