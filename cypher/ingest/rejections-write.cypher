// Stores rejected records of an import job. Keyed by job and the record's sequence number,
// so a resumed run rejecting the same record again does not store it twice.
// A record's further problems go in four lists of the same length (a property cannot hold maps).
// Parameters: $job, $rows [{seq, file, line, sheet, row, kind, source, field, rule, reason, reasonZh,
//   otherProblems [{field, rule, reason, reasonZh}]}].
// Columns: none.
UNWIND $rows AS r
MERGE (x:ImportRejection {key: $job + '|' + toString(r.seq)})
SET x.job = $job, x.seq = r.seq, x.file = r.file, x.line = r.line, x.sheet = r.sheet, x.row = r.row,
    x.kind = r.kind, x.source = r.source, x.field = r.field, x.rule = r.rule, x.reason = r.reason,
    x.reasonZh = r.reasonZh,
    x.otherFields = [o IN r.otherProblems | o.field], x.otherRules = [o IN r.otherProblems | o.rule],
    x.otherReasons = [o IN r.otherProblems | o.reason], x.otherReasonsZh = [o IN r.otherProblems | coalesce(o.reasonZh, o.reason)]
