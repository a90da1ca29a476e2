// Records which synthetic county was loaded, so the next start or test run can skip it.
// Parameters: $seed, $scale, $fingerprint. Columns: none.
MERGE (m:SeedMarker {key: 'county'})
SET m.seed = $seed, m.scale = $scale, m.fingerprint = $fingerprint, m.loadedAt = datetime()
