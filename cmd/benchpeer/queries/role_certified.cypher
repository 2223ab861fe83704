// Floor: one role, its skills, and the credentials certifying each skill,
// directly or through one SAME_AS hop either way (as Lattice reads them; the
// benchmark keeps each credential's highest level). $id: string.
// Returns id, title, skills: [{id, name, level, required, certifiedBy: [{id, name, level}]}].
MATCH (r:Role {id: $id})
RETURN r.id AS id, r.title AS title,
       [(r)-[e:REQUIRES]->(s:Skill) | {id: s.id, name: s.name, level: e.level, required: e.required,
         certifiedBy: [(c:Credential)-[x:CERTIFIES]->(s) | {id: c.id, name: c.name, level: x.level}] +
                      [(c:Credential)-[x:CERTIFIES]->(:Skill)-[:SAME_AS]-(s) | {id: c.id, name: c.name, level: x.level}]}] AS skills
