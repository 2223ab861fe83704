// The compact relatedness forms (pathway.Form) and other traits of the
// roles a write scores against: those centered on one of $sources (they
// may share a dense skill) and $ids (they share another skill). Node
// properties only, no profile. $sources: [string]; $ids: [string]. Returns
// id, sources, dense, unlisted, norms, stamp, jobZone, code, industry,
// interests.
CALL () {
  MATCH (r:Role) WHERE any(src IN r.overlapSources WHERE src IN $sources)
  RETURN r
  UNION
  UNWIND $ids AS id
  MATCH (r:Role {id: id})
  RETURN r
}
RETURN r.id AS id, r.overlapSources AS sources, r.overlapDense AS dense, r.overlapUnlisted AS unlisted,
       r.overlapNorms AS norms, r.overlapStamp AS stamp, r.jobZone AS jobZone, r.occupationCode AS code,
       r.industry AS industry, r.interests AS interests
