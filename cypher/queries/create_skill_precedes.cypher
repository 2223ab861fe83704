// Records that a skill is learnt before another: (:Skill)-[:PRECEDES]->(:Skill).
// $fromId, $toId: string. Returns existed (the edge exists already), cycle
// (the second skill already reaches the first by PRECEDES within 20 steps, so the
// edge would close a loop) and node (the first skill); the caller rolls back
// when either holds. No row when either skill is missing.
MATCH (a:Skill {id: $fromId})
MATCH (b:Skill {id: $toId})
WITH a, b,
     EXISTS { (a)-[:PRECEDES]->(b) } AS existed,
     EXISTS { (b)-[:PRECEDES*1..20]->(a) } AS cycle
MERGE (a)-[:PRECEDES]->(b)
RETURN existed, cycle, a {.*} AS node
