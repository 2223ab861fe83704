// One role with the nested levels a query selects, so that a role and its
// selection cost one round trip. Each level reads what its batch statement
// reads, in the same order, exactly as roles_page_selection does for a page
// (which holds the same subqueries: keep the two alike). A level that is off
// costs nothing. $id: string; $withSkills, $withCertifiedBy,
// $withCredentials, $withStacksInto, $withEducation, $withOverlaps: bool;
// $maxOverlaps, $maxCertifiedBy: int (the most overlaps per role and
// certifications per skill read). Returns no row when there is no such
// role, else one row: node (the role), nested (one entry: id, skills,
// credentials, education, overlaps), certifiedBy (rows of id, node, level)
// and stacksInto (rows of id, node, creditHours, creditCost).
MATCH (r:Role {id: $id})
CALL (r) {
  WITH r WHERE $withSkills
  MATCH (r)-[e:REQUIRES]->(s:Skill)
  WITH s, e ORDER BY e.required DESC, coalesce(e.importance, 0) DESC, s.name, s.id
  RETURN collect({node: s {.*}, level: e.level, importance: e.importance, required: e.required}) AS skills
}
CALL (r) {
  WITH r WHERE $withCredentials
  MATCH (r)-[:REQUIRES]->(c:Credential)
  WITH c ORDER BY c.name, c.id
  RETURN collect(c {.*}) AS credentials
}
CALL (r) {
  WITH r WHERE $withEducation
  MATCH (r)-[:REQUIRES]->(e:EducationLevel)
  WITH e ORDER BY e.rank DESC
  RETURN collect(e {.*})[0] AS education
}
CALL (r) {
  WITH r WHERE $withOverlaps
  MATCH (r)-[o:OVERLAPS]->(other:Role)
  WITH o, other ORDER BY o.score DESC, other.title, other.id
  RETURN collect({node: other {.*}, score: o.score, shared: o.shared})[..$maxOverlaps] AS overlaps
}
WITH r, [{id: r.id, skills: skills, credentials: credentials, education: education, overlaps: overlaps}] AS nested
CALL (nested) {
  WITH nested WHERE $withCertifiedBy
  UNWIND nested AS x
  UNWIND x.skills AS held
  WITH DISTINCT held.node.id AS id
  MATCH (k:Skill {id: id})
  CALL (k) {
    MATCH (c:Credential)-[e:CERTIFIES]->(k)
    RETURN c, e.level AS level
    UNION
    MATCH (c:Credential)-[e:CERTIFIES]->(:Skill)-[:SAME_AS]-(k)
    RETURN c, e.level AS level
  }
  WITH id, c, max(level) AS level
  ORDER BY id, level DESC, c.cost, c.name, c.id
  WITH id, collect({id: id, node: c {.*}, level: level})[..$maxCertifiedBy] AS certs
  UNWIND certs AS cert
  RETURN collect(cert) AS certifiedBy
}
CALL (nested) {
  WITH nested WHERE $withStacksInto
  UNWIND nested AS x
  UNWIND x.credentials AS held
  WITH DISTINCT held.id AS id
  MATCH (:Credential {id: id})-[s:STACKS_INTO]->(c:Credential)
  WITH id, c, s ORDER BY id, c.name, c.id
  RETURN collect({id: id, node: c {.*}, creditHours: coalesce(s.creditHours, 0.0), creditCost: coalesce(s.creditCost, 0.0)}) AS stacksInto
}
RETURN r {.*} AS node, nested, certifiedBy, stacksInto
