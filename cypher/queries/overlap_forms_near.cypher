// The compact relatedness forms (pathway.Form) and other traits of the
// roles a write scores against: those centered on one of $sources (they
// may share a dense skill) and $ids (they share another skill; of these,
// the dense values only when they are centered on one of $sources too:
// with no source in common they do not meet in a dot product). Node
// properties only, no profile. $sources: [string]; $ids: [string].
// Returns id, sources, dense, unlisted, norms, jobZone, code, industry,
// interests.
CALL () {
  MATCH (r:Role) WHERE any(src IN r.overlapSources WHERE src IN $sources)
  RETURN r, true AS centered
  UNION
  UNWIND $ids AS id
  MATCH (r:Role {id: id}) WHERE NOT any(src IN r.overlapSources WHERE src IN $sources)
  RETURN r, false AS centered
}
RETURN r.id AS id, r.overlapSources AS sources, CASE WHEN centered THEN r.overlapDense END AS dense,
       CASE WHEN centered THEN r.overlapUnlisted END AS unlisted, r.overlapNorms AS norms,
       r.jobZone AS jobZone, r.occupationCode AS code, r.industry AS industry, r.interests AS interests
