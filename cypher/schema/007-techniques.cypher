// The four techniques (docs/techniques.md): their run records, watch-lists and entries,
// verification orders, standing watches and alerts, risk profiles with their versions,
// the shared event log behind GraphQL subscriptions, and the leases and slots that keep
// scheduled work to one process. Plus the look-ups: orders by station and deadline,
// movements by the import job that wrote them (collision after each import), watch-list
// entries by each identifier, events by sequence and time.
// Parameters: none. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT technique_run_id IF NOT EXISTS FOR (n:TechniqueRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT watch_list_name IF NOT EXISTS FOR (n:WatchList) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT watch_entry_id IF NOT EXISTS FOR (n:WatchEntry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT verification_order_id IF NOT EXISTS FOR (n:VerificationOrder) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT verification_order_hit IF NOT EXISTS FOR (n:VerificationOrder) REQUIRE n.hitKey IS UNIQUE;
CREATE CONSTRAINT standing_watch_id IF NOT EXISTS FOR (n:StandingWatch) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alert_key IF NOT EXISTS FOR (n:Alert) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT risk_profile_id IF NOT EXISTS FOR (n:RiskProfile) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT risk_profile_version_key IF NOT EXISTS FOR (n:RiskProfileVersion) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT clew_event_seq IF NOT EXISTS FOR (n:ClewEvent) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT clew_event_counter_id IF NOT EXISTS FOR (n:ClewEventCounter) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT lease_name IF NOT EXISTS FOR (n:Lease) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT scheduled_slot_key IF NOT EXISTS FOR (n:ScheduledSlot) REQUIRE n.key IS UNIQUE;
CREATE INDEX technique_run_started IF NOT EXISTS FOR (n:TechniqueRun) ON (n.technique, n.startedAt);
CREATE INDEX verification_order_station IF NOT EXISTS FOR (n:VerificationOrder) ON (n.station, n.issuedAt);
CREATE INDEX verification_order_status IF NOT EXISTS FOR (n:VerificationOrder) ON (n.status, n.deadline);
CREATE INDEX watch_entry_id_number IF NOT EXISTS FOR (n:WatchEntry) ON (n.idNumber);
CREATE INDEX watch_entry_phone IF NOT EXISTS FOR (n:WatchEntry) ON (n.phone);
CREATE INDEX watch_entry_plate IF NOT EXISTS FOR (n:WatchEntry) ON (n.plate);
CREATE INDEX watch_entry_name IF NOT EXISTS FOR (n:WatchEntry) ON (n.name);
CREATE INDEX alert_watch IF NOT EXISTS FOR (n:Alert) ON (n.watchId, n.raisedAt);
CREATE INDEX clew_event_at IF NOT EXISTS FOR (n:ClewEvent) ON (n.atMs);
CREATE INDEX stayed_at_import_job IF NOT EXISTS FOR ()-[r:STAYED_AT]-() ON (r.importJob);
CREATE INDEX logged_in_import_job IF NOT EXISTS FOR ()-[r:LOGGED_IN]-() ON (r.importJob);
CREATE INDEX passed_import_job IF NOT EXISTS FOR ()-[r:PASSED]-() ON (r.importJob);
CREATE INDEX case_status IF NOT EXISTS FOR (n:Case) ON (n.status);
