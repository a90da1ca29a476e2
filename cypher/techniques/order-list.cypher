// Verification orders, newest first, filtered by station (a station officer sees only their
// own) and status.
// Parameters: $station (station id or null), $statuses [status] or null, $skip, $limit.
// Columns: order (stored properties), total.
MATCH (o:VerificationOrder)
WHERE ($station IS NULL OR o.station = $station) AND ($statuses IS NULL OR o.status IN $statuses)
WITH o ORDER BY o.issuedAt DESC, o.id DESC
WITH collect(o) AS matching
UNWIND (CASE WHEN size(matching) = 0 THEN [null] ELSE matching[$skip..$skip + $limit] END) AS o
RETURN CASE WHEN o IS NULL THEN null ELSE properties(o) END AS order, size(matching) AS total
