package synth

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/lattice-pathways/lattice/cypher"
)

func ptr[T any](v T) *T { return &v }

// template is a small O*NET-like graph: two rated elements, two
// technologies, two roles of one occupation family and a program naming
// one occupation, stacking into a degree that confers a level.
func template() *cypher.Graph {
	return &cypher.Graph{
		EducationLevels: []cypher.GraphEducationLevel{{ID: "high-school", Name: "High school", Rank: 1}, {ID: "associate", Name: "Associate", Rank: 3}},
		Skills: []cypher.GraphSkill{
			{ID: "onet:2.A.1.a", Name: "Reading"}, {ID: "onet:2.C.1.a", Name: "Administration"},
			{ID: "onet:tech:excel", Name: "Excel", Type: ptr("SOFTWARE")}, {ID: "onet:tech:sap", Name: "SAP", Type: ptr("SOFTWARE")},
		},
		Roles: []cypher.GraphRole{
			{Skills: []cypher.GraphRoleSkill{{Skill: "onet:2.A.1.a", Level: 3, Importance: ptr(3.5), Required: true}, {Skill: "onet:tech:excel", Level: 2, Required: true}},
				Education: "high-school"},
			{Skills: []cypher.GraphRoleSkill{{Skill: "onet:2.C.1.a", Level: 4, Importance: ptr(4.0), Required: true}, {Skill: "onet:tech:sap", Level: 2, Required: false}}},
		},
		Credentials: []cypher.GraphCredential{
			{ID: "cip:52.0201:certificate", Name: "Business", Kind: "CERTIFICATE", Cost: ptr(3000.0), Occupations: []string{"43-4051"},
				Certifies:  []cypher.GraphSkillLevel{{Skill: "onet:2.C.1.a", Level: 3}},
				StacksInto: []cypher.GraphStack{{Credential: "cip:52.0201:associate", CreditHours: 30, CreditCost: 1000}}},
			{ID: "cip:52.0201:associate", Name: "Business AA", Kind: "DEGREE", Confers: "associate", Prerequisites: [][]string{{"high-school"}}},
		},
	}
}

func graph(t *testing.T, scale float64, seed uint64) *cypher.Graph {
	t.Helper()
	tm := template()
	tm.Roles[0].Role.ID, tm.Roles[0].Title, tm.Roles[0].OccupationCode, tm.Roles[0].Source = "onet:43-4051.00", "Clerks", ptr("43-4051.00"), ptr("onet")
	tm.Roles[1].Role.ID, tm.Roles[1].Title, tm.Roles[1].OccupationCode, tm.Roles[1].Source = "onet:11-1021.00", "Managers", ptr("11-1021.00"), ptr("onet")
	g, err := Scale(tm, Options{Scale: scale, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestScaleShape(t *testing.T) {
	g := graph(t, 3, 7)
	if len(g.Roles) != 6 || len(g.Skills) != 12 || len(g.Credentials) != 6 || len(g.EducationLevels) != 2 {
		t.Fatalf("roles %d skills %d credentials %d levels %d, want 6, 12, 6, 2", len(g.Roles), len(g.Skills), len(g.Credentials), len(g.EducationLevels))
	}
	if err := g.Validate(); err != nil {
		t.Fatalf("the synthetic graph does not validate: %v", err)
	}
	ids := map[string]bool{}
	for _, s := range g.Skills {
		ids[s.ID] = true
	}
	for _, c := range g.Credentials {
		ids[c.ID] = true
	}
	for _, r := range g.Roles {
		ids[r.ID] = true
	}
	for _, l := range g.EducationLevels {
		ids[l.ID] = true
	}
	for _, r := range g.Roles {
		region := strings.HasPrefix(r.ID, "x")
		if r.WageMedian == nil || r.Vacancies == nil || *r.WageMin > *r.WageMedian || *r.WageMedian > *r.WageMax {
			t.Errorf("%s: wages %v/%v/%v vacancies %v, want ordered wages and vacancies", r.ID, r.WageMin, r.WageMedian, r.WageMax, r.Vacancies)
		}
		for _, rs := range r.Skills {
			if !ids[rs.Skill] {
				t.Errorf("%s requires %s, which the graph does not hold", r.ID, rs.Skill)
			}
			// Rated elements are always the region's own; technologies mostly.
			if region && !strings.HasPrefix(rs.Skill, r.ID[:3]) && !strings.HasPrefix(rs.Skill, "onet:tech:") {
				t.Errorf("%s requires %s, another region's element", r.ID, rs.Skill)
			}
		}
	}
	for _, c := range g.Credentials {
		if len(c.Occupations) > 0 {
			t.Errorf("%s names occupations %v: a synthetic program is tied to its region's roles", c.ID, c.Occupations)
		}
		for _, ref := range append(append([]string{}, c.PreparesFor...), c.Confers) {
			if ref != "" && !ids[ref] {
				t.Errorf("%s names %s, which the graph does not hold", c.ID, ref)
			}
		}
		for _, st := range c.StacksInto {
			if !ids[st.Credential] || st.Credential[:3] != c.ID[:3] {
				t.Errorf("%s stacks into %s, want its own region's degree", c.ID, st.Credential)
			}
		}
		if strings.HasSuffix(c.ID, "certificate") {
			prefix := strings.TrimSuffix(c.ID, "cip:52.0201:certificate")
			if want := []string{prefix + "onet:43-4051.00"}; !reflect.DeepEqual(c.PreparesFor, want) {
				t.Errorf("%s prepares for %v, want %v (its region's clerks)", c.ID, c.PreparesFor, want)
			}
		}
	}
}

func TestScaleDeterministic(t *testing.T) {
	if a, b := graph(t, 2.5, 1), graph(t, 2.5, 1); !reflect.DeepEqual(a, b) {
		t.Error("the same template, scale and seed gave two graphs")
	}
	if a, b := graph(t, 2, 1), graph(t, 2, 2); reflect.DeepEqual(a.Roles[2:], b.Roles[2:]) {
		t.Error("two seeds gave the same perturbations")
	}
}

func TestScaleFraction(t *testing.T) {
	var want, got []string
	for _, id := range []string{"onet:11-1021.00", "onet:43-4051.00"} {
		if keep(id, 0) < 0.5 {
			want = append(want, id)
		}
	}
	for _, r := range graph(t, 0.5, 1).Roles {
		got = append(got, r.ID)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("scale 0.5 kept %v, want %v (the roles whose place is below one half)", got, want)
	}
	if _, err := Scale(template(), Options{Scale: 0}); err == nil {
		t.Error("scale 0 accepted")
	}
}
