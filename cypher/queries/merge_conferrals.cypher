// Creates or updates the levels credentials confer: (:Credential)-[:CONFERS]->(:EducationLevel). $rows: [{from, to, props}]
// where props holds every property of the edge (no nulls). Rows whose ends
// are missing are skipped. Returns outcome ("created", "updated" or
// "unchanged") and rows, one row per outcome.
UNWIND $rows AS row
MATCH (a:Credential {id: row.from})
MATCH (b:EducationLevel {id: row.to})
OPTIONAL MATCH (a)-[old:CONFERS]->(b)
WITH a, b, row, CASE WHEN old IS NULL THEN 'created'
                     WHEN properties(old) = row.props THEN 'unchanged'
                     ELSE 'updated' END AS outcome
MERGE (a)-[e:CONFERS]->(b)
SET e = row.props
RETURN outcome, count(*) AS rows
