// Records prerequisites: a credential requires a credential or an education
// level, in a group of alternatives. $rows: [{credential, target, group}].
// Returns written.
UNWIND $rows AS row
MATCH (c:Credential {id: row.credential})
CALL (row) {
  MATCH (t:Credential {id: row.target}) RETURN t
  UNION
  MATCH (t:EducationLevel {id: row.target}) RETURN t
}
MERGE (c)-[e:REQUIRES]->(t)
SET e.group = row.group
RETURN count(e) AS written
