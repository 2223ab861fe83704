package cypher_test

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/pathway"
)

// TestPlanFormsMatchReference: plan_candidates returns, for every role, the
// plan form the reference statement (testdata: its formulation before it
// was rewritten for speed) returns, and the plan graphs made from them are
// equal, on the sample graph and on it with SAME_AS edges between skills.
func TestPlanFormsMatchReference(t *testing.T) {
	ctx := context.Background()
	ref, err := os.ReadFile("testdata/plan_candidates_reference.cypher")
	if err != nil {
		t.Fatal(err)
	}
	store := cyphertest.Sample(t)
	compare := func(t *testing.T) {
		ids := roleIDs(t, store)
		if len(ids) < 10 {
			t.Fatalf("%d roles: the graph did not load", len(ids))
		}
		got, err := store.PlanGraphs(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		var want map[string]*cypher.PlanForm
		var wantGraphs map[string]*pathway.PlanGraph
		cypher.WithStatement("plan_candidates", string(ref), func() {
			if want, err = store.PlanForms(ctx, ids); err == nil {
				wantGraphs, err = store.PlanGraphs(ctx, ids)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		forms, err := store.PlanForms(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		candidates := 0
		for _, f := range want {
			slices.Sort(f.Candidates) // their order is no part of the answer
			candidates += len(f.Candidates)
		}
		for _, f := range forms {
			slices.Sort(f.Candidates)
		}
		if candidates == 0 {
			t.Fatal("no role has a candidate: nothing compared")
		}
		// The unexported fields are the field rule's, not applied yet.
		ignore := cmpopts.IgnoreUnexported(pathway.PlanGraph{})
		if diff := cmp.Diff(want, forms, ignore); diff != "" {
			t.Errorf("plan forms (-reference, +now):\n%s", diff)
		}
		if diff := cmp.Diff(wantGraphs, got, ignore); diff != "" {
			t.Errorf("plan graphs (-reference, +now):\n%s", diff)
		}
	}
	t.Run("sample", compare)
	t.Run("crosswalked", func(t *testing.T) {
		// Each skill the same as the next: credentials then reach roles
		// through SAME_AS as well.
		g, err := cypher.Sample()
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(g.Skills); i++ {
			g.Crosswalks = append(g.Crosswalks, cypher.GraphCrosswalk{From: g.Skills[i-1].ID, To: g.Skills[i].ID})
		}
		if _, err := store.ImportGraph(ctx, g, nil); err != nil {
			t.Fatal(err)
		}
		compare(t)
	})
}

// roleIDs lists every role of the graph.
func roleIDs(t *testing.T, store *cypher.Store) []string {
	t.Helper()
	starters, err := store.StarterRoles(context.Background(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(starters))
	for i, s := range starters {
		ids[i] = s.Role.ID
	}
	return ids
}
