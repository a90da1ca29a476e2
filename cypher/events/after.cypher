// Events appended after a sequence, oldest first: what a polling process has not delivered yet.
// Parameters: $after (seq), $limit. Columns: seq, topic, payload (JSON text), origin.
MATCH (e:ClewEvent)
WHERE e.seq > $after
RETURN e.seq AS seq, e.topic AS topic, e.payload AS payload, e.origin AS origin
ORDER BY e.seq
LIMIT $limit
