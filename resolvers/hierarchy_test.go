package resolvers

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/cypher/imports"
)

// TestHierarchies imports ESCO's ICT subset and reads its occupation and
// skill hierarchies back through the API.
func TestHierarchies(t *testing.T) {
	imp, err := imports.Read("esco", filepath.Join(sharedData(t, "esco"), "subset_ict"))
	if err != nil {
		t.Fatal(err)
	}
	store := cyphertest.Empty(t)
	if _, err := store.ImportGraph(context.Background(), imp.Graph, nil); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, store)
	if len(imp.Graph.RoleRelations) == 0 || len(imp.Graph.SkillRelations) == 0 {
		t.Fatalf("the ICT subset gave %d role and %d skill hierarchy edges", len(imp.Graph.RoleRelations), len(imp.Graph.SkillRelations))
	}
	role, skill := imp.Graph.RoleRelations[0], imp.Graph.SkillRelations[0]
	var resp struct {
		Narrow struct {
			Broader []struct{ ID string }
		}
		Broad struct {
			Narrower []struct{ ID string }
		}
		Skill struct {
			Broader []struct{ ID string }
		}
	}
	c.MustPost(`query($narrow: ID!, $broad: ID!, $skill: ID!) {
		narrow: role(id: $narrow) { broader { id } }
		broad: role(id: $broad) { narrower { id } }
		skill(id: $skill) { broader { id } } }`, &resp,
		client.Var("narrow", role.From), client.Var("broad", role.To), client.Var("skill", skill.From))
	has := func(list []struct{ ID string }, id string) bool {
		for _, x := range list {
			if x.ID == id {
				return true
			}
		}
		return false
	}
	if !has(resp.Narrow.Broader, role.To) || !has(resp.Broad.Narrower, role.From) {
		t.Errorf("role hierarchy %s -> %s not read back: %+v", role.From, role.To, resp)
	}
	if !has(resp.Skill.Broader, skill.To) {
		t.Errorf("skill hierarchy %s -> %s not read back: %+v", skill.From, skill.To, resp.Skill)
	}
}
