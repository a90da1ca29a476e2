// Starts an import job, or a new run of an interrupted one (same id): the run number goes
// up and the counters start again, since every run reads its files from the beginning
// (records the job already wrote count as accepted, not unchanged).
// Parameters: $id, $source, $files [label], $paths [server path], $formats [string],
//   $principal, $options (JSON text), $bytesTotal.
// Columns: run (this run's number, 1 for a new job), principal (who started the job).
MERGE (j:ImportJob {id: $id})
ON CREATE SET j.startedAt = datetime(), j.principal = $principal, j.source = $source,
              j.files = $files, j.paths = $paths, j.formats = $formats, j.options = $options
WITH j, coalesce(j.run, 0) AS previous
SET j.run = previous + 1, j.status = 'RUNNING', j.phase = 'writing', j.runStartedAt = datetime(),
    j.heartbeatAt = datetime(), j.endedAt = null, j.error = null, j.read = 0, j.accepted = 0,
    j.rejected = 0, j.unchanged = 0, j.duplicates = 0, j.bytesRead = 0, j.bytesTotal = $bytesTotal,
    j.notices = [], j.noticesZh = [], j.resumedBy = CASE WHEN previous > 0 THEN $principal END
RETURN j.run AS run, j.principal AS principal
