// Removes every role's compact relatedness form, as a graph written before
// forms existed has none. No parameters. Returns forgotten.
MATCH (r:Role) WHERE r.overlapStamp IS NOT NULL
REMOVE r.overlapSources, r.overlapDense, r.overlapUnlisted, r.overlapNorms, r.overlapStamp
RETURN count(r) AS forgotten
