// Records that two skills are the same across sources (a crosswalk):
// (:Skill)-[:SAME_AS]->(:Skill). The relation is symmetric, so an edge either
// way counts as existing. $fromId, $toId: string. Returns existed, cycle
// (always false: kept for the same row shape as the other relations) and node
// (the first skill); the caller rolls back when existed. No row when either
// skill is missing.
MATCH (a:Skill {id: $fromId})
MATCH (b:Skill {id: $toId})
WITH a, b, EXISTS { (a)-[:SAME_AS]-(b) } AS existed
MERGE (a)-[:SAME_AS]->(b)
RETURN existed, false AS cycle, a {.*} AS node
