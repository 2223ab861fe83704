package cypher

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
)

// Fingerprint is the content of the whole database in brief: how many nodes
// and edges it holds and a checksum over every label, property and edge, so
// a test can prove a failed import left nothing behind.
type Fingerprint struct {
	Nodes, Edges int
	Checksum     string
}

// Fingerprint reads the whole database; it is meant for tests and small
// graphs. Two round trips.
func (s *Store) Fingerprint(ctx context.Context) (fp Fingerprint, err error) {
	defer wrap(&err, "cypher.Fingerprint")
	var lines []string
	for _, name := range []string{"fingerprint_nodes", "fingerprint_edges"} {
		recs, err := s.read(ctx, name, nil)
		if err != nil {
			return fp, err
		}
		for _, rec := range recs {
			// encoding/json writes map keys sorted: one canonical line a record.
			b, err := json.Marshal(rec.AsMap())
			if err != nil {
				return fp, err
			}
			lines = append(lines, string(b))
		}
		if name == "fingerprint_nodes" {
			fp.Nodes = len(recs)
		} else {
			fp.Edges = len(recs)
		}
	}
	sort.Strings(lines)
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	fp.Checksum = hex.EncodeToString(h.Sum(nil))
	return fp, nil
}
