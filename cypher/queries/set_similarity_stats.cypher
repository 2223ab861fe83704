// Stores the statistics relatedness weighs by on the skills
// (pathway.SimilarityStats), where they changed. $rows: [{id, df, dense}].
// Returns written.
UNWIND $rows AS row
MATCH (s:Skill {id: row.id})
WITH s, row
WHERE s.similarityDF IS NULL OR s.similarityDF <> row.df OR s.similarityDense <> row.dense
SET s.similarityDF = row.df, s.similarityDense = row.dense
RETURN count(s) AS written
