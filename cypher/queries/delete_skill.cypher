// Deletes a skill and every edge it has. $id: string. Returns deleted (0 or 1)
// and profiled (how many role profiles listed it: when none, no derived
// overlap edge depends on it).
MATCH (n:Skill {id: $id})
WITH n, COUNT { (:Role)-[:REQUIRES]->(n) } AS profiled
DETACH DELETE n
RETURN count(*) AS deleted, sum(profiled) AS profiled
