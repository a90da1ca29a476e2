// Shape B: how much is loaded (from the count store), to check that a re-load changes nothing.
// Parameters: none.
// Result: persons, locations, stays (integers: BenchStay nodes), made, at (integers:
//   BENCH_MADE and BENCH_AT relationships; each must equal stays).
CALL () { MATCH (p:BenchPersonB) RETURN count(p) AS persons }
CALL () { MATCH (l:BenchLocationB) RETURN count(l) AS locations }
CALL () { MATCH (s:BenchStay) RETURN count(s) AS stays }
CALL () { MATCH ()-[r:BENCH_MADE]->() RETURN count(r) AS made }
CALL () { MATCH ()-[r:BENCH_AT]->() RETURN count(r) AS at }
RETURN persons, locations, stays, made, at
