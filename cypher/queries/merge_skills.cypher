// Creates or updates skills. $rows: [{id, props}]. Returns written.
UNWIND $rows AS row
MERGE (n:Skill {id: row.id})
SET n += row.props
RETURN count(n) AS written
