// Stores the statistics relatedness weighs by on the skills
// (pathway.SimilarityStats), where they changed. $rows: [{id, df, dense}];
// $roles: int (the roles with a profile). Returns written.
UNWIND $rows AS row
MATCH (s:Skill {id: row.id})
WITH s, row
WHERE s.similarityDF IS NULL OR s.similarityDF <> row.df OR s.similarityDense <> row.dense
   OR s.similarityRoles IS NULL OR s.similarityRoles <> $roles
SET s.similarityDF = row.df, s.similarityDense = row.dense, s.similarityRoles = $roles
RETURN count(s) AS written
