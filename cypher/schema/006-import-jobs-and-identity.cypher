// Import jobs, their rejected records, and identity links between person records:
// unique keys so a resumed import MERGEs onto the same job and rejection nodes, the
// SAME_AS key so resolution run twice links a pair once, and the look-ups the importer
// and the data-quality report make.
// Parameters: none. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT import_job_id IF NOT EXISTS FOR (n:ImportJob) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_rejection_key IF NOT EXISTS FOR (n:ImportRejection) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT identity_decision_id IF NOT EXISTS FOR (n:IdentityDecision) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT same_as_key IF NOT EXISTS FOR ()-[r:SAME_AS]-() REQUIRE r.key IS UNIQUE;
CREATE INDEX import_job_started IF NOT EXISTS FOR (n:ImportJob) ON (n.startedAt);
CREATE INDEX import_rejection_job IF NOT EXISTS FOR (n:ImportRejection) ON (n.job, n.seq);
CREATE INDEX identity_decision_pair IF NOT EXISTS FOR (n:IdentityDecision) ON (n.pair);
CREATE INDEX person_import_job IF NOT EXISTS FOR (n:Person) ON (n.importJob);
CREATE INDEX same_as_status IF NOT EXISTS FOR ()-[r:SAME_AS]-() ON (r.status);
