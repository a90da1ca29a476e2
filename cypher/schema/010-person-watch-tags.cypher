// Watch-list membership: persons carry the names of the lists they are on in Person.tags.
// A keyword full-text index over that list finds a list's members with one look-up, so the
// batch comparison (批量比对碰撞) reads the lists first and then checks each record against
// their identifiers in memory, instead of looking every record's person up several times.
// Parameters: none. Idempotent (IF NOT EXISTS).
CREATE FULLTEXT INDEX person_watch_tags IF NOT EXISTS FOR (n:Person) ON EACH [n.tags] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
