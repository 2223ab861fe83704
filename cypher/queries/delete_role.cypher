// Deletes a role and every edge it has. $id: string. Returns deleted (0 or 1)
// and profiled (how many skills its profile listed: when none, no derived
// overlap edge depends on it).
MATCH (n:Role {id: $id})
WITH n, COUNT { (n)-[:REQUIRES]->(:Skill) } AS profiled
DETACH DELETE n
RETURN count(*) AS deleted, sum(profiled) AS profiled
