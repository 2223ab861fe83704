package pathway

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestCommonLevels: a skill's common level is the highest level at least a
// quarter of its source's roles require it at or above; preferred listings,
// technologies and sources of too few roles give none.
func TestCommonLevels(t *testing.T) {
	roles := map[string]RoleTraits{}
	for i := range 120 { // an O*NET-like source of 120 roles
		reading := 3
		if i%6 == 5 {
			reading = 4
		}
		p := []Requirement{
			{SkillID: "onet:filler", Level: 2, Required: true},
			// reading: required by 100 roles, at 4 by 20 of them (a sixth:
			// not common at 4); preferred by the other 20
			{SkillID: "onet:reading", Level: reading, Required: i%6 > 0},
			// rare: required by 20 roles, never common
			{SkillID: "onet:rare", Level: 3, Required: i < 20},
			// a technology every role lists: never common
			{SkillID: "onet:tech:excel", Level: 3, Required: true, Tech: true},
			// customer: 4 for 30 roles, a quarter exactly
			{SkillID: "onet:customer", Level: 3 + min(1, i%4/3), Required: true},
		}
		roles[fmt.Sprintf("onet:%03d", i)] = RoleTraits{Profile: p}
	}
	for i := range 50 { // a hand-made sample: too few roles for a statistic
		roles[fmt.Sprintf("sample-%02d", i)] = RoleTraits{Profile: []Requirement{{SkillID: "communication", Level: 3, Required: true}}}
	}
	st := NewSimilarityStats(roles)
	want := map[string]int{"onet:filler": 2, "onet:reading": 3, "onet:customer": 4}
	for _, id := range []string{"onet:filler", "onet:reading", "onet:rare", "onet:tech:excel", "onet:customer", "communication"} {
		if got := st.Skill[id].Common; got != want[id] {
			t.Errorf("%s: common level %d, want %d", id, got, want[id])
		}
	}
}

// foundationalCase: a target needing a skill most roles need at its level
// (reading, common 3) and one of its own (dosage); a cheap credential
// certifies only reading, a program both.
func foundationalCase(readingLevel int) PlanRequest {
	return PlanRequest{
		Target: []Requirement{
			{SkillID: "reading", Level: readingLevel, Required: true, Common: 3},
			{SkillID: "dosage", Level: 3, Required: true},
		},
		TargetEducationRank: -1,
		Candidates: []PlanCredential{
			cred("reading-badge", 50, 10, 1, map[string]int{"reading": 5}),
			cred("dosage-course", 400, 60, 6, map[string]int{"dosage": 3}),
			cred("pharmacy-program", 3000, 600, 30, map[string]int{"dosage": 4, "reading": 4}),
		},
	}
}

// TestFoundationalGapNeedsNoStep: a plan takes no credential for a
// foundational gap alone, says so in its coverage, and is complete; above the
// common level the gap needs a step as any other.
func TestFoundationalGapNeedsNoStep(t *testing.T) {
	for _, obj := range []Objective{ObjectiveCost, ObjectiveHours, ObjectiveSteps} {
		req := foundationalCase(3)
		p := solveOne(t, req, PlanOptions{Objective: obj})
		if got := steps(p); !slices.Equal(got, []string{"dosage-course"}) {
			t.Fatalf("%v: steps %v, want [dosage-course]: a foundational gap takes no credential", obj, got)
		}
		if !slices.Equal(p.Uncovered, []string{"reading"}) {
			t.Errorf("%v: uncovered %v, want [reading]", obj, p.Uncovered)
		}
		gaps := Gap(req, false)
		cov := Cover(p, gaps, func(string, int) bool { return true })
		if len(cov.Open) != 1 || cov.Open[0].SkillID != "reading" || cov.Open[0].Reason != OpenFoundational {
			t.Errorf("%v: open %+v, want reading FOUNDATIONAL", obj, cov.Open)
		}
		if !cov.Complete() {
			t.Errorf("%v: a plan leaving only a foundational gap open is complete", obj)
		}
		if s := cov.Summary(p, "Pharmacy Technicians", func(id string) string { return id }); !strings.Contains(s, "Reading is needed at a level most occupations ask for") {
			t.Errorf("%v: summary %q does not say why reading stays open", obj, s)
		}
	}

	// Needed above its common level, reading is the role's own ground.
	p := solveOne(t, foundationalCase(4), PlanOptions{Objective: ObjectiveCost})
	if got := steps(p); !slices.Equal(got, []string{"dosage-course", "reading-badge"}) {
		t.Errorf("reading at 4: steps %v, want [dosage-course reading-badge]", got)
	}
	for _, g := range Gap(foundationalCase(4), false) {
		if g.Foundational {
			t.Errorf("reading at 4 (common 3) is not foundational: %+v", g)
		}
	}
}

// TestFoundationalGapClosedByTheWay: a step taken for another reason that
// certifies a foundational gap closes it, and the plan does not call it
// uncovered.
func TestFoundationalGapClosedByTheWay(t *testing.T) {
	req := foundationalCase(3)
	req.Candidates = req.Candidates[2:] // only the program is left
	p := solveOne(t, req, PlanOptions{Objective: ObjectiveCost})
	if got := steps(p); !slices.Equal(got, []string{"pharmacy-program"}) {
		t.Fatalf("steps %v, want [pharmacy-program]", got)
	}
	if !slices.Equal(p.Steps[0].Closes, []string{"dosage", "reading"}) || len(p.Uncovered) != 0 {
		t.Errorf("closes %v, uncovered %v: the program closes both gaps", p.Steps[0].Closes, p.Uncovered)
	}
	if cov := Cover(p, Gap(req, false), func(string, int) bool { return true }); cov.Closed != 2 || len(cov.Open) != 0 {
		t.Errorf("coverage %+v, want both gaps closed", cov)
	}
}
