// Last step of an indexing batch: the plain-text entity ids of each record (only records
// that returned entities get a node) and the cursor moved past the batch.
// Parameters: $rows [{seq, entities}], $lastSeq. Columns: none.
UNWIND $rows AS row
CREATE (:AuditEntityIndex {seq: row.seq, entities: row.entities})
WITH count(*) AS written
MATCH (c:AuditIndexCursor {id: 'main'})
SET c.seq = $lastSeq
