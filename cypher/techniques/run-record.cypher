// Records one run of a technique: who ran it, with which arguments and purpose, what came
// out (a summary: the ranked ids and scores, not the whole evidence), and, for the
// high-risk search, the risk-profile version it used.
// Parameters: $run {id, technique, arguments (JSON), actor, actorKind, role, unit, purpose (JSON),
//   startedAt, finishedAt (epoch ms), summary (JSON), profileVersion (key or null)}.
// Columns: id.
CREATE (r:TechniqueRun)
SET r = $run
RETURN r.id AS id
