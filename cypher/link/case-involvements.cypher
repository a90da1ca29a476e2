// The persons involved in each of a batch of cases, in a stable order.
// Parameters: $ids [case id]. Columns: caseId, person, role, note.
UNWIND $ids AS caseId
MATCH (c:Case {id: caseId})<-[r:INVOLVED_IN]-(p:Person)
RETURN caseId, p {.*} AS person, r.role AS role, r.note AS note
ORDER BY caseId, r.role, p.id
