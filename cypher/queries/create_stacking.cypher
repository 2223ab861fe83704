// Records that a credential stacks into another. $fromId, $toId: string;
// $creditHours, $creditCost: float. Returns existed (the edge exists
// already), cycle (the higher rung already stacks into the lower within 20
// steps, so the edge would close a loop) and node (the lower credential); the
// caller rolls back when either holds. No row when either credential is missing.
MATCH (a:Credential {id: $fromId})
MATCH (b:Credential {id: $toId})
WITH a, b,
     EXISTS { (a)-[:STACKS_INTO]->(b) } AS existed,
     EXISTS { (b)-[:STACKS_INTO*1..20]->(a) } AS cycle
MERGE (a)-[e:STACKS_INTO]->(b)
  ON CREATE SET e.creditHours = $creditHours, e.creditCost = $creditCost
RETURN existed, cycle, a {.*} AS node
