// Creates a skill. $id: string; $props: map of its properties (id
// included). Returns existed (true when a skill has the id already: the
// caller rolls back, so it is left as it was) and node (its properties).
// MERGE on the constrained id never makes a second node, even when creates race.
WITH EXISTS { (:Skill {id: $id}) } AS existed
MERGE (n:Skill {id: $id})
  ON CREATE SET n += $props
RETURN existed, n {.*} AS node
