// The O*NET occupations, with what the CIP importer derives programs from:
// each role's education requirement and its skills and knowledge areas
// (technologies left out), and its title and description. No parameters.
// Returns id, code (the role's occupationCode), title, description (or
// null), education (the id of the highest level it requires, or
// null) and skills: [{skill, importance, level, required}], sorted by id.
MATCH (r:Role) WHERE r.source = 'onet' AND r.occupationCode IS NOT NULL
RETURN r.id AS id, r.occupationCode AS code, r.title AS title, r.description AS description,
       [(r)-[:REQUIRES]->(e:EducationLevel) | [e.rank, e.id]] AS education,
       [(r)-[q:REQUIRES]->(s:Skill) WHERE NOT s.id STARTS WITH 'onet:tech:' |
         {skill: s.id, importance: q.importance, level: q.level, required: q.required}] AS skills
ORDER BY id
