package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/cypher/imports"
	"github.com/lattice-pathways/lattice/cypher/synth"
	"github.com/lattice-pathways/lattice/pathway"
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

// TestIncrementalOverlapsSynthetic is TestIncrementalOverlaps on the
// synthetic graph's shape (cypher/synth): three regions of a slice of
// O*NET, each with its own dense elements and a few technologies shared
// across regions. The graph first loses its compact forms, as a graph
// written before them has none, so the first write builds them; then random
// writes (requirements added, changed and dropped, roles and skills
// deleted, job zones moved) leave the stored edges equal to a full
// derivation and every role's form equal to the one its profile makes.
func TestIncrementalOverlapsSynthetic(t *testing.T) {
	imp, err := imports.ONET(filepath.Join(cyphertest.SharedData(t), "onet"))
	if err != nil {
		t.Fatal(err)
	}
	onet := imp.Graph
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
		if i := firstDiff(derived, stored); i >= 0 {
			t.Fatalf("%s: %d edges stored, %d derived by a full derivation; the first difference at %d", what, len(stored), len(derived), i)
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

// firstDiff is the first index where a and b differ, -1 when they are equal.
func firstDiff[T comparable](a, b []T) int {
	for i := range max(len(a), len(b)) {
		if i >= len(a) || i >= len(b) || a[i] != b[i] {
			return i
		}
	}
	return -1
}
