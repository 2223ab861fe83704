// Whether a full derivation stored its statistics on the skills: until one
// did (a graph built by writes alone), a write derives everything. No
// parameters. Returns stored.
RETURN EXISTS { MATCH (s:Skill) WHERE s.similarityDF IS NOT NULL } AS stored
