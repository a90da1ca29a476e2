// Saved charts (保存的关系图, docs/client.md): an investigator's chart kept to come back to.
// Looked up by id, and listed per owner and per unit (shared ones), newest first.
// Parameters: none. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT saved_chart_id IF NOT EXISTS FOR (c:SavedChart) REQUIRE c.id IS UNIQUE;
CREATE INDEX saved_chart_owner IF NOT EXISTS FOR (c:SavedChart) ON (c.owner, c.updatedAt);
CREATE INDEX saved_chart_unit IF NOT EXISTS FOR (c:SavedChart) ON (c.unit, c.updatedAt);
