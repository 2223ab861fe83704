package cypher_test

import (
	"context"
	"slices"
	"sort"
	"testing"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

// harmless notifications: they say a name is not in this database yet (the
// sample graph has no PART_OF edges, say) or a parameter was not given (the
// plan does not run), not that a plan is slow.
var harmless = []string{
	"Neo.ClientNotification.Statement.UnknownLabelWarning",
	"Neo.ClientNotification.Statement.UnknownRelationshipTypeWarning",
	"Neo.ClientNotification.Statement.UnknownPropertyKeyWarning",
	"Neo.ClientNotification.Statement.ParameterNotProvided",
}

// TestExplainEveryStatement plans every embedded statement on the sample
// graph and fails on errors and on warnings (cartesian products, unbounded
// paths, missing indexes, deprecations).
func TestExplainEveryStatement(t *testing.T) {
	s := cyphertest.Sample(t)
	names := make([]string, 0)
	for name := range cypher.Statements() {
		names = append(names, name)
	}
	sort.Strings(names)
	if len(names) < 40 {
		t.Fatalf("only %d embedded statements; the embedding lost some", len(names))
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			notes, err := s.Explain(context.Background(), name)
			if err != nil {
				t.Fatalf("EXPLAIN: %v", err)
			}
			for _, n := range notes {
				if slices.Contains(harmless, n.Code) {
					continue
				}
				if n.Severity == "WARNING" || n.Category == "PERFORMANCE" {
					t.Errorf("%s (%s): %s", n.Code, n.Title, n.Description)
				}
			}
		})
	}
}
