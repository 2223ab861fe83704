package resolvers

import (
	"slices"
	"testing"

	"github.com/99designs/gqlgen/client"
)

// fieldPlanQuery asks for a plan with its alternatives and front, each step's
// credential with its field and the roles it prepares for.
const fieldPlanQuery = `query($from: ProfileInput!, $to: ID!, $options: PlanOptions) {
  upskillingPath(from: $from, to: $to, options: $options) {
    feasible reason
    ...steps
    alternatives { ...steps }
    tradeOffFront { ...steps }
  }
}
fragment steps on UpskillingPlan {
  steps { credential { id field confers { id } preparesFor { id } } meetsEducationRequirement
          prerequisiteOf { id } stacksInto { id } }
}`

type fieldStep struct {
	Credential struct {
		ID          string
		Field       *string
		Confers     *struct{ ID string }
		PreparesFor []struct{ ID string }
	}
	MeetsEducationRequirement bool
	PrerequisiteOf            []struct{ ID string }
	StacksInto                []struct{ ID string }
}

type fieldPlan struct {
	Feasible bool
	Reason   *string
	Steps    []fieldStep
}

// TestPlansKeepToTheField: in a plan into a role, for any objective, in the
// plan, its alternatives and its trade-off front, the degree that meets the
// role's education requirement prepares for the role, and a degree in
// another field is there only as a rung below a later step (a practical
// nursing certificate stacking into the nursing degree), never on its own.
func TestPlansKeepToTheField(t *testing.T) {
	c, _ := sampleClient(t)
	cases := []struct {
		name        string
		from        map[string]any
		to          string
		skillsFirst bool
	}{
		{"help desk to security specialist", map[string]any{"roleId": "help-desk-technician"}, "security-specialist", false},
		{"high school to network administrator", map[string]any{"educationLevelId": "high-school"}, "network-administrator", false},
		{"high school to registered nurse", map[string]any{"educationLevelId": "high-school"}, "registered-nurse", false},
	}
	for _, tc := range cases {
		for _, objective := range []string{"HOURS", "COST", "WEEKS", "STEPS"} {
			t.Run(tc.name+" by "+objective, func(t *testing.T) {
				var resp struct {
					UpskillingPath struct {
						Feasible      bool
						Reason        *string
						Steps         []fieldStep
						Alternatives  []fieldPlan
						TradeOffFront []fieldPlan
					}
				}
				c.MustPost(fieldPlanQuery, &resp, client.Var("from", tc.from), client.Var("to", tc.to),
					client.Var("options", map[string]any{"objective": objective, "alternatives": 3, "tradeOffFront": objective == "COST"}))
				p := resp.UpskillingPath
				if !p.Feasible {
					t.Fatalf("no plan: %v", p.Reason)
				}
				plans := append(append([]fieldPlan{{Feasible: p.Feasible, Steps: p.Steps}}, p.Alternatives...), p.TradeOffFront...)
				for i, pl := range plans {
					degree := false
					for _, s := range pl.Steps {
						cr := s.Credential
						if cr.Confers == nil || cr.Field == nil {
							continue
						}
						prepares := slices.ContainsFunc(cr.PreparesFor, func(r struct{ ID string }) bool { return r.ID == tc.to })
						rung := len(s.PrerequisiteOf)+len(s.StacksInto) > 0
						if !prepares && (s.MeetsEducationRequirement || !rung) {
							t.Errorf("plan %d: %s (field %s) does not prepare for %s, and is no rung below a later step", i, cr.ID, *cr.Field, tc.to)
						}
						degree = degree || s.MeetsEducationRequirement
					}
					if !degree {
						t.Errorf("plan %d: no step meets the education requirement: %+v", i, pl.Steps)
					}
				}
			})
		}
	}
}

// TestEducationField: an associate degree with no field given does not meet
// the registered nurse's requirement of one in nursing; given as nursing, or
// as the nursing degree itself, it does.
func TestEducationField(t *testing.T) {
	c, _ := sampleClient(t)
	const q = `query($from: ProfileInput!) {
	  upskillingPath(from: $from, to: "registered-nurse", options: {objective: COST}) {
	    feasible steps { credential { id } meetsEducationRequirement }
	  }
	}`
	type resp struct {
		UpskillingPath struct {
			Feasible bool
			Steps    []struct {
				Credential                struct{ ID string }
				MeetsEducationRequirement bool
			}
		}
	}
	for _, tc := range []struct {
		name       string
		from       map[string]any
		wantDegree bool
	}{
		{"a bare associate degree", map[string]any{"educationLevelId": "associate"}, true},
		{"an associate degree in accounting", map[string]any{"educationLevelId": "associate", "educationField": "52.0302"}, true},
		{"an associate degree in nursing", map[string]any{"educationLevelId": "associate", "educationField": "51.3801"}, false},
		{"the nursing degree itself", map[string]any{"credentialIds": []string{"associate-degree-nursing"}}, false},
		{"the accounting degree itself", map[string]any{"credentialIds": []string{"associate-degree-accounting"}}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r resp
			c.MustPost(q, &r, client.Var("from", tc.from))
			degree := false
			for _, s := range r.UpskillingPath.Steps {
				degree = degree || s.MeetsEducationRequirement
			}
			if !r.UpskillingPath.Feasible || degree != tc.wantDegree {
				t.Errorf("feasible %v, a step for the degree %v; want %v: %+v", r.UpskillingPath.Feasible, degree, tc.wantDegree, r.UpskillingPath.Steps)
			}
		})
	}
	if code := errorCode(t, c, `{ upskillingPath(from: {educationLevelId: "associate", educationField: "nursing"}, to: "registered-nurse") { feasible } }`); code != "BAD_USER_INPUT" {
		t.Errorf("a field that is no CIP code: %s, want BAD_USER_INPUT", code)
	}
}
