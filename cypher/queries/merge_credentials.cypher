// Creates or updates credentials. $rows: [{id, props}]. Returns written.
UNWIND $rows AS row
MERGE (n:Credential {id: row.id})
SET n += row.props
RETURN count(n) AS written
