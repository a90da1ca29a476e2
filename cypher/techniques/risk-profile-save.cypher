// Saves a risk profile as a new version: the profile node holds the current settings and
// version number, and every version is kept as its own node, so a search run can always
// show the exact profile it used. An origin given without its name takes the name of the
// region with that code, when the graph has one.
// Parameters: $id, $profile {origin, originName, caseType, weight, justification, approvedBy,
//   approvedAt, active, savedBy, savedAt}. Columns: profile (stored properties of the version).
OPTIONAL MATCH (r:Region {code: $profile.origin})
WITH CASE WHEN $profile.originName = '' THEN coalesce(r.name, '') ELSE $profile.originName END AS originName
MERGE (p:RiskProfile {id: $id})
ON CREATE SET p.version = 0, p.createdAt = $profile.savedAt, p.createdBy = $profile.savedBy
SET p += $profile, p.originName = originName, p.version = p.version + 1
CREATE (v:RiskProfileVersion)
SET v = $profile, v.originName = originName, v.profileId = $id, v.version = p.version, v.key = $id + '#' + toString(p.version)
CREATE (p)-[:VERSION]->(v)
RETURN properties(v) AS profile
