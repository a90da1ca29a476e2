// A page of an import job's rejected records in the order they were read.
// Parameters: $job, $after (sequence number, -1 for the start), $limit.
// Columns: rejection {seq, file, line, sheet, row, kind, source, field, rule, reason, reasonZh}.
MATCH (x:ImportRejection)
WHERE x.job = $job AND x.seq > $after
RETURN x {.seq, .file, .line, .sheet, .row, .kind, .source, .field, .rule, .reason, .reasonZh} AS rejection
ORDER BY x.seq
LIMIT $limit
