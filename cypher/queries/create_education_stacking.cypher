// Records that an education level leads on to another. $fromId, $toId:
// string. Returns existed (the edge exists already), cycle (the higher level
// already leads on to the lower within 20 steps) and node (the lower level);
// the caller rolls back when either holds. No row when either level is missing.
MATCH (a:EducationLevel {id: $fromId})
MATCH (b:EducationLevel {id: $toId})
WITH a, b,
     EXISTS { (a)-[:STACKS_INTO]->(b) } AS existed,
     EXISTS { (b)-[:STACKS_INTO*1..20]->(a) } AS cycle
MERGE (a)-[:STACKS_INTO]->(b)
RETURN existed, cycle, a {.*} AS node
