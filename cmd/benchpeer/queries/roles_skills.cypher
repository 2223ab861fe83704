// Floor: a page of roles by title then id, each with its skills.
// $offset, $limit: int. Returns id, title, skills: [{id, name, level, required}].
MATCH (r:Role)
WITH r ORDER BY r.title, r.id SKIP $offset LIMIT $limit
RETURN r.id AS id, r.title AS title,
       [(r)-[e:REQUIRES]->(s:Skill) | {id: s.id, name: s.name, level: e.level, required: e.required}] AS skills
