// Indexing every audit record's entity ids in its own write made each request pay for a
// Lucene update (~10 ms here), so this moved the full-text index off AuditRecord; 009
// replaced the index it made with one over separate AuditEntityIndex nodes.
// Parameters: none. Idempotent (IF EXISTS / IF NOT EXISTS).
DROP INDEX audit_record_entities IF EXISTS;
CREATE FULLTEXT INDEX audit_indexed_entities IF NOT EXISTS FOR (r:AuditIndexed) ON EACH [r.entities] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE CONSTRAINT audit_index_cursor_id IF NOT EXISTS FOR (c:AuditIndexCursor) REQUIRE c.id IS UNIQUE;
