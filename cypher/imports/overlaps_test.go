package imports

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/cypher/synth"
	"github.com/lattice-pathways/lattice/pathway"
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

// TestIncrementalOverlapsSynthetic is TestIncrementalOverlaps on the
// synthetic graph's shape (cypher/synth): three regions of a slice of
// O*NET, each with its own dense elements and a few technologies shared
// across regions. The graph first loses its compact forms, as a graph
// written before them has none, so the first write builds them; then random
// writes (requirements added, changed and dropped, roles and skills
// deleted, job zones moved) leave the stored edges equal to a full
// derivation and every role's form equal to the one its profile makes.
func TestIncrementalOverlapsSynthetic(t *testing.T) {
	onet := onetFull(t).Graph
	template := &cypher.Graph{EducationLevels: onet.EducationLevels, Skills: onet.Skills}
	for i := 0; i < len(onet.Roles); i += 15 { // every fifteenth role: ~70, of every family
		template.Roles = append(template.Roles, onet.Roles[i])
	}
	g, err := synth.Scale(template, synth.Options{Scale: 3, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	s := cyphertest.Empty(t)
	ctx := context.Background()
	if _, err := s.ImportGraph(ctx, g, nil); err != nil {
		t.Fatal(err)
	}
	check := func(what string) {
		t.Helper()
		stored, derived, err := s.OverlapsDrift(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(derived) < 1000 {
			t.Fatalf("%s: %d derived edges; want the full lists of ~200 roles", what, len(derived))
		}
		if diff := cmp.Diff(derived, stored); diff != "" {
			t.Fatalf("%s: the stored edges differ from a full derivation (-derived +stored):\n%s", what, diff)
		}
		drift, err := s.FormsDrift(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(drift) > 0 {
			t.Fatalf("%s: %d roles' stored forms differ from their profiles', %v first", what, len(drift), drift[0])
		}
	}
	if drift, err := s.FormsDrift(ctx); err != nil || len(drift) > 0 {
		t.Fatalf("after the import: forms drift %v, %v; want every form stored", drift, err)
	}
	if err := s.ForgetForms(ctx); err != nil {
		t.Fatal(err)
	}
	if drift, err := s.FormsDrift(ctx); err != nil || len(drift) != len(g.Roles) {
		t.Fatalf("forms forgotten: %d roles drift (%v); want all %d", len(drift), err, len(g.Roles))
	}
	r := rand.New(rand.NewPCG(13, 17))
	var tech []string
	for _, sk := range g.Skills {
		if sk.Type != nil && *sk.Type == "SOFTWARE" {
			tech = append(tech, sk.ID)
		}
	}
	deleted := map[string]bool{}
	kinds := map[string]int{} // writes made, by kind
	for i := range 24 {
		role := g.Roles[r.IntN(len(g.Roles))]
		if deleted[role.ID] || len(role.Skills) == 0 {
			continue
		}
		rs := role.Skills[r.IntN(len(role.Skills))]
		imp := float64(1 + r.IntN(5))
		var what string
		var err error
		var kind string
		switch k := r.IntN(12); {
		case k < 4:
			kind = "change"
			what = fmt.Sprintf("%s changes %s", role.ID, rs.Skill)
			_, err = s.UpdateRoleSkill(ctx, cypher.RoleSkillFields{RoleID: role.ID, SkillID: rs.Skill, Level: 1 + r.IntN(5), Importance: &imp})
		case k < 6:
			kind = "add"
			skill := tech[r.IntN(len(tech))]
			what = fmt.Sprintf("%s adds %s", role.ID, skill)
			_, err = s.CreateRoleSkill(ctx, cypher.RoleSkillFields{RoleID: role.ID, SkillID: skill, Level: 1 + r.IntN(5), Importance: &imp})
		case k < 8:
			kind = "drop"
			what = fmt.Sprintf("%s drops %s", role.ID, rs.Skill)
			err = s.DeleteRoleSkill(ctx, role.ID, rs.Skill)
		case k < 10:
			kind = "delete role"
			what = "role " + role.ID + " deleted"
			err = s.DeleteRole(ctx, role.ID)
			deleted[role.ID] = true
		case k == 10:
			kind = "delete skill"
			skill := tech[r.IntN(len(tech))]
			what = "skill " + skill + " deleted"
			err = s.DeleteSkill(ctx, skill)
		default:
			kind = "job zone"
			zone := 1 + r.IntN(5)
			what = fmt.Sprintf("%s moves to job zone %d", role.ID, zone)
			_, err = s.UpdateRole(ctx, role.ID, pathway.RoleFields{JobZone: &zone})
		}
		if err != nil && !errors.Is(err, pathway.ErrInvalid) && !errors.Is(err, pathway.ErrNotFound) {
			t.Fatalf("write %d, %s: %v", i, what, err)
		}
		kinds[kind]++
		check(fmt.Sprintf("write %d, %s", i, what))
	}
	if len(kinds) < 6 {
		t.Errorf("writes by kind %v: some kind never ran", kinds)
	}
}
