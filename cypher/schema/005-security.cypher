// Accounts, sessions, API keys and the audit trail live in the database, not in process
// memory, so several API processes behind a balancer share them. Users by name and id;
// sessions by token hash, by user (sign-out everywhere) and by last use (purging idle ones);
// keys by id; audit records by sequence (the hash chain), by user or key with sequence (the
// supervisor's "what did this person look at", newest first), by time, and by the entities
// they returned (a whitespace full-text index over the space-separated graph ids, so "who
// looked at Person:P-000123" is one index look-up).
// Parameters: none. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (u:User) REQUIRE u.username IS UNIQUE;
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (s:Session) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT session_token_hash IF NOT EXISTS FOR (s:Session) REQUIRE s.tokenHash IS UNIQUE;
CREATE INDEX session_user IF NOT EXISTS FOR (s:Session) ON (s.userId);
CREATE INDEX session_last_seen IF NOT EXISTS FOR (s:Session) ON (s.lastSeenAt);
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.id IS UNIQUE;
CREATE CONSTRAINT audit_anchor_id IF NOT EXISTS FOR (a:AuditAnchor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT audit_record_seq IF NOT EXISTS FOR (r:AuditRecord) REQUIRE r.seq IS UNIQUE;
CREATE INDEX audit_record_user IF NOT EXISTS FOR (r:AuditRecord) ON (r.userId, r.seq);
CREATE INDEX audit_record_key IF NOT EXISTS FOR (r:AuditRecord) ON (r.keyId, r.seq);
CREATE INDEX audit_record_time IF NOT EXISTS FOR (r:AuditRecord) ON (r.atMs);
CREATE FULLTEXT INDEX audit_record_entities IF NOT EXISTS FOR (r:AuditRecord) ON EACH [r.entities] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
