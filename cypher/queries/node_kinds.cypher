// The kinds of node the ids name, for errors that say which end of an edge is
// missing. An id may name nodes of several kinds (ids are unique per kind).
// $ids: [string]. Returns one row per node found: id, kind (its label:
// Role, Skill, Credential or EducationLevel).
UNWIND $ids AS id
CALL (id) {
  MATCH (:Role {id: id}) RETURN 'Role' AS kind
  UNION ALL
  MATCH (:Skill {id: id}) RETURN 'Skill' AS kind
  UNION ALL
  MATCH (:Credential {id: id}) RETURN 'Credential' AS kind
  UNION ALL
  MATCH (:EducationLevel {id: id}) RETURN 'EducationLevel' AS kind
}
RETURN id, kind
