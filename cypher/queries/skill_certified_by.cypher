// Credentials that certify skills, highest level first. $ids: [string] (skills).
// Returns id (the skill), node (the credential), level.
UNWIND $ids AS id
MATCH (c:Credential)-[e:CERTIFIES]->(:Skill {id: id})
RETURN id, c {.*} AS node, e.level AS level
ORDER BY id, level DESC, coalesce(c.cost, 0), c.name, c.id
