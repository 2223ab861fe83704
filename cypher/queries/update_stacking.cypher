// Changes the credit of a stacking edge. $fromId, $toId: string; $props: map
// of the edge properties to set (creditHours, creditCost). Returns node (the
// lower credential); no row when there is no such edge.
MATCH (a:Credential {id: $fromId})-[e:STACKS_INTO]->(:Credential {id: $toId})
SET e += $props
RETURN a {.*} AS node
