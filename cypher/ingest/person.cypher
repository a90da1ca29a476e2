// Writes persons with their phones and plates (as Phone / Vehicle nodes and as lists on
// the person, so one full-text index finds a person by any of them).
// Parameters: a list per field, entry k for the batch's record k (batch-columns.ts):
//   $i, $hash, $id, $name, $idNumber, $gender, $birthDate, $origin, $residence, $employment,
//   $phones, $plates, $tags, $source, $sourceId; and $job, $run.
// Columns: i, field, ref (none: a person names no other record).
// Only records that are new or changed come here (see the <kind>-stored look-up);
// rowHash and importRun let the next import tell unchanged, resumed and duplicate records.
UNWIND range(0, size($i) - 1) AS row
MERGE (p:Person {id: $id[row]})
ON CREATE SET p:Entity, p.uid = 'Person:' + $id[row], p.ingestedAt = datetime()
SET p.name = $name[row], p.idNumber = $idNumber[row], p.gender = $gender[row],
    p.birthDate = date($birthDate[row]), p.origin = $origin[row], p.residence = $residence[row],
    p.employment = $employment[row], p.phones = $phones[row], p.plates = $plates[row], p.tags = $tags[row],
    p.source = $source[row], p.sourceId = $sourceId[row], p.importJob = $job,
    p.rowHash = $hash[row], p.importRun = $run
WITH p, row
CALL (p, row) {
  UNWIND $phones[row] AS number
  MERGE (ph:Phone {number: number})
  ON CREATE SET ph:Entity, ph.uid = 'Phone:' + number, ph.ingestedAt = datetime(), ph.source = $source[row], ph.importJob = $job
  MERGE (p)-[u:USES_PHONE {key: $id[row] + '|' + number}]->(ph)
  ON CREATE SET u.ingestedAt = datetime(), u.source = $source[row], u.sourceId = $sourceId[row], u.importJob = $job
}
CALL (p, row) {
  UNWIND $plates[row] AS plate
  MERGE (v:Vehicle {plate: plate})
  ON CREATE SET v:Entity, v.uid = 'Vehicle:' + plate, v.ingestedAt = datetime(), v.source = $source[row], v.importJob = $job
  MERGE (p)-[o:OWNS_VEHICLE {key: $id[row] + '|' + plate}]->(v)
  ON CREATE SET o.ingestedAt = datetime(), o.source = $source[row], o.sourceId = $sourceId[row], o.importJob = $job
}
RETURN 0 AS i, '' AS field, '' AS ref LIMIT 0
