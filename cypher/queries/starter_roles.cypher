// Every role with what a starter's plan into it must at least take, for
// prefiltering by cost and hours (pathway.StarterRole). $maxRank: int or
// null (leave out roles requiring more education); $industry: string or null.
// Returns role (the node), rank (its education requirement's rank, or null),
// credentials ([{id, cost, hours}]: the credentials it requires, each less
// the credit every lower credential carries into it) and floor ({cost,
// hours}: the cheapest conferrer of its rank or a higher one, less the
// credit carried into it; null when it requires none).
CALL () {
  // Each conferrer's credit is read once, not once per level it reaches.
  OPTIONAL MATCH (c:Credential)-[:CONFERS]->(f:EducationLevel)
  CALL (c) {
    OPTIONAL MATCH (:Credential)-[st:STACKS_INTO]->(c)
    RETURN sum(coalesce(st.creditCost, 0.0)) AS creditCost, sum(coalesce(st.creditHours, 0.0)) AS creditHours
  }
  WITH collect({rank: f.rank, cost: coalesce(c.cost, 0.0) - creditCost, hours: coalesce(c.hours, 0.0) - creditHours}) AS conferrals
  MATCH (e:EducationLevel)
  CALL (e, conferrals) {
    UNWIND conferrals AS x
    WITH x WHERE x.rank >= e.rank
    // A level no conferrer reaches has the floor 0, as a missing credential's cost.
    RETURN coalesce(min(x.cost), 0.0) AS cost, coalesce(min(x.hours), 0.0) AS hours
  }
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
