// Open orders past their deadline (strictly after it) that were not flagged yet; flags them overdue.
// Parameters: $now (epoch ms). Columns: order (stored properties).
MATCH (o:VerificationOrder)
WHERE o.status IN ['ISSUED', 'ACKNOWLEDGED'] AND o.deadline < $now AND o.overdueAt IS NULL
SET o.overdueAt = $now
RETURN properties(o) AS order
ORDER BY o.deadline, o.id
