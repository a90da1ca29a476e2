// An analyst's decision on an identity link (confirm or reject), recorded as a decision
// node with who, when, the status before and after, so it can be reviewed and undone.
// Parameters: $key (SAME_AS key), $status (CONFIRMED | REJECTED), $by, $note, $decisionId.
// Columns: key (null when no such link).
MATCH (:Person)-[s:SAME_AS {key: $key}]->(:Person)
CREATE (d:IdentityDecision {id: $decisionId, pair: $key, action: $status, from: s.status, to: $status,
                            by: $by, at: datetime(), note: $note, undone: false})
SET s.status = $status, s.decidedBy = $by, s.decidedAt = d.at
RETURN s.key AS key
