// The skills profiles of roles. $ids: [string]. Returns one row per edge:
// id (the role), node (the skill: the properties pathway.Skill holds, its
// common level included, not the similarity statistics, which no read of a
// profile uses), level,
// importance, required; required first, then by importance and name.
UNWIND $ids AS id
MATCH (:Role {id: id})-[e:REQUIRES]->(s:Skill)
RETURN id, s {.id, .name, .category, .type, .halfLifeYears, .description, .commonLevel} AS node, e.level AS level, e.importance AS importance, e.required AS required
ORDER BY id, required DESC, coalesce(importance, 0) DESC, s.name, s.id
