// Entities' uid in a range index instead of under a uniqueness constraint.
// Every Entity label has a key constraint of its own (001: Person.id, Phone.number, …), and a
// uid is that label and key ('Person:' + id), so those constraints already keep uids apart.
// The uid constraint checked it a second time on every node an import created: an index
// look-up and a lock held to commit (docs/benchmarks.md, Foundation, stop 20). The look-ups by
// uid (link/nodes-by-uid, link/expand-ring, export/edges-from) use the range index.
DROP CONSTRAINT entity_uid IF EXISTS;
CREATE INDEX entity_uid_lookup IF NOT EXISTS FOR (n:Entity) ON (n.uid);
