// Every role with what a starter's plan into it must at least take, for
// prefiltering by cost and hours (pathway.StarterRole). $maxRank: int or
// null (leave out roles requiring more education); $industry: string or null.
// Returns role (the node), rank (its education requirement's rank, or null),
// credentials ([{id, cost, hours}]: the credentials it requires, each less
// the credit every lower credential carries into it) and floor ({cost,
// hours}: the cheapest conferrer of its rank or a higher one, less the
// credit carried into it; null when it requires none).
CALL () {
  MATCH (e:EducationLevel)
  OPTIONAL MATCH (c:Credential)-[:CONFERS]->(f:EducationLevel)
  WHERE f.rank >= e.rank
  CALL (c) {
    OPTIONAL MATCH (:Credential)-[st:STACKS_INTO]->(c)
    RETURN sum(coalesce(st.creditCost, 0.0)) AS creditCost, sum(coalesce(st.creditHours, 0.0)) AS creditHours
  }
  WITH e, min(coalesce(c.cost, 0.0) - creditCost) AS cost, min(coalesce(c.hours, 0.0) - creditHours) AS hours
  RETURN collect({rank: e.rank, cost: cost, hours: hours}) AS floors
}
MATCH (r:Role)
WHERE $industry IS NULL OR r.industry = $industry
OPTIONAL MATCH (r)-[:REQUIRES]->(e:EducationLevel)
WITH floors, r, max(e.rank) AS rank
WHERE $maxRank IS NULL OR rank IS NULL OR rank <= $maxRank
CALL (r) {
  OPTIONAL MATCH (r)-[:REQUIRES]->(c:Credential)
  CALL (c) {
    OPTIONAL MATCH (:Credential)-[st:STACKS_INTO]->(c)
    RETURN sum(coalesce(st.creditCost, 0.0)) AS creditCost, sum(coalesce(st.creditHours, 0.0)) AS creditHours
  }
  RETURN collect(CASE WHEN c IS NULL THEN NULL
                 ELSE {id: c.id, cost: coalesce(c.cost, 0.0) - creditCost, hours: coalesce(c.hours, 0.0) - creditHours} END) AS credentials
}
RETURN r {.*} AS role, rank, credentials, [f IN floors WHERE f.rank = rank][0] AS floor
ORDER BY r.id
