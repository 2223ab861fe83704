// Skills credentials certify. $ids: [string] (credentials). Returns id, node (the skill), level.
UNWIND $ids AS id
MATCH (:Credential {id: id})-[e:CERTIFIES]->(s:Skill)
RETURN id, s {.*} AS node, e.level AS level
ORDER BY id, s.name, s.id
