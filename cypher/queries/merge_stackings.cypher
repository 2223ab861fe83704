// Records that credentials stack into others. $rows: [{from, to, creditHours, creditCost}].
// Returns written.
UNWIND $rows AS row
MATCH (a:Credential {id: row.from})
MATCH (b:Credential {id: row.to})
MERGE (a)-[e:STACKS_INTO]->(b)
SET e.creditHours = row.creditHours, e.creditCost = row.creditCost
RETURN count(e) AS written
