// Creates an education level. $id: string; $props: map of its properties (id
// included). Returns existed (true when an education level has the id already: the
// caller rolls back, so it is left as it was) and node (its properties).
// MERGE on the constrained id never makes a second node, even when creates race.
WITH EXISTS { (:EducationLevel {id: $id}) } AS existed
MERGE (n:EducationLevel {id: $id})
  ON CREATE SET n += $props
RETURN existed, n {.*} AS node
