// Links persons that are likely the same human being, for a page of persons: an equal
// resident ID links them as CONFIRMED (method RESIDENT_ID); the same name and birth date,
// a shared phone or a shared plate make a CANDIDATE with a score and the evidence. Phones
// and plates that more than $hubLimit persons share are no evidence (a hotel's front desk).
// A link that exists keeps its status (an analyst's decision survives re-imports); its
// score and evidence are refreshed. Pairs are stored once, from the smaller id.
// Parameters: $ids [person id], $job, $hubLimit, $minScore.
// Columns: confirmed (links made by resident ID), candidates (new likely matches).
UNWIND $ids AS pid
MATCH (p:Person {id: pid})
CALL (p) {
  MATCH (q:Person {idNumber: p.idNumber})
  WHERE p.idNumber IS NOT NULL AND q <> p
  RETURN q, 'idNumber' AS signal
  UNION
  MATCH (q:Person {name: p.name})
  WHERE p.birthDate IS NOT NULL AND q.birthDate = p.birthDate AND q <> p
  RETURN q, 'name+birthDate' AS signal
  UNION
  MATCH (p)-[:USES_PHONE]->(ph:Phone)<-[:USES_PHONE]-(q:Person)
  WHERE q <> p AND COUNT { (ph)<-[:USES_PHONE]-() } <= $hubLimit
  RETURN q, 'phone:' + ph.number AS signal
  UNION
  MATCH (p)-[:OWNS_VEHICLE]->(v:Vehicle)<-[:OWNS_VEHICLE]-(q:Person)
  WHERE q <> p AND COUNT { (v)<-[:OWNS_VEHICLE]-() } <= $hubLimit
  RETURN q, 'plate:' + v.plate AS signal
}
WITH p, q, collect(DISTINCT signal) AS signals
WITH p, q, signals, 'idNumber' IN signals AS exact,
     p.idNumber IS NOT NULL AND q.idNumber IS NOT NULL AND p.idNumber <> q.idNumber AS idsDiffer,
     p.name = q.name AND NOT 'name+birthDate' IN signals AS sameName
WITH p, q, exact, idsDiffer,
     signals + CASE WHEN sameName THEN ['name'] ELSE [] END + CASE WHEN idsDiffer THEN ['idNumber differs'] ELSE [] END AS evidence,
     reduce(miss = 1.0, s IN signals + CASE WHEN sameName THEN ['name'] ELSE [] END |
       miss * (1 - CASE WHEN s = 'idNumber' THEN 1.0 WHEN s = 'name+birthDate' THEN 0.7
                        WHEN s STARTS WITH 'phone:' THEN 0.5 WHEN s STARTS WITH 'plate:' THEN 0.4
                        WHEN s = 'name' THEN 0.3 ELSE 0.0 END)) AS miss
WITH p, q, exact, evidence, round((1 - miss) * CASE WHEN idsDiffer THEN 0.5 ELSE 1.0 END, 2) AS score
WHERE exact OR score >= $minScore
WITH CASE WHEN p.id < q.id THEN p ELSE q END AS a, CASE WHEN p.id < q.id THEN q ELSE p END AS b, exact, evidence, score
MERGE (a)-[s:SAME_AS {key: a.id + '|' + b.id}]->(b)
ON CREATE SET s.status = CASE WHEN exact THEN 'CONFIRMED' ELSE 'CANDIDATE' END,
              s.method = CASE WHEN exact THEN 'RESIDENT_ID' ELSE 'LIKELY' END,
              s.createdAt = datetime(), s.importJob = $job, s.isNew = true,
              s.decidedBy = CASE WHEN exact THEN 'importer' END,
              s.decidedAt = CASE WHEN exact THEN datetime() END
SET s.score = score, s.evidence = evidence, s.updatedAt = datetime()
WITH s, exact, coalesce(s.isNew, false) AS isNew
REMOVE s.isNew
RETURN count(CASE WHEN isNew AND exact THEN 1 END) AS confirmed, count(CASE WHEN isNew AND NOT exact THEN 1 END) AS candidates
