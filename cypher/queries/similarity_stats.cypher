// The statistics relatedness weighs by, as the last full derivation stored
// them on the skills (pathway.SimilarityStats). No parameters. Returns id,
// df, dense and roles (the roles with a profile then).
MATCH (s:Skill)
WHERE s.similarityDF IS NOT NULL
RETURN s.id AS id, s.similarityDF AS df, s.similarityDense AS dense, s.similarityRoles AS roles
