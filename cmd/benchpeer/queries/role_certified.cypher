// Floor: one role, its skills, and the credentials certifying each skill,
// directly or through one SAME_AS hop either way, each once at its highest
// level, as Lattice's certifiedBy(first: $maxCerts) lists them: the first
// $maxCerts by level (highest first), cost (unknown as 0), name and id.
// $id: string; $maxCerts: int.
// Returns id, title, skills: [{id, name, level, required, certifiedBy: [{id, name, cost, level}]}].
MATCH (r:Role {id: $id})
CALL (r) {
  MATCH (r)-[e:REQUIRES]->(s:Skill)
  CALL (s) {
    CALL (s) {
      MATCH (c:Credential)-[x:CERTIFIES]->(s)
      RETURN c, x.level AS level
      UNION
      MATCH (c:Credential)-[x:CERTIFIES]->(:Skill)-[:SAME_AS]-(s)
      RETURN c, x.level AS level
    }
    WITH c, max(level) AS level
    ORDER BY level DESC, c.cost, c.name, c.id
    RETURN collect({id: c.id, name: c.name, cost: c.cost, level: level})[..$maxCerts] AS certifiedBy
  }
  RETURN collect({id: s.id, name: s.name, level: e.level, required: e.required, certifiedBy: certifiedBy}) AS skills
}
RETURN r.id AS id, r.title AS title, skills
