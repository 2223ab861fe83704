// The O*NET roles with a skills profile, by id: the one-role read's parameters.
// No parameters. Returns id.
MATCH (r:Role)
WHERE r.id STARTS WITH 'onet:' AND EXISTS { (r)-[:REQUIRES]->(:Skill) }
RETURN r.id AS id
ORDER BY id
