package cypher_test

import (
	"context"
	"errors"
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
