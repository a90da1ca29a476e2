// Repeated contact: calls between a person's phones and each associate's phones up to the
// end of the window (either direction).
// Parameters: $personId, $ids [associate person id], $to (ISO datetime).
// Columns: associate, calls, lastCall.
MATCH (p:Person {id: $personId})-[:USES_PHONE]->(:Phone)-[c:CALLED]-(:Phone)<-[:USES_PHONE]-(a:Person)
WHERE a.id IN $ids AND c.at <= datetime($to)
RETURN a.id AS associate, count(DISTINCT c) AS calls, max(c.at) AS lastCall
