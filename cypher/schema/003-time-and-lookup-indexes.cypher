// Range indexes for time-window look-ups (per person is an expand; per place uses the
// composite (locationId, time) index), for watch-list comparison by resident ID, and for
// origin-based search. Point indexes for distance queries.
// Parameters: none. Idempotent (IF NOT EXISTS).
CREATE INDEX stayed_at_check_in IF NOT EXISTS FOR ()-[r:STAYED_AT]-() ON (r.checkIn);
CREATE INDEX stayed_at_location_time IF NOT EXISTS FOR ()-[r:STAYED_AT]-() ON (r.locationId, r.checkIn);
CREATE INDEX logged_in_at IF NOT EXISTS FOR ()-[r:LOGGED_IN]-() ON (r.at);
CREATE INDEX logged_in_location_time IF NOT EXISTS FOR ()-[r:LOGGED_IN]-() ON (r.locationId, r.at);
CREATE INDEX passed_at IF NOT EXISTS FOR ()-[r:PASSED]-() ON (r.at);
CREATE INDEX passed_location_time IF NOT EXISTS FOR ()-[r:PASSED]-() ON (r.locationId, r.at);
CREATE INDEX called_at IF NOT EXISTS FOR ()-[r:CALLED]-() ON (r.at);
CREATE INDEX person_id_number IF NOT EXISTS FOR (n:Person) ON (n.idNumber);
CREATE INDEX person_origin IF NOT EXISTS FOR (n:Person) ON (n.origin);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX case_occurred_from IF NOT EXISTS FOR (n:Case) ON (n.occurredFrom);
CREATE INDEX case_type IF NOT EXISTS FOR (n:Case) ON (n.type);
CREATE INDEX location_type IF NOT EXISTS FOR (n:Location) ON (n.type);
CREATE POINT INDEX location_point IF NOT EXISTS FOR (n:Location) ON (n.point);
CREATE POINT INDEX case_point IF NOT EXISTS FOR (n:Case) ON (n.point);
