// Undoes the latest decision on an identity link that is not undone yet: the link goes
// back to the status it had before, and the decision is marked undone with who and when.
// Parameters: $key (SAME_AS key), $by.
// Columns: key, undone (false when there was no decision left to undo).
MATCH (:Person)-[s:SAME_AS {key: $key}]->(:Person)
OPTIONAL CALL (s) {
  MATCH (d:IdentityDecision {pair: s.key})
  WHERE NOT d.undone
  RETURN d ORDER BY d.at DESC, d.id DESC LIMIT 1
}
FOREACH (_ IN CASE WHEN d IS NULL THEN [] ELSE [1] END |
  SET s.status = d.from, s.decidedBy = $by, s.decidedAt = datetime(),
      d.undone = true, d.undoneBy = $by, d.undoneAt = datetime())
RETURN s.key AS key, d IS NOT NULL AS undone
