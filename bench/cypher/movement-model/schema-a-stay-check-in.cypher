// Shape A: range index on the stay relationship's check-in time.
// Parameters: none. Result: none.
CREATE INDEX bench_movement_a_stay_check_in IF NOT EXISTS
FOR ()-[s:BENCH_STAYED_AT]-() ON (s.checkIn)
