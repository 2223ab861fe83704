package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

// TestSampleScale runs `lattice sample -scale` at a twentieth of O*NET: it
// refuses a database holding other data, writes into an empty one with its
// counts, leaves its own graph alone when asked again, and the overlap
// edges it derived match a full derivation.
func TestSampleScale(t *testing.T) {
	data := cyphertest.SharedData(t)
	store := cyphertest.Sample(t)
	commandsUseTestNeo4j(t)
	ctx := context.Background()
	sample := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := run(ctx, append([]string{"sample", "-data", data}, args...), &out, zerolog.Nop())
		return out.String(), err
	}
	if _, err := sample("-scale", "0.05"); err == nil || !strings.Contains(err.Error(), "-replace") {
		t.Fatalf("on the sample graph: err %v, want a refusal naming -replace", err)
	}
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	out, err := sample("-scale", "0.05", "-seed", "3")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "synthetic graph:") || !strings.Contains(out, "requires edges") {
		t.Errorf("no counts in the report:\n%s", out)
	}
	st, err := store.SyntheticState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !st.Synthetic || st.Scale != 0.05 || st.Seed != 3 || st.Nodes < 1000 {
		t.Errorf("state after the write: %+v, want the marker of x0.05 seed 3 and the graph's nodes", st)
	}
	if out, err := sample("-scale", "0.05", "-seed", "3"); err != nil || !strings.Contains(out, "nothing written") {
		t.Errorf("second run: %q, %v; want nothing written", out, err)
	}
	stored, derived, err := store.OverlapsDrift(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(derived) == 0 || len(stored) != len(derived) {
		t.Errorf("overlap edges: %d stored, %d derived; want the derivation's, and some", len(stored), len(derived))
	}
}
