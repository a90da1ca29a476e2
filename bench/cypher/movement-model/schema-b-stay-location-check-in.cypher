// Shape B: composite node index (locationId, checkIn) on stay nodes, the counterpart of
// shape A's composite relationship index.
// Parameters: none. Result: none.
CREATE INDEX bench_movement_b_stay_location_check_in IF NOT EXISTS
FOR (s:BenchStay) ON (s.locationId, s.checkIn)
