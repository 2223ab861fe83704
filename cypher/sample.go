package cypher

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
)

//go:embed sample/graph.json
var sampleJSON []byte

// Sample returns the sample graph, written for the project from the facts of
// its source documents (see sample/README.md).
func Sample() (*Graph, error) {
	var g Graph
	dec := json.NewDecoder(bytes.NewReader(sampleJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("cypher.Sample: %w", err)
	}
	return &g, nil
}

// LoadSample writes the sample graph when the database holds none of its
// roles, skills and credentials, and reports whether it did. It never
// overwrites or deletes other data: a database that holds any of the sample
// is left as it is.
func (s *Store) LoadSample(ctx context.Context) (loaded bool, err error) {
	defer wrap(&err, "cypher.LoadSample")
	g, err := Sample()
	if err != nil {
		return false, err
	}
	ids := func(n int, id func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	recs, err := s.read(ctx, "sample_present", map[string]any{
		"roles":       ids(len(g.Roles), func(i int) string { return g.Roles[i].ID }),
		"skills":      ids(len(g.Skills), func(i int) string { return g.Skills[i].ID }),
		"credentials": ids(len(g.Credentials), func(i int) string { return g.Credentials[i].ID }),
	})
	if err != nil {
		return false, err
	}
	if len(recs) == 1 && intOf(get(recs[0], "present")) > 0 {
		return false, nil
	}
	if err := s.WriteGraph(ctx, g); err != nil {
		return false, err
	}
	return true, nil
}
