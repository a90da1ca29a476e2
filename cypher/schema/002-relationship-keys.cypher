// Unique natural keys on relationships, so importing the same record twice MERGEs onto
// the same relationship instead of adding a second one.
// Parameters: none. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT rel_family_key IF NOT EXISTS FOR ()-[r:FAMILY]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_associate_key IF NOT EXISTS FOR ()-[r:ASSOCIATE]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_co_offender_key IF NOT EXISTS FOR ()-[r:CO_OFFENDER]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_partner_key IF NOT EXISTS FOR ()-[r:PARTNER]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_old_relation_key IF NOT EXISTS FOR ()-[r:OLD_RELATION]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_colleague_key IF NOT EXISTS FOR ()-[r:COLLEAGUE]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT rel_contact_key IF NOT EXISTS FOR ()-[r:CONTACT]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT stayed_at_key IF NOT EXISTS FOR ()-[r:STAYED_AT]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT logged_in_key IF NOT EXISTS FOR ()-[r:LOGGED_IN]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT passed_key IF NOT EXISTS FOR ()-[r:PASSED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT called_key IF NOT EXISTS FOR ()-[r:CALLED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT involved_in_key IF NOT EXISTS FOR ()-[r:INVOLVED_IN]-() REQUIRE r.key IS UNIQUE;
