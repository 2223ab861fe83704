// How many of the sample graph's roles, skills and credentials exist already.
// $roles, $skills, $credentials: [string] ids. Returns present.
RETURN COUNT { MATCH (r:Role) WHERE r.id IN $roles } +
       COUNT { MATCH (s:Skill) WHERE s.id IN $skills } +
       COUNT { MATCH (c:Credential) WHERE c.id IN $credentials } AS present
