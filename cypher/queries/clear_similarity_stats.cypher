// Removes the statistics of skills no role lists any more, after a full
// derivation stored the others, so that what is stored is exactly that
// derivation's statistics (a write reads them by skill). $ids: [string] (the
// skills the derivation counted). Returns cleared.
MATCH (s:Skill) WHERE s.similarityDF IS NOT NULL AND NOT s.id IN $ids
REMOVE s.similarityDF, s.similarityDense, s.similarityRoles, s.commonLevel
RETURN count(s) AS cleared
