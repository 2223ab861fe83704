// Stores roles' compact relatedness forms (pathway.Form), built with the
// statistics $stamp names. $rows: [{id, sources: [string], dense: [float],
// unlisted: [int], norms: [skills, tech]}]; $stamp: int. Returns written.
UNWIND $rows AS row
MATCH (r:Role {id: row.id})
SET r.overlapSources = row.sources, r.overlapDense = row.dense, r.overlapUnlisted = row.unlisted,
    r.overlapNorms = row.norms, r.overlapStamp = $stamp
RETURN count(r) AS written
