// The ids of every credential, for the read cache's warm-up of their stacks.
// No parameters. Returns one row per credential: id, in order.
MATCH (c:Credential)
RETURN c.id AS id
ORDER BY id
