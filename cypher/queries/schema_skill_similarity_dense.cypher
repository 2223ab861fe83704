// A range index on skills' similarityDense flag: a write reads the dense
// skills' statistics by it, without scanning every skill.
CREATE RANGE INDEX skill_similarity_dense IF NOT EXISTS FOR (s:Skill) ON (s.similarityDense)
