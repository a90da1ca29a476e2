// The last sequence handed out, so a process that starts now delivers only newer events.
// Parameters: none. Columns: seq (0 when no event was ever appended).
OPTIONAL MATCH (c:ClewEventCounter {id: 'events'})
RETURN coalesce(c.seq, 0) AS seq
