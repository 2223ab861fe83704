package resolvers

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"github.com/lattice-pathways/lattice/pathway"
)

// cipPlanQuery asks for a plan with what each step's credential is for.
const cipPlanQuery = `query($from: ProfileInput!, $to: ID!, $options: PlanOptions) {
	upskillingPath(from: $from, to: $to, options: $options) {
		feasible reason totalCost
		steps { credential { id name field preparesFor { id } confers { rank } } closes { id }
			meetsEducationRequirement prerequisiteOf { id } stacksInto { id } }
		uncovered { id }
		alternatives { totalCost steps { credential { id name field preparesFor { id } }
			meetsEducationRequirement prerequisiteOf { id } stacksInto { id } } }
	} }`

type cipStep struct {
	Credential struct {
		ID, Name    string
		Field       *string
		PreparesFor []struct{ ID string }
		Confers     *struct{ Rank int }
	}
	Closes                    []struct{ ID string }
	MeetsEducationRequirement bool
	PrerequisiteOf            []struct{ ID string }
	StacksInto                []struct{ ID string }
}

type cipPlanResp struct {
	UpskillingPath struct {
		Feasible     bool
		Reason       *string
		TotalCost    float64
		Steps        []cipStep
		Uncovered    []struct{ ID string }
		Alternatives []struct {
			TotalCost float64
			Steps     []cipStep
		}
	}
}

func (s cipStep) preparesFor(role string) bool {
	for _, r := range s.Credential.PreparesFor {
		if r.ID == role {
			return true
		}
	}
	return false
}

// TestCIPPlans imports O*NET and then CIP beside the sample graph and plans
// into O*NET occupations: through a program of the right field.
func TestCIPPlans(t *testing.T) {
	c, store := sampleClient(t)
	ctx := context.Background()
	importONET(t, store)
	start := time.Now()
	importCIP(t, store)
	t.Logf("CIP after the sample and O*NET: %s", time.Since(start).Round(time.Millisecond))

	plan := func(t *testing.T, from, to string, options map[string]any) cipPlanResp {
		var resp cipPlanResp
		c.MustPost(cipPlanQuery, &resp, client.Var("from", map[string]any{"roleId": from}), client.Var("to", to), client.Var("options", options))
		for _, s := range resp.UpskillingPath.Steps {
			var field string
			if s.Credential.Field != nil {
				field = *s.Credential.Field
			}
			t.Logf("%s -> %s: step %s %q field %s education %v closes %d", from, to, s.Credential.ID, s.Credential.Name, field, s.MeetsEducationRequirement, len(s.Closes))
		}
		t.Logf("%s -> %s: feasible %v, $%.0f, %d uncovered, reason %v", from, to, resp.UpskillingPath.Feasible, resp.UpskillingPath.TotalCost, len(resp.UpskillingPath.Uncovered), resp.UpskillingPath.Reason)
		return resp
	}
	// checkSteps: a step with a field that meets the education requirement
	// prepares for the role; any other step with a field is a rung (a
	// prerequisite of a later step or stacking into one) or prepares for it.
	checkSteps := func(t *testing.T, what, role string, steps []cipStep) {
		t.Helper()
		for _, s := range steps {
			if s.Credential.Field == nil {
				continue
			}
			if s.MeetsEducationRequirement && !s.preparesFor(role) {
				t.Errorf("%s: %s (field %s) meets the education requirement but does not prepare for %s", what, s.Credential.ID, *s.Credential.Field, role)
			}
			if !s.preparesFor(role) && len(s.PrerequisiteOf) == 0 && len(s.StacksInto) == 0 {
				t.Errorf("%s: %s (field %s) neither prepares for %s nor is a rung", what, s.Credential.ID, *s.Credential.Field, role)
			}
		}
	}

	t.Run("LPN to RN by cost takes a registered-nursing program", func(t *testing.T) {
		const rn = "onet:29-1141.00"
		resp := plan(t, "onet:29-2061.00", rn, map[string]any{"objective": "COST", "alternatives": 3})
		p := resp.UpskillingPath
		if !p.Feasible {
			t.Fatalf("infeasible: %v", p.Reason)
		}
		nursing := false
		for _, s := range p.Steps {
			nursing = nursing || s.Credential.Field != nil && strings.HasPrefix(*s.Credential.Field, "51.38")
		}
		if !nursing {
			t.Errorf("no registered-nursing program (51.38xx) in the plan")
		}
		checkSteps(t, "plan", rn, p.Steps)
		for i, a := range p.Alternatives {
			checkSteps(t, "alternative "+string(rune('1'+i)), rn, a.Steps)
		}
	})
	// This fails today: for a holder of a bachelor's the education requirement
	// is met, and the cost-optimal plan closes skill gaps with programs of
	// other fields (a data science master's, a computer engineering
	// certificate) that certify the same O*NET skills. Whether a program that
	// does not prepare for the role may close its skill gaps is the planner's
	// rule, not the importer's.
	t.Run("support specialists to network administrators through a program for them", func(t *testing.T) {
		const admin = "onet:15-1244.00"
		resp := plan(t, "onet:15-1232.00", admin, map[string]any{"objective": "COST"})
		p := resp.UpskillingPath
		if !p.Feasible || len(p.Steps) == 0 {
			t.Fatalf("feasible %v, %d steps: want a plan with a step (reason %v)", p.Feasible, len(p.Steps), p.Reason)
		}
		for _, s := range p.Steps {
			if s.Credential.Field != nil && !s.preparesFor(admin) {
				t.Errorf("program %s does not prepare for %s", s.Credential.ID, admin)
			}
		}
		checkSteps(t, "plan", admin, p.Steps)
	})

	// A high-school graduate's plans into occupations of several fields,
	// with the sample's micro-credentials and IT certifications loaded beside
	// them: a step is there for the role's own ground (a gap above the
	// level most occupations ask for), its credential or education
	// requirement, or as a rung of another step; never for Reading
	// Comprehension or Computers and Electronics at an everyday level.
	t.Run("no step for a foundational gap alone", func(t *testing.T) {
		const q = `query($to: ID!) { upskillingPath(from: {educationLevelId: "high-school"}, to: $to, options: {objective: COST}) {
			feasible steps { credential { id } closes { id } meetsEducationRequirement meetsCredentialRequirement prerequisiteOf { id } stacksInto { id } }
			gaps { skill { id commonLevel } level foundational }
			coverage { open { skill { id } reason } } } }`
		foundational := 0
		for _, to := range []string{"onet:29-2053.00", "onet:29-2061.00", "onet:43-4051.00", "onet:29-2052.00", "onet:47-2111.00", "onet:35-2014.00"} {
			var resp struct {
				UpskillingPath struct {
					Feasible bool
					Steps    []struct {
						Credential                                            struct{ ID string }
						Closes, PrerequisiteOf, StacksInto                    []struct{ ID string }
						MeetsEducationRequirement, MeetsCredentialRequirement bool
					}
					Gaps []struct {
						Skill struct {
							ID          string
							CommonLevel *int
						}
						Level        int
						Foundational bool
					}
					Coverage struct {
						Open []struct {
							Skill  struct{ ID string }
							Reason string
						}
					}
				}
			}
			c.MustPost(q, &resp, client.Var("to", to))
			p := resp.UpskillingPath
			if !p.Feasible || len(p.Steps) == 0 {
				t.Errorf("%s: feasible %v with %d steps, want a plan", to, p.Feasible, len(p.Steps))
			}
			isFoundational := map[string]bool{}
			for _, g := range p.Gaps {
				want := g.Skill.CommonLevel != nil && g.Level <= *g.Skill.CommonLevel
				if g.Foundational != want {
					t.Errorf("%s: gap %s at %d (common level %v): foundational %v", to, g.Skill.ID, g.Level, g.Skill.CommonLevel, g.Foundational)
				}
				isFoundational[g.Skill.ID] = g.Foundational
				if g.Foundational {
					foundational++
				}
			}
			for _, s := range p.Steps {
				own := false
				for _, cl := range s.Closes {
					own = own || !isFoundational[cl.ID]
				}
				if !own && !s.MeetsEducationRequirement && !s.MeetsCredentialRequirement && len(s.PrerequisiteOf) == 0 && len(s.StacksInto) == 0 {
					t.Errorf("%s: step %s closes only foundational gaps %v", to, s.Credential.ID, s.Closes)
				}
			}
			for _, o := range p.Coverage.Open {
				if (o.Reason == "FOUNDATIONAL") != isFoundational[o.Skill.ID] {
					t.Errorf("%s: open gap %s for %s", to, o.Skill.ID, o.Reason)
				}
			}
		}
		// O*NET rates every occupation on Reading Comprehension: a high-school
		// graduate's gaps there are foundational, and there are many.
		if foundational < 30 {
			t.Errorf("%d foundational gaps over six occupations, want most of O*NET's everyday skills", foundational)
		}
	})

	// The rules for postsecondary teachers and split SOC codes (the CIP
	// importer's header), on the real files.
	graphs, err := store.PlanGraphs(ctx, []string{"onet:25-1072.00", "onet:29-2099.01", "onet:29-1229.03",
		"onet:29-1141.01", "onet:29-1141.02", "onet:29-1141.03", "onet:29-1141.04",
		"onet:29-1229.02", "onet:29-2099.05", "onet:29-2099.08", "onet:29-9099.01"})
	if err != nil {
		t.Fatal(err)
	}
	if len(graphs) != 11 {
		t.Fatalf("%d plan graphs of 11 roles", len(graphs))
	}
	// fromLevel plans by cost from an education level alone.
	fromLevel := func(t *testing.T, level, to string) []cipStep {
		t.Helper()
		var resp cipPlanResp
		c.MustPost(cipPlanQuery, &resp, client.Var("from", map[string]any{"educationLevelId": level}), client.Var("to", to),
			client.Var("options", map[string]any{"objective": "COST"}))
		p := resp.UpskillingPath
		if !p.Feasible {
			t.Fatalf("%s from %s: infeasible: %v", to, level, p.Reason)
		}
		for _, s := range p.Steps {
			t.Logf("%s: step %s %q education %v", to, s.Credential.ID, s.Credential.Name, s.MeetsEducationRequirement)
		}
		return p.Steps
	}
	stepIDs := func(steps []cipStep) []string {
		var ids []string
		for _, s := range steps {
			ids = append(ids, s.Credential.ID)
		}
		return ids
	}
	t.Run("nursing instructors from a bachelor's through a graduate nursing program", func(t *testing.T) {
		const teacher = "onet:25-1072.00"
		g := graphs[teacher]
		if g == nil || g.AnyField || !slices.Contains(g.Fields, "51.3801") || len(g.Preparing) != 0 {
			t.Fatalf("nursing instructors accept %+v, want the nursing fields and no preparing program", g)
		}
		steps := fromLevel(t, "bachelor", teacher)
		graduate := false
		for _, s := range steps {
			if !s.MeetsEducationRequirement {
				continue
			}
			if s.Credential.Field == nil || !slices.Contains(g.Fields, *s.Credential.Field) {
				t.Errorf("%s meets the education requirement of nursing instructors outside their fields", s.Credential.ID)
			}
			graduate = graduate || strings.HasSuffix(s.Credential.ID, ":master") || strings.HasSuffix(s.Credential.ID, ":doctorate")
			if s.preparesFor(teacher) {
				t.Errorf("%s prepares for %s: teaching a subject is not what its program leads to", s.Credential.ID, teacher)
			}
		}
		if !graduate {
			t.Error("no graduate nursing program meets the education requirement")
		}
		// Of the nursing master's, the one that trains teachers.
		if ids := stepIDs(steps); !slices.Equal(ids, []string{"cip:51.3203:master"}) {
			t.Errorf("steps %v, want Nursing Education's master's alone", ids)
		}
	})
	// From high school, a graduate program's bachelor prerequisite is met by
	// a related bachelor's (plan_candidates), never the catalog's cheapest
	// (the sample's accounting degrees).
	fromSchool := func(t *testing.T, to string) []cipStep {
		t.Helper()
		steps := fromLevel(t, "high-school", to)
		for _, s := range steps {
			if strings.Contains(s.Credential.ID, "accounting") {
				t.Errorf("%s: an accounting credential %s", to, s.Credential.ID)
			}
		}
		return steps
	}
	nursingBachelor := func(steps []cipStep) bool {
		for _, s := range steps {
			if s.Credential.Field != nil && strings.HasPrefix(*s.Credential.Field, "51.38") &&
				(strings.HasSuffix(s.Credential.ID, ":bachelor") || s.Credential.ID == "bachelor-science-nursing") {
				return true
			}
		}
		return false
	}
	t.Run("nurse midwives from high school through a nursing bachelor's", func(t *testing.T) {
		steps := fromSchool(t, "onet:29-1161.00")
		if !nursingBachelor(steps) {
			t.Error("no nursing bachelor's before the midwifery master's")
		}
	})
	t.Run("nurse midwives from a bachelor's of any field: no second bachelor's", func(t *testing.T) {
		ids := stepIDs(fromLevel(t, "bachelor", "onet:29-1161.00"))
		if want := []string{"cip:51.3807:master"}; !slices.Equal(ids, want) {
			t.Errorf("steps %v, want %v", ids, want)
		}
	})
	// A graduate program's bachelor's is of the role's own fields when one
	// confers it (plan_candidates): physics, not a public health ladder that
	// shares a CIP series with health physics; psychology for psychologists.
	t.Run("physicists and psychologists study their own field throughout", func(t *testing.T) {
		for id, series := range map[string]string{"onet:19-2012.00": "40.", "onet:19-3033.00": "42."} {
			steps := fromSchool(t, id)
			for _, s := range steps {
				if s.Credential.Field == nil || !strings.HasPrefix(*s.Credential.Field, series) {
					t.Errorf("%s: %s is not of %s", id, s.Credential.ID, series)
				}
			}
			if len(steps) < 2 {
				t.Errorf("%s: steps %v, want a bachelor's and a graduate program", id, stepIDs(steps))
			}
		}
	})
	// No bachelor's is dedicated to management analysts (each leads mostly
	// elsewhere): one that names them teaches them (pathway's preparesOwn),
	// so the plan is one field's programs, not three programs' lists.
	t.Run("management analysts take one field's programs", func(t *testing.T) {
		steps := fromSchool(t, "onet:13-1111.00")
		codes := map[string]bool{}
		for _, s := range steps {
			if s.Credential.Field != nil {
				codes[*s.Credential.Field] = true
			}
		}
		if len(steps) == 0 || len(codes) != 1 {
			t.Errorf("steps %v, want the programs of one field", stepIDs(steps))
		}
	})
	t.Run("genetic counselors from high school take no accounting credential", func(t *testing.T) {
		fromSchool(t, "onet:29-9092.00")
	})
	t.Run("nursing instructors from high school: a nursing bachelor's, then a nursing graduate program", func(t *testing.T) {
		steps := fromSchool(t, "onet:25-1072.00")
		if !nursingBachelor(steps) {
			t.Error("no nursing bachelor's")
		}
		graduate := 0
		for _, s := range steps {
			nursing := s.Credential.Field != nil && (strings.HasPrefix(*s.Credential.Field, "51.38") || *s.Credential.Field == "51.3203")
			if !nursing {
				t.Errorf("%s is no nursing program", s.Credential.ID)
			}
			if strings.HasSuffix(s.Credential.ID, ":master") || strings.HasSuffix(s.Credential.ID, ":doctorate") {
				graduate++
			}
			if len(s.PrerequisiteOf) == 0 && len(s.StacksInto) == 0 && !s.MeetsEducationRequirement {
				t.Errorf("%s is a parallel step: no rung and not the graduate program", s.Credential.ID)
			}
		}
		if graduate != 1 {
			t.Errorf("%d graduate programs, want one", graduate)
		}
	})
	// The health managers' programs are bachelor's at one estimated cost;
	// Health Care Administration/Management (51.0701), whose name is made
	// for the role (its namesake), teaches all of it, and fit breaks the tie
	// with the others that do (pathway's fit): the program a counselor names.
	t.Run("medical and health services managers: the program made for them", func(t *testing.T) {
		steps := fromSchool(t, "onet:11-9111.00")
		if ids, want := stepIDs(steps), []string{"cip:51.0701:bachelor"}; !slices.Equal(ids, want) {
			t.Errorf("steps %v, want %v", ids, want)
		}
	})
	// Job zone 2 is learned on the job: a step must be meant for the role
	// and no degree (pathway's learnedOnTheJob). Carpenters' helpers took an
	// IT and a manufacturing associate degree, pest control workers a
	// leadership micro-credential, lifeguards a law enforcement bachelor's
	// that prepares for them; hoist and winch operators keep their program.
	t.Run("job zone 2 roles take only what prepares for them, and no degree", func(t *testing.T) {
		for _, id := range []string{"onet:47-3012.00", "onet:37-2021.00", "onet:35-3031.00", "onet:43-4081.00", "onet:33-9092.00", "onet:53-7041.00"} {
			steps := fromSchool(t, id)
			for _, s := range steps {
				if !s.preparesFor(id) {
					t.Errorf("%s: %s does not prepare for it", id, s.Credential.ID)
				}
				if c := s.Credential.Confers; c != nil && c.Rank >= pathway.DegreeRank {
					t.Errorf("%s: %s is a degree", id, s.Credential.ID)
				}
			}
			if id == "onet:53-7041.00" && len(steps) == 0 {
				t.Errorf("%s: no step, want its program", id)
			}
		}
	})
	// The sample's degrees name no occupations; they lead where their
	// field's CIP programs do (plan_credentials), so the occupation rule
	// keeps an advanced manufacturing associate degree out of a sales
	// engineer's plan.
	t.Run("sales engineers take no manufacturing degree", func(t *testing.T) {
		for _, s := range fromSchool(t, "onet:41-9031.00") {
			if s.Credential.ID == "associate-degree-manufacturing-technology" {
				t.Errorf("step %s", s.Credential.ID)
			}
		}
	})
	t.Run("a BSN does not prepare for nursing instructors", func(t *testing.T) {
		var resp struct {
			Credential struct{ PreparesFor []struct{ ID string } }
		}
		c.MustPost(`query { credential(id: "cip:51.3801:bachelor") { preparesFor { id } } }`, &resp)
		var ids []string
		for _, r := range resp.Credential.PreparesFor {
			ids = append(ids, r.ID)
		}
		if slices.Contains(ids, "onet:25-1072.00") || !slices.Contains(ids, "onet:29-1141.00") {
			t.Errorf("the BSN prepares for %v: want registered nurses, not nursing instructors", ids)
		}
	})
	t.Run("urologists and hospitalists keep medicine", func(t *testing.T) {
		// No program's words name them nor Physicians, All Other: Medicine
		// fits them by skills, and they do not accept a doctorate of any
		// field.
		for _, id := range []string{"onet:29-1229.03", "onet:29-1229.02"} {
			g := graphs[id]
			if g == nil {
				t.Fatalf("%s: no plan graph", id)
			}
			if g.AnyField || !slices.Contains(g.Fields, "51.1201") || !slices.Contains(g.Preparing, "cip:51.1201:doctorate") {
				t.Errorf("%s accepts %+v, want Medicine (51.1201) and no other field at large", id, g.FieldAcceptance)
			}
			for _, f := range g.Fields {
				if !strings.HasPrefix(f, "51.12") && !strings.HasPrefix(f, "61.") {
					t.Errorf("%s accepts field %s, neither medicine nor a residency", id, f)
				}
			}
		}
	})
	// Programs a plan to these roles must not take: what 29-2099 and
	// 29-9099 gave them whole before the skills test.
	struck := map[string][]string{
		"onet:29-2099.08": {"51.0812", "51.0908", "51.0814"}, // respiratory therapy, radiologist assistant
		"onet:29-2099.05": {"51.0812", "51.0908", "51.0814"},
		"onet:29-9099.01": {"51.3302", "51.3201"}, // Chinese herbology, bioethics
	}
	for _, id := range []string{"onet:29-2099.08", "onet:29-2099.05", "onet:29-9099.01"} {
		t.Run(id+" takes none of its code's programs that fit it neither by words nor by skills", func(t *testing.T) {
			g := graphs[id]
			if g == nil {
				t.Fatal("no plan graph")
			}
			// Nothing prepares for it: it accepts a degree of any field.
			if !g.AnyField || len(g.Preparing) != 0 || len(g.Fields) != 0 {
				t.Errorf("accepts %+v, want any field and no preparing program", g.FieldAcceptance)
			}
			// A role of any field takes as candidates the programs that
			// certify its skills (plan_candidates.cypher): Respiratory Care
			// Therapy and Bioethics may still be among them, as any
			// degree may; the certificate and programs that named the code
			// alone are not.
			for _, c := range g.Candidates {
				for _, f := range []string{"51.0812", "51.0814", "51.3302"} {
					if strings.HasPrefix(c.ID, "cip:"+f+":") {
						t.Errorf("candidate %s %q", c.ID, c.Name)
					}
				}
			}
			for _, s := range fromSchool(t, id) {
				for _, f := range struck[id] {
					if s.Credential.Field != nil && *s.Credential.Field == f {
						t.Errorf("the plan takes %s %q", s.Credential.ID, s.Credential.Name)
					}
				}
			}
		})
	}
	t.Run("neurodiagnostic technologists keep the electroneurodiagnostic program", func(t *testing.T) {
		g := graphs["onet:29-2099.01"]
		if g == nil || g.AnyField || !slices.Contains(g.Fields, "51.0903") || slices.Contains(g.Fields, "51.0814") {
			t.Errorf("neurodiagnostic technologists accept %+v, want 51.0903 and not 51.0814", g)
		}
	})
	t.Run("RN specialties keep RN programs", func(t *testing.T) {
		for _, id := range []string{"onet:29-1141.01", "onet:29-1141.02", "onet:29-1141.03", "onet:29-1141.04"} {
			g := graphs[id]
			if g == nil || g.AnyField || !slices.Contains(g.Fields, "51.3801") || !slices.Contains(g.Preparing, "cip:51.3801:bachelor") {
				t.Errorf("%s does not take registered nursing programs", id)
			}
		}
	})
}
