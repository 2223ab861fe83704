// Every role's stored compact relatedness form (pathway.Form), for
// checking them against their profiles. No parameters. Returns id,
// sources, dense, unlisted, norms, stamp (nulls where none is stored).
MATCH (r:Role)
RETURN r.id AS id, r.overlapSources AS sources, r.overlapDense AS dense, r.overlapUnlisted AS unlisted,
       r.overlapNorms AS norms, r.overlapStamp AS stamp
