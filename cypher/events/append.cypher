// Appends one event to the shared event log. The counter node is locked by the SET, so
// sequences are handed out and committed in order: a reader that has seen seq N has seen
// every event below N.
// Parameters: $topic, $payload (JSON text), $origin (the emitting process), $atMs.
// Columns: seq.
MERGE (c:ClewEventCounter {id: 'events'})
ON CREATE SET c.seq = 0
SET c.seq = c.seq + 1
CREATE (e:ClewEvent {seq: c.seq, topic: $topic, payload: $payload, origin: $origin, atMs: $atMs})
RETURN e.seq AS seq
