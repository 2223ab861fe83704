package cypher_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/pathway"
)

// TestImportIsIdempotent writes the sample graph a second time: everything
// is reported unchanged and the content is the same.
func TestImportIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := cyphertest.Sample(t)
	before, err := s.Fingerprint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	g, err := cypher.Sample()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.ImportGraph(ctx, g, nil)
	if err != nil {
		t.Fatal(err)
	}
	created, updated, unchanged := rep.Totals()
	if created != 0 || updated != 0 || unchanged == 0 {
		t.Errorf("second import: created %d updated %d unchanged %d; want all unchanged (%+v)", created, updated, unchanged, rep.Kinds)
	}
	after, err := s.Fingerprint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before != after {
		t.Errorf("content changed: %+v -> %+v", before, after)
	}
}

// TestImportReportsWhatChanged imports a graph with one new skill, one
// changed role and one new edge, and checks the report says so.
func TestImportReportsWhatChanged(t *testing.T) {
	ctx := context.Background()
	s := cyphertest.Sample(t)
	g, err := cypher.Sample()
	if err != nil {
		t.Fatal(err)
	}
	title := "Help Desk Technician II"
	g.Roles[0].Title = title
	g.Skills = append(g.Skills, cypher.GraphSkill{ID: "kubernetes", Name: "Kubernetes"})
	g.Roles[0].Skills = append(g.Roles[0].Skills, cypher.GraphRoleSkill{Skill: "kubernetes", Level: 2})
	rep, err := s.ImportGraph(ctx, g, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]cypher.KindReport{}
	for _, k := range rep.Kinds {
		got[k.Kind] = k
	}
	if k := got["skill"]; k.Created != 1 || k.Updated != 0 {
		t.Errorf("skills: %+v, want one created", k)
	}
	if k := got["role"]; k.Updated != 1 || k.Created != 0 {
		t.Errorf("roles: %+v, want one updated", k)
	}
	if k := got["role skill (role, skill)"]; k.Created != 1 {
		t.Errorf("role skills: %+v, want one created", k)
	}
}

// TestImportIsAtomic fails an import on a bad reference midway: the
// database keeps exactly what it held, nodes, edges and content.
func TestImportIsAtomic(t *testing.T) {
	ctx := context.Background()
	s := cyphertest.Sample(t)
	before, err := s.Fingerprint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	g, err := cypher.Sample()
	if err != nil {
		t.Fatal(err)
	}
	// New nodes and edges first, then, late in the write order, a
	// certification of a skill that exists nowhere.
	g.Skills = append(g.Skills, cypher.GraphSkill{ID: "kubernetes", Name: "Kubernetes"})
	g.Roles[0].Title = "Renamed"
	g.Credentials[len(g.Credentials)-1].Certifies = append(g.Credentials[len(g.Credentials)-1].Certifies,
		cypher.GraphSkillLevel{Skill: "no-such-skill", Level: 2})
	_, err = s.ImportGraph(ctx, g, nil)
	if !errors.Is(err, pathway.ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	after, err := s.Fingerprint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before != after {
		t.Errorf("a failed import changed the database: %+v -> %+v", before, after)
	}
}

// TestImportRefusesInvalidRoles imports the sample graph with one role
// broken: the import keeps the mutations' rules (pathway.Role.Validate),
// names the role and the field, and writes nothing.
func TestImportRefusesInvalidRoles(t *testing.T) {
	ctx := context.Background()
	s := cyphertest.Sample(t)
	before, err := s.Fingerprint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	num := func(v float64) *float64 { return &v }
	for _, tc := range []struct {
		name  string
		spoil func(*pathway.Role)
		want  string
	}{
		{"negative wage", func(r *pathway.Role) { r.WageMin = num(-1) }, "wageMin must be a finite number >= 0, got -1"},
		{"maximum below minimum", func(r *pathway.Role) { r.WageMin, r.WageMax = num(50000), num(40000) }, "wageMax (40000) must not be below wageMin (50000)"},
		{"median above maximum", func(r *pathway.Role) { r.WageMedian, r.WageMax = num(90000), num(80000) }, "wageMedian (90000) must not be above wageMax (80000)"},
		{"job zone 0", func(r *pathway.Role) { z := 0; r.JobZone = &z }, "jobZone must be from 1 to 5, got 0"},
		{"job zone 6", func(r *pathway.Role) { z := 6; r.JobZone = &z }, "jobZone must be from 1 to 5, got 6"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := cypher.Sample()
			if err != nil {
				t.Fatal(err)
			}
			// A new node first, so that a write that went ahead would show.
			g.Skills = append(g.Skills, cypher.GraphSkill{ID: "kubernetes", Name: "Kubernetes"})
			r := &g.Roles[len(g.Roles)-1]
			tc.spoil(&r.Role)
			_, err = s.ImportGraph(ctx, g, nil)
			if !errors.Is(err, pathway.ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			if want := fmt.Sprintf("role %q: %s", r.ID, tc.want); !strings.Contains(err.Error(), want) {
				t.Errorf("err = %q, want it to say %q", err, want)
			}
			after, err := s.Fingerprint(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if before != after {
				t.Errorf("a refused import changed the database: %+v -> %+v", before, after)
			}
		})
	}
}

// crosswalkEnds is a graph of the O*NET skills the sample's crosswalk names,
// with the crosswalk: what an O*NET import brings, in small.
func crosswalkEnds(t *testing.T) (*cypher.Graph, []cypher.GraphCrosswalk) {
	t.Helper()
	xw, err := cypher.ONETCrosswalk()
	if err != nil {
		t.Fatal(err)
	}
	g := &cypher.Graph{Crosswalks: xw}
	seen := map[string]bool{}
	for _, x := range xw {
		if !seen[x.To] {
			seen[x.To] = true
			g.Skills = append(g.Skills, cypher.GraphSkill{ID: x.To, Name: x.To})
		}
	}
	return g, xw
}

// sameAsPairs is every "sample skill O*NET skill" SAME_AS pair of the
// crosswalk's sample skills, either way.
func sameAsPairs(t *testing.T, s *cypher.Store, xw []cypher.GraphCrosswalk) []string {
	t.Helper()
	var ids []string
	for _, x := range xw {
		ids = append(ids, x.From)
	}
	same, err := s.SkillSameAs(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for id, skills := range same {
		for _, sk := range skills {
			out = append(out, id+" "+sk.ID)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func crosswalkPairs(xw []cypher.GraphCrosswalk) []string {
	var out []string
	for _, x := range xw {
		out = append(out, x.From+" "+x.To)
	}
	slices.Sort(out)
	return out
}

// crosswalkReport is the report's line on crosswalks, if any.
func crosswalkReport(rep cypher.Report) *cypher.KindReport {
	for _, k := range rep.Kinds {
		if strings.HasPrefix(k.Kind, "crosswalk") {
			return &k
		}
	}
	return nil
}

// TestCrosswalkEitherOrder: the crosswalk's SAME_AS edges appear whether the
// sample or the skills it crosses to come first, a crosswalk whose end is
// missing is skipped rather than refused, importing again changes nothing,
// and an edge already there the other way is kept, not doubled.
func TestCrosswalkEitherOrder(t *testing.T) {
	ctx := context.Background()
	ends, xw := crosswalkEnds(t)
	want := crosswalkPairs(xw)

	t.Run("the sample first", func(t *testing.T) {
		s := cyphertest.Sample(t)
		if got := sameAsPairs(t, s, xw); len(got) != 0 {
			t.Fatalf("crosswalk edges with no O*NET skill loaded: %v", got)
		}
		rep, err := s.ImportGraph(ctx, ends, nil)
		if err != nil {
			t.Fatal(err)
		}
		if k := crosswalkReport(rep); k == nil || k.Created != len(xw) {
			t.Errorf("report %+v, want %d crosswalks created", k, len(xw))
		}
		if got := sameAsPairs(t, s, xw); !slices.Equal(got, want) {
			t.Errorf("SAME_AS = %v, want %v", got, want)
		}
		before, err := s.Fingerprint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		rep, err = s.ImportGraph(ctx, ends, nil)
		if err != nil {
			t.Fatal(err)
		}
		if created, updated, _ := rep.Totals(); created+updated != 0 {
			t.Errorf("a second import created %d, updated %d: %+v", created, updated, rep.Kinds)
		}
		if k := crosswalkReport(rep); k == nil || k.Unchanged != len(xw) {
			t.Errorf("report %+v, want %d crosswalks unchanged", k, len(xw))
		}
		if after, err := s.Fingerprint(ctx); err != nil || after != before {
			t.Errorf("a second import changed the graph (%v)", err)
		}

		// An edge the other way, made through the API, counts as the crosswalk's.
		x := xw[0]
		if err := s.DeleteSkillRelation(ctx, x.From, x.To, cypher.SameAs); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateSkillRelation(ctx, x.To, x.From, cypher.SameAs); err != nil {
			t.Fatal(err)
		}
		rep, err = s.ImportGraph(ctx, ends, nil)
		if err != nil {
			t.Fatal(err)
		}
		if k := crosswalkReport(rep); k == nil || k.Unchanged != len(xw) {
			t.Errorf("report %+v, want %d crosswalks unchanged (none created beside the edge the other way)", k, len(xw))
		}
		if got := sameAsPairs(t, s, xw); !slices.Equal(got, want) {
			t.Errorf("SAME_AS = %v, want %v", got, want)
		}
	})

	t.Run("the O*NET skills first", func(t *testing.T) {
		s := cyphertest.Empty(t)
		rep, err := s.ImportGraph(ctx, ends, nil)
		if err != nil {
			t.Fatalf("a crosswalk to skills not loaded yet refused the import: %v", err)
		}
		if k := crosswalkReport(rep); k != nil {
			t.Errorf("crosswalks reported with no sample skill loaded: %+v", k)
		}
		if loaded, err := s.LoadSample(ctx); err != nil || !loaded {
			t.Fatalf("LoadSample: %v, %v", loaded, err)
		}
		if got := sameAsPairs(t, s, xw); !slices.Equal(got, want) {
			t.Errorf("SAME_AS = %v, want %v", got, want)
		}
	})
}

// TestImportReplacesPrerequisites: a credential imported again with other
// prerequisites has those, not those and its former ones as alternatives.
func TestImportReplacesPrerequisites(t *testing.T) {
	ctx := context.Background()
	s := cyphertest.Sample(t)
	g, err := cypher.Sample()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(g.Credentials, func(c cypher.GraphCredential) bool { return len(c.Prerequisites) > 0 })
	if i < 0 {
		t.Fatal("no sample credential has prerequisites")
	}
	c := &g.Credentials[i]
	before, err := s.CredentialPrerequisites(ctx, []string{c.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(before[c.ID]) == 0 {
		t.Fatalf("%s has no prerequisites in the store", c.ID)
	}
	c.Prerequisites = [][]string{{"doctorate"}}
	if _, err := s.ImportGraph(ctx, g, nil); err != nil {
		t.Fatal(err)
	}
	after, err := s.CredentialPrerequisites(ctx, []string{c.ID})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, grp := range after[c.ID] {
		for _, x := range grp.Credentials {
			got = append(got, grp.Group+":"+x.ID)
		}
		for _, x := range grp.EducationLevels {
			got = append(got, grp.Group+":"+x.ID)
		}
	}
	if !slices.Equal(got, []string{"g1:doctorate"}) {
		t.Errorf("%s requires %v after the import, want [g1:doctorate]", c.ID, got)
	}
}
