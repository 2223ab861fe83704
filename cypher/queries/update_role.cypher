// Sets the given properties of a role, leaving the others as they are.
// $id: string; $props: map of the properties to set. Returns node (its
// properties after the change); no row when there is no such role.
MATCH (n:Role {id: $id})
SET n += $props
RETURN n {.*} AS node
