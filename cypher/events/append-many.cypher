// Appends a batch of events to the shared event log in one transaction (a collision that
// issues a hundred orders tells subscribers in one write). The counter is locked first, then
// moved on by the batch size, so the batch gets consecutive sequences committed together.
// Parameters: $events [{topic, payload (JSON text)}], $origin, $atMs. Columns: seq (the last).
MERGE (c:ClewEventCounter {id: 'events'})
ON CREATE SET c.seq = 0
SET c.lockedAt = $atMs
WITH c, c.seq AS base
SET c.seq = base + size($events)
WITH base
UNWIND range(0, size($events) - 1) AS i
CREATE (e:ClewEvent {seq: base + i + 1, topic: $events[i].topic, payload: $events[i].payload, origin: $origin, atMs: $atMs})
RETURN max(e.seq) AS seq
