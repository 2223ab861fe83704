// Credentials that certify skills, highest level first, then the cheapest
// (unknown costs after known ones), at most $max each
// (a generic skill has more than a thousand certifying programs). $ids:
// [string] (skills); $max: int. A credential certifying a skill SAME_AS one
// of them certifies it too, at its level (pathway.SameAs: one crosswalk
// hop). Returns id (the skill), node (the credential), level.
UNWIND $ids AS id
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
WITH id, collect({node: c {.*}, level: level})[..$max] AS certs
UNWIND certs AS cert
RETURN id, cert.node AS node, cert.level AS level
