// The roles whose compact relatedness form is missing or was built with
// other statistics than $stamp names (a graph written by older code).
// $stamp: int. Returns id.
MATCH (r:Role)
WHERE r.overlapStamp IS NULL OR r.overlapStamp <> $stamp
RETURN r.id AS id
