// Package pathway holds Lattice's domain: the career graph's types, the
// sentinel errors every layer wraps, and the pathway algorithms (gaps, role
// similarity, reachability, recredentialing and the upskilling planner).
//
// It imports the standard library only: the store fetches a question's
// candidate subgraph from Neo4j and the algorithms here solve it in memory,
// so they are unit-tested, property-tested and fuzzed on their own.
package pathway
