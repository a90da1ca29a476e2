// Which synthetic county (seed, scale, generator fingerprint) the database holds, if any.
// Parameters: none. Columns: seed, scale, fingerprint.
MATCH (m:SeedMarker {key: 'county'})
RETURN m.seed AS seed, m.scale AS scale, m.fingerprint AS fingerprint
