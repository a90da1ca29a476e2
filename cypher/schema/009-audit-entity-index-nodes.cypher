// Audit records keep their entity ids compressed (a 2-hop expansion returns hundreds, and
// writing them as plain text doubled the cost of each request's audit write). The
// full-text index "who looked at this entity" therefore moves to separate AuditEntityIndex
// nodes ({seq, entities} in plain text), which a background step writes in batches after
// the records; the record itself stays as written and hashed.
// Parameters: none. Idempotent (IF EXISTS / IF NOT EXISTS).
DROP INDEX audit_indexed_entities IF EXISTS;
CREATE CONSTRAINT audit_entity_index_seq IF NOT EXISTS FOR (x:AuditEntityIndex) REQUIRE x.seq IS UNIQUE;
CREATE FULLTEXT INDEX audit_entity_index_text IF NOT EXISTS FOR (x:AuditEntityIndex) ON EACH [x.entities] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
