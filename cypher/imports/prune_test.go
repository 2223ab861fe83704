package imports

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/pathway"
)

// cloneGraph copies a graph through its JSON form, so a test can change the
// copy alone.
func cloneGraph(t *testing.T, g *cypher.Graph) *cypher.Graph {
	t.Helper()
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	var c cypher.Graph
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

// onetChanged is the O*NET test release as a next release might have it:
// one occupation retired, one technology gone (with every edge to it), and
// one requirement dropped from a kept occupation. It returns the ids of
// the role and skill gone, and the kept role and skill whose edge is gone.
func onetChanged(t *testing.T, g *cypher.Graph) (changed *cypher.Graph, role, skill, keptRole, keptSkill string) {
	c := cloneGraph(t, g)
	for i, r := range c.Roles {
		if len(r.Skills) > 0 && role == "" {
			role = r.ID
			c.Roles = slices.Delete(c.Roles, i, i+1)
			break
		}
	}
	for _, s := range c.Skills {
		if strings.HasPrefix(s.ID, "onet:tech:") {
			skill = s.ID
			break
		}
	}
	c.Skills = slices.DeleteFunc(c.Skills, func(s cypher.GraphSkill) bool { return s.ID == skill })
	c.Crosswalks = slices.DeleteFunc(c.Crosswalks, func(x cypher.GraphCrosswalk) bool { return x.To == skill || x.From == skill })
	for i := range c.Roles {
		c.Roles[i].Skills = slices.DeleteFunc(c.Roles[i].Skills, func(rs cypher.GraphRoleSkill) bool { return rs.Skill == skill })
	}
	for i := range c.Roles {
		if rs := c.Roles[i].Skills; len(rs) > 1 && keptRole == "" {
			keptRole, keptSkill = c.Roles[i].ID, rs[0].Skill
			c.Roles[i].Skills = rs[1:]
		}
	}
	if role == "" || skill == "" || keptRole == "" {
		t.Fatalf("the O*NET test release lacks what the test changes: role %q skill %q kept role %q", role, skill, keptRole)
	}
	return c, role, skill, keptRole, keptSkill
}

// TestImportPrune re-imports a changed O*NET release with pruning over the
// sample graph, a CASE framework and a user's edge: the graph ends up the
// one a fresh load of the changed release gives, other sources untouched;
// without pruning nothing is deleted; a prune past its share, a dry run
// and a graph of mixed sources write nothing.
func TestImportPrune(t *testing.T) {
	ctx := context.Background()
	old, err := ONET(filepath.Join("testdata", "onet", "txt"))
	if err != nil {
		t.Fatal(err)
	}
	if old.Source != "onet" || len(old.Partial) > 0 {
		t.Fatalf("O*NET test release: source %q, partial %v; want onet, whole", old.Source, old.Partial)
	}
	framework, err := CASE(filepath.Join("testdata", "case", "framework.json"))
	if err != nil {
		t.Fatal(err)
	}
	changed, goneRole, goneSkill, keptRole, keptSkill := onetChanged(t, old.Graph)
	// A user's edges through the API: from a sample role into O*NET, and
	// from a kept O*NET role to a sample skill. Neither is O*NET's to prune.
	userEdges := []cypher.RoleSkillFields{
		{RoleID: "help-desk-technician", SkillID: keptSkill, Level: 2},
		{RoleID: keptRole, SkillID: "communication", Level: 2},
	}

	// load writes the sample graph, the framework, a release and the user's
	// edges, in the order a deployment would.
	load := func(t *testing.T, release *cypher.Graph) *cypher.Store {
		s := cyphertest.Sample(t)
		for _, g := range []*cypher.Graph{framework.Graph, release} {
			if _, err := s.ImportGraph(ctx, g, nil); err != nil {
				t.Fatal(err)
			}
		}
		for _, e := range userEdges {
			if _, err := s.CreateRoleSkill(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		return s
	}
	// fingerprint derives the overlaps anew first: the user's edges updated
	// them incrementally, with statistics of the graph before it.
	fingerprint := func(t *testing.T, s *cypher.Store) cypher.Fingerprint {
		t.Helper()
		if _, err := s.ImportGraph(ctx, &cypher.Graph{}, nil); err != nil {
			t.Fatal(err)
		}
		fp, err := s.Fingerprint(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return fp
	}
	prune := func(share float64) cypher.ImportOptions {
		return cypher.ImportOptions{Prune: &cypher.Prune{Source: "onet", MaxShare: share}}
	}

	fresh := fingerprint(t, load(t, changed))
	s := load(t, old.Graph)
	before := fingerprint(t, s)
	if before == fresh {
		t.Fatal("the changed release loads the same graph as the old one: the test changes nothing")
	}

	t.Run("without prune nothing is deleted", func(t *testing.T) {
		if _, err := s.ImportGraph(ctx, changed, nil); err != nil {
			t.Fatal(err)
		}
		if got := fingerprint(t, s); got != before {
			t.Errorf("a plain import of the changed release changed the graph: %+v -> %+v", before, got)
		}
	})

	refused := []struct {
		name string
		g    *cypher.Graph
		opt  cypher.ImportOptions
	}{
		// 2 of the test release's few nodes are more than a tenth.
		{"more than the share", changed, prune(cypher.DefaultPruneShare)},
		{"a node of another source", &cypher.Graph{Skills: append(slices.Clone(changed.Skills), framework.Graph.Skills[0])}, prune(1)},
		{"no source", changed, cypher.ImportOptions{Prune: &cypher.Prune{MaxShare: 1}}},
	}
	for _, tc := range refused {
		t.Run("refuses "+tc.name, func(t *testing.T) {
			_, err := s.Import(ctx, tc.g, nil, tc.opt)
			if !errors.Is(err, pathway.ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			if got := fingerprint(t, s); got != before {
				t.Errorf("a refused prune changed the graph: %+v -> %+v", before, got)
			}
		})
	}

	deleted := func(rep cypher.Report) map[string]int {
		m := map[string]int{}
		for _, k := range rep.Kinds {
			if k.Deleted > 0 {
				m[k.Kind] = k.Deleted
			}
		}
		return m
	}
	// The role's and the technology's edges go with them; the one edge
	// between kept nodes is the prune's own.
	want := map[string]int{"role": 1, "skill": 1, "role skill (role, skill)": 1}

	t.Run("dry run", func(t *testing.T) {
		opt := prune(0.5)
		opt.DryRun = true
		rep, err := s.Import(ctx, changed, nil, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !rep.DryRun || !rep.Pruned {
			t.Errorf("report: dry run %v, pruned %v; want both", rep.DryRun, rep.Pruned)
		}
		if got := deleted(rep); !maps.Equal(got, want) {
			t.Errorf("would delete %v, want %v", got, want)
		}
		if got := fingerprint(t, s); got != before {
			t.Errorf("a dry run changed the graph: %+v -> %+v", before, got)
		}
	})

	t.Run("prune gives the fresh load", func(t *testing.T) {
		rep, err := s.Import(ctx, changed, nil, prune(0.5))
		if err != nil {
			t.Fatal(err)
		}
		if got := deleted(rep); !maps.Equal(got, want) {
			t.Errorf("deleted %v, want %v (%s, %s and %s's %s)", got, want, goneRole, goneSkill, keptRole, keptSkill)
		}
		if got := fingerprint(t, s); got != fresh {
			t.Errorf("after the prune %+v, a fresh load of the release %+v", got, fresh)
		}
	})

	t.Run("prune again deletes nothing", func(t *testing.T) {
		rep, err := s.Import(ctx, changed, nil, prune(0))
		if err != nil {
			t.Fatal(err)
		}
		if n := rep.Deleted(); n != 0 {
			t.Errorf("a second prune deleted %d (%v)", n, deleted(rep))
		}
		if got := fingerprint(t, s); got != fresh {
			t.Errorf("a second prune changed the graph: %+v -> %+v", fresh, got)
		}
	})
}
