// Shape A: composite relationship index (locationId, checkIn): "who was at this place in
// this window" as one index seek, without expanding the place's relationships.
// Parameters: none. Result: none.
CREATE INDEX bench_movement_a_stay_location_check_in IF NOT EXISTS
FOR ()-[s:BENCH_STAYED_AT]-() ON (s.locationId, s.checkIn)
