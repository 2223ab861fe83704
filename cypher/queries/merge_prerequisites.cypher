// Creates or updates prerequisites: a credential requires a credential or an
// education level, in a group of alternatives. $rows: [{from, to, props}]
// where props is {group}. Rows whose ends are missing are skipped. Returns
// outcome ("created", "updated" or "unchanged") and rows.
UNWIND $rows AS row
MATCH (a:Credential {id: row.from})
CALL (row) {
  MATCH (t:Credential {id: row.to}) RETURN t
  UNION
  MATCH (t:EducationLevel {id: row.to}) RETURN t
}
WITH a, t AS b, row
OPTIONAL MATCH (a)-[old:REQUIRES]->(b)
WITH a, b, row, CASE WHEN old IS NULL THEN 'created'
                     WHEN properties(old) = row.props THEN 'unchanged'
                     ELSE 'updated' END AS outcome
MERGE (a)-[e:REQUIRES]->(b)
SET e = row.props
RETURN outcome, count(*) AS rows
