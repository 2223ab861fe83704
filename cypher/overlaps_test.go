package cypher_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/pathway"
)

// TestIncrementalOverlaps: after every write that changes what relatedness
// reads (a skill added, changed or dropped, a role or a skill deleted, a
// role's job zone or interests), the overlap
// edges the write refreshed, for the roles it touched only, equal a full
// derivation with the statistics the import stored.
func TestIncrementalOverlaps(t *testing.T) {
	ctx := context.Background()
	s := cyphertest.Sample(t)
	check := func(t *testing.T, what string) {
		t.Helper()
		stored, derived, err := s.OverlapsDrift(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(derived) == 0 {
			t.Fatalf("%s: no overlap edges at all", what)
		}
		if diff := cmp.Diff(derived, stored); diff != "" {
			t.Fatalf("%s: the stored edges differ from a full derivation (-derived +stored):\n%s", what, diff)
		}
		if drift, err := s.FormsDrift(ctx); err != nil || len(drift) > 0 {
			t.Fatalf("%s: roles whose stored compact form differs from their profile's: %v (%v)", what, drift, err)
		}
	}
	check(t, "after the sample's import")
	g, err := cypher.Sample()
	if err != nil {
		t.Fatal(err)
	}
	roles := make([]string, len(g.Roles))
	for i, r := range g.Roles {
		roles[i] = r.ID
	}
	skills := make([]string, len(g.Skills))
	for i, sk := range g.Skills {
		skills[i] = sk.ID
	}
	r := rand.New(rand.NewPCG(7, 11))
	profileOf := func(role string) []pathway.RoleSkill {
		p, err := s.RoleSkills(ctx, []string{role})
		if err != nil {
			t.Fatal(err)
		}
		return p[role]
	}
	deleted := map[string]bool{}
	for i := range 40 {
		role := roles[r.IntN(len(roles))]
		if deleted[role] {
			continue
		}
		imp := float64(1 + r.IntN(5))
		var what string
		var err error
		switch k := r.IntN(11); {
		case k < 4:
			skill := skills[r.IntN(len(skills))]
			what = fmt.Sprintf("%s adds %s", role, skill)
			_, err = s.CreateRoleSkill(ctx, cypher.RoleSkillFields{RoleID: role, SkillID: skill, Level: 1 + r.IntN(5), Importance: &imp})
		case k < 6:
			p := profileOf(role)
			if len(p) == 0 {
				continue
			}
			skill := p[r.IntN(len(p))].Skill.ID
			what = fmt.Sprintf("%s changes %s", role, skill)
			_, err = s.UpdateRoleSkill(ctx, cypher.RoleSkillFields{RoleID: role, SkillID: skill, Level: 1 + r.IntN(5), Importance: &imp})
		case k < 8:
			p := profileOf(role)
			if len(p) == 0 {
				continue
			}
			skill := p[r.IntN(len(p))].Skill.ID
			what = fmt.Sprintf("%s drops %s", role, skill)
			err = s.DeleteRoleSkill(ctx, role, skill)
		case k == 10:
			zone := 1 + r.IntN(5)
			what = fmt.Sprintf("%s moves to job zone %d", role, zone)
			_, err = s.UpdateRole(ctx, role, pathway.RoleFields{JobZone: &zone, Interests: []float64{1 + r.Float64()*6, 2, 3, 4, 5, 6}})
		case k == 8:
			what = "role " + role + " deleted"
			err = s.DeleteRole(ctx, role)
			deleted[role] = true
		default:
			skill := skills[r.IntN(len(skills))]
			what = "skill " + skill + " deleted"
			err = s.DeleteSkill(ctx, skill)
		}
		if err != nil && !errors.Is(err, pathway.ErrInvalid) && !errors.Is(err, pathway.ErrNotFound) {
			t.Fatalf("write %d, %s: %v", i, what, err)
		}
		check(t, fmt.Sprintf("write %d, %s", i, what))
	}
}
