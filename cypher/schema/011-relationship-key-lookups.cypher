// Every relationship a chart shows has a key (its id is type:key). The kinds whose keys are
// not unique-constrained (a person's phone and vehicle, and the places' ties to stations,
// regions and cases) get a range index on the key too, so an export of chosen relationships
// finds each by an index seek (export/edges-by-key.cypher) instead of expanding every
// relationship of the busiest nodes. Not unique: an index cannot fail on existing data.
// Parameters: none. Idempotent (IF NOT EXISTS).
CREATE INDEX uses_phone_key IF NOT EXISTS FOR ()-[r:USES_PHONE]-() ON (r.key);
CREATE INDEX owns_vehicle_key IF NOT EXISTS FOR ()-[r:OWNS_VEHICLE]-() ON (r.key);
CREATE INDEX part_of_key IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.key);
CREATE INDEX in_region_key IF NOT EXISTS FOR ()-[r:IN_REGION]-() ON (r.key);
CREATE INDEX covered_by_key IF NOT EXISTS FOR ()-[r:COVERED_BY]-() ON (r.key);
CREATE INDEX occurred_at_key IF NOT EXISTS FOR ()-[r:OCCURRED_AT]-() ON (r.key);
