// Credentials that certify skills, highest level first. $ids: [string] (skills).
// A credential certifying a skill SAME_AS one of them certifies it too, at
// its level (pathway.SameAs: one crosswalk hop). Returns id (the skill),
// node (the credential), level.
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
RETURN id, c {.*} AS node, level
ORDER BY id, level DESC, coalesce(c.cost, 0), c.name, c.id
