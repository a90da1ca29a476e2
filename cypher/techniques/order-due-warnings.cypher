// Open orders whose deadline is near and that were not warned about yet; marks them warned.
// Parameters: $now (epoch ms), $warnMs. Columns: order (stored properties).
MATCH (o:VerificationOrder)
WHERE o.status IN ['ISSUED', 'ACKNOWLEDGED'] AND o.deadline <= $now + $warnMs AND o.deadline >= $now AND o.warnedAt IS NULL
SET o.warnedAt = $now
RETURN properties(o) AS order
ORDER BY o.deadline, o.id
