// Shape B: range index on the stay node's check-in time.
// Parameters: none. Result: none.
CREATE INDEX bench_movement_b_stay_check_in IF NOT EXISTS
FOR (s:BenchStay) ON (s.checkIn)
