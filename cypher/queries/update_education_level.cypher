// Sets the given properties of an education level, leaving the others as they are.
// $id: string; $props: map of the properties to set. Returns node (its
// properties after the change); no row when there is no such education level.
MATCH (n:EducationLevel {id: $id})
SET n += $props
RETURN n {.*} AS node
