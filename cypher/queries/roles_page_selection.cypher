// One page of roles, as roles_page, with the nested levels a query selects,
// so that a page and its selection cost one round trip. Each level reads
// what its batch statement reads, in the same order: skills as role_skills,
// credentials as role_credentials, education as role_education, overlaps as
// role_overlaps, certifiedBy as skill_certified_by (of every skill read, at
// most $maxCertifiedBy each), stacksInto as credential_stacks_into (of every
// credential read). A level that is off costs nothing: its subquery filters
// its one row away first.
// $level, $industry: string or null; $degreeRequired: bool or null;
// $degreeRank: int; $afterTitle, $afterID: string or null; $limit: int (the
// page size plus one, to tell whether there is more); $withSkills,
// $withCertifiedBy, $withCredentials, $withStacksInto, $withEducation,
// $withOverlaps: bool; $maxOverlaps, $maxCertifiedBy: int (the most
// overlaps per role and certifications per skill read).
// Returns one row: total, nodes (as roles_page), nested (per role of the
// page: id, skills, credentials, education, overlaps), certifiedBy (rows of
// id, node, level) and stacksInto (rows of id, node, creditHours, creditCost).
MATCH (r:Role)
WHERE ($level IS NULL OR r.level = $level) AND ($industry IS NULL OR r.industry = $industry)
OPTIONAL MATCH (r)-[:REQUIRES]->(e:EducationLevel)
WITH r, coalesce(max(e.rank), 0) AS rank
WHERE $degreeRequired IS NULL OR (rank >= $degreeRank) = $degreeRequired
WITH r ORDER BY r.title, r.id
WITH collect(r) AS matches
WITH size(matches) AS total,
     [x IN matches WHERE $afterID IS NULL OR x.title > $afterTitle OR (x.title = $afterTitle AND x.id > $afterID)][..$limit] AS page
CALL (page) {
  UNWIND page[..$limit - 1] AS r
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
  RETURN collect({id: r.id, skills: skills, credentials: credentials, education: education, overlaps: overlaps}) AS nested
}
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
RETURN total, [x IN page | x {.*}] AS nodes, nested, certifiedBy, stacksInto
