// Whether a full derivation stored its statistics on the skills: until one
// did (a graph built by writes alone), a write derives everything. No
// parameters. Returns stored and roles (the roles with a profile then, the
// same on every skill that has statistics; null when none is stored).
OPTIONAL MATCH (s:Skill) WHERE s.similarityDF IS NOT NULL
WITH s LIMIT 1
RETURN s IS NOT NULL AS stored, s.similarityRoles AS roles
