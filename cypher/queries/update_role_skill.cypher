// Changes a skill of a role's profile. $roleId, $skillId: string; $props: map
// of the edge properties to set (level, importance, required). Returns node
// (the skill), level, importance, required; no row when the role does not
// list the skill.
MATCH (:Role {id: $roleId})-[e:REQUIRES]->(s:Skill {id: $skillId})
SET e += $props
RETURN s {.*} AS node, e.level AS level, e.importance AS importance, e.required AS required
