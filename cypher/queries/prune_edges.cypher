// Deletes the edges an import owns that its graph no longer has, between
// nodes it keeps: edges of the kinds it writes, out of its source's nodes
// (into its own source's nodes where the kind says so, sameSource). Edges
// derived after every import (PREPARES_FOR with a via) and edges out of other
// sources' nodes are never matched. $source: string; $kinds: [{kind, from,
// type, to, sameSource, keep}] where from is the start node's label, type
// the edge type, to the end node's labels, and keep maps a start id to the
// end ids the import has ({id: [id]}). Returns kind and deleted, one row per
// kind deleted from.
MATCH (a)-[e]->(b)
WHERE a.source = $source AND e.via IS NULL
WITH a, e, b, [k IN $kinds WHERE k.from IN labels(a) AND k.type = type(e)
                 AND any(l IN labels(b) WHERE l IN k.to)
                 AND (NOT k.sameSource OR b.source = $source)][0] AS k
WHERE k IS NOT NULL AND NOT b.id IN coalesce(k.keep[a.id], [])
WITH k.kind AS kind, collect(e) AS gone
FOREACH (e IN gone | DELETE e)
RETURN kind, size(gone) AS deleted
