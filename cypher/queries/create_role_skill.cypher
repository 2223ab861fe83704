// Adds a skill to a role's profile. $roleId, $skillId: string; $level: int;
// $importance: float or null; $required: bool. Returns existed (true when the
// role lists the skill already: the caller rolls back) and node (the skill);
// no row when the role or the skill is missing.
MATCH (r:Role {id: $roleId})
MATCH (s:Skill {id: $skillId})
WITH r, s, EXISTS { (r)-[:REQUIRES]->(s) } AS existed
MERGE (r)-[e:REQUIRES]->(s)
  ON CREATE SET e.level = $level, e.importance = $importance, e.required = $required
RETURN existed, s {.*} AS node, e.level AS level, e.importance AS importance, e.required AS required
