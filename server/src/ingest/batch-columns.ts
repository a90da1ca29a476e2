/**
 * A batch of rows turned into one list per field (`{key: [k0, k1, …], checkIn: […], …}`),
 * which the ingest statements read as `$key[row]` for `row` in `range(0, size($i) - 1)`.
 *
 * Why not a list of maps: Bolt sends every map's keys again with every row, and both sides
 * pay for them. Sending the same stays as columns cut the driver's CPU per row from 7.8 to
 * 4.0 µs and Neo4j's from about 74 to 65 µs (`npm run bench:stay-write`, docs/ingest.md).
 *
 * A field that some rows lack is null in theirs, so no row's value is dropped.
 */
export function asColumns(rows: readonly Record<string, unknown>[], scalars: readonly string[] = ['job', 'run']): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {};
  rows.forEach((row, k) => {
    for (const field in row) {
      let column = columns[field];
      if (!column) {
        if (scalars.includes(field)) throw new Error(`a row's field "${field}" would hide the statement's parameter $${field}`);
        columns[field] = column = new Array<unknown>(rows.length).fill(null);
      }
      column[k] = row[field];
    }
  });
  // An empty batch still names the row count the statements size by.
  columns.i ??= [];
  return columns;
}
