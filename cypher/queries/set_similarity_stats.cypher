// Stores the statistics over all roles on the skills
// (pathway.SimilarityStats), where they changed: relatedness weighs by df
// and dense; the gap rule reads commonLevel (pathway's foundational.go),
// absent for a skill with no common level. $rows: [{id, df, dense, common}]
// (common 0: none); $roles: int (the roles with a profile). Returns written.
UNWIND $rows AS row
MATCH (s:Skill {id: row.id})
WITH s, row
WHERE s.similarityDF IS NULL OR s.similarityDF <> row.df OR s.similarityDense <> row.dense
   OR s.similarityRoles IS NULL OR s.similarityRoles <> $roles OR coalesce(s.commonLevel, 0) <> row.common
SET s.similarityDF = row.df, s.similarityDense = row.dense, s.similarityRoles = $roles,
    s.commonLevel = CASE WHEN row.common > 0 THEN row.common END
RETURN count(s) AS written
