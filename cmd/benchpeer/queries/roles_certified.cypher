// Floor: a page of roles by title then id, their skills, and the credentials
// certifying each skill, directly or through one SAME_AS hop either way.
// $offset, $limit: int.
// Returns id, title, skills: [{id, name, level, required, certifiedBy: [{id, name, level}]}].
MATCH (r:Role)
WITH r ORDER BY r.title, r.id SKIP $offset LIMIT $limit
RETURN r.id AS id, r.title AS title,
       [(r)-[e:REQUIRES]->(s:Skill) | {id: s.id, name: s.name, level: e.level, required: e.required,
         certifiedBy: [(c:Credential)-[x:CERTIFIES]->(s) | {id: c.id, name: c.name, level: x.level}] +
                      [(c:Credential)-[x:CERTIFIES]->(:Skill)-[:SAME_AS]-(s) | {id: c.id, name: c.name, level: x.level}]}] AS skills
