// Sets the given properties of a credential, leaving the others as they are.
// $id: string; $props: map of the properties to set. Returns node (its
// properties after the change); no row when there is no such credential.
MATCH (n:Credential {id: $id})
SET n += $props
RETURN n {.*} AS node
