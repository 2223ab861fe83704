package imports

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

// TestIncrementalOverlapsONET is TestIncrementalOverlaps at O*NET scale,
// where every role has its full 25 edges, so a write reads the lists of the
// roles a new score can reach only: random requirement changes to O*NET
// roles leave the stored edges equal to a full derivation with the stored
// statistics, and the compact forms the writes score with current.
func TestIncrementalOverlapsONET(t *testing.T) {
	imp := onetFull(t)
	s := cyphertest.Empty(t)
	ctx := context.Background()
	if _, err := s.ImportGraph(ctx, imp.Graph, nil); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 5))
	roles := imp.Graph.Roles
	for i := range 8 {
		role := roles[r.IntN(len(roles))]
		for len(role.Skills) == 0 {
			role = roles[r.IntN(len(roles))]
		}
		rs := role.Skills[r.IntN(len(role.Skills))]
		imp := float64(1 + r.IntN(5))
		level := 1 + r.IntN(5)
		if _, err := s.UpdateRoleSkill(ctx, cypher.RoleSkillFields{RoleID: role.ID, SkillID: rs.Skill, Level: level, Importance: &imp}); err != nil {
			t.Fatalf("write %d: %s changes %s: %v", i, role.ID, rs.Skill, err)
		}
	}
	stored, derived, err := s.OverlapsDrift(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(derived) < 20000 {
		t.Fatalf("%d derived edges; want O*NET's full lists", len(derived))
	}
	if diff := cmp.Diff(derived, stored); diff != "" {
		t.Fatalf("after 8 writes the stored edges differ from a full derivation (-derived +stored):\n%s", diff)
	}
	if drift, err := s.FormsDrift(ctx); err != nil || len(drift) > 0 {
		t.Fatalf("after 8 writes, roles whose stored compact form differs from their profile's: %v (%v)", drift, err)
	}
}
