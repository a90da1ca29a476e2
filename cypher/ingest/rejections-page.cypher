// A page of an import job's rejected records in the order they were read.
// Parameters: $job, $after (sequence number, -1 for the start), $limit.
// Columns: rejection {seq, file, line, sheet, row, kind, source, field, rule, reason, reasonZh,
//   otherProblems [{field, rule, reason, reasonZh}] (empty on rejections stored before they were kept)}.
MATCH (x:ImportRejection)
WHERE x.job = $job AND x.seq > $after
RETURN x {.seq, .file, .line, .sheet, .row, .kind, .source, .field, .rule, .reason, .reasonZh,
  otherProblems: [j IN range(0, size(coalesce(x.otherFields, [])) - 1) |
    {field: x.otherFields[j], rule: x.otherRules[j], reason: x.otherReasons[j], reasonZh: x.otherReasonsZh[j]}]} AS rejection
ORDER BY x.seq
LIMIT $limit
