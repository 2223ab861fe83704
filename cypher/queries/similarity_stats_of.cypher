// The statistics relatedness weighs by, as the last full derivation stored
// them (pathway.SimilarityStats), of the skills a write scores with: the
// dense ones (every role's vector is centered on them) and $ids (the skills
// of the roles scored). $ids: [string]. Returns id, df, dense and roles
// (the roles with a profile then); no rows when nothing is stored.
CALL () {
  MATCH (s:Skill) WHERE s.similarityDense = true
  RETURN s
  UNION
  UNWIND $ids AS id
  MATCH (s:Skill {id: id}) WHERE s.similarityDF IS NOT NULL
  RETURN s
}
RETURN s.id AS id, s.similarityDF AS df, s.similarityDense AS dense, s.similarityRoles AS roles
