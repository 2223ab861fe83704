// Sets the one education level each role requires, replacing any other.
// $rows: [{from, to, props}] (role, level, {}). Rows whose ends are missing
// are skipped. Returns outcome ("created", "updated" or "unchanged") and rows.
UNWIND $rows AS row
MATCH (a:Role {id: row.from})
MATCH (b:EducationLevel {id: row.to})
OPTIONAL MATCH (a)-[old:REQUIRES]->(b)
CALL (a, b) {
  OPTIONAL MATCH (a)-[x:REQUIRES]->(other:EducationLevel)
  WHERE other <> b
  DELETE x
  RETURN count(x) AS replaced
}
WITH a, b, CASE WHEN old IS NOT NULL THEN 'unchanged'
                WHEN replaced > 0 THEN 'updated'
                ELSE 'created' END AS outcome
MERGE (a)-[:REQUIRES]->(b)
RETURN outcome, count(*) AS rows
