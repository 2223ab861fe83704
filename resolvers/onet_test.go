package resolvers

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/client"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/cypher/imports"
)

// sharedData is a folder of ../shared/data (cyphertest.SharedData).
func sharedData(t testing.TB, sub string) string { return cyphertest.SharedData(t, sub) }

// TestONETPathways imports the full O*NET release beside the sample graph and
// asks the career questions of O*NET occupations through GraphQL.
func TestONETPathways(t *testing.T) {
	dir := sharedData(t, "onet")
	c, store := sampleClient(t)
	start := time.Now()
	imp, err := imports.ONET(dir)
	if err != nil {
		t.Fatal(err)
	}
	read := time.Since(start)
	rep, err := store.ImportGraph(context.Background(), imp.Graph, nil)
	if err != nil {
		t.Fatal(err)
	}
	created, _, _ := rep.Totals()
	t.Logf("O*NET: read %s, wrote %d nodes and edges in %s", read.Round(time.Millisecond), created, (time.Since(start) - read).Round(time.Millisecond))

	reach := func(t *testing.T, from string) []string {
		var resp struct {
			ReachableRoles []struct{ Role struct{ ID, Title string } }
		}
		c.MustPost(`query($id: ID!) { reachableRoles(from: {roleId: $id}, first: 10) { role { id title } } }`, &resp, client.Var("id", from))
		var ids []string
		for _, r := range resp.ReachableRoles {
			ids = append(ids, r.Role.ID)
		}
		t.Logf("from %s: %v", from, ids)
		return ids
	}
	t.Run("registered nurses move to health care roles", func(t *testing.T) {
		ids := reach(t, "onet:29-1141.00")
		var lpn bool
		for _, id := range ids {
			lpn = lpn || id == "onet:29-2061.00"
			if strings.HasPrefix(id, "onet:51-") {
				t.Errorf("a manufacturing role among a nurse's nearest moves: %s", id)
			}
			if !strings.HasPrefix(id, "onet:") {
				t.Errorf("the O*NET graph merged into another source: %s", id)
			}
		}
		if !lpn {
			t.Errorf("Licensed Practical and Licensed Vocational Nurses not among a registered nurse's ten nearest moves: %v", ids)
		}
	})
	t.Run("network administrators reach architects or security analysts", func(t *testing.T) {
		ids := reach(t, "onet:15-1244.00")
		found := false
		for _, id := range ids {
			found = found || id == "onet:15-1241.00" || id == "onet:15-1212.00"
		}
		if !found {
			t.Errorf("neither Computer Network Architects nor Information Security Analysts among the ten nearest moves: %v", ids)
		}
	})
	t.Run("a plan into an O*NET occupation", func(t *testing.T) {
		var resp planResp
		c.MustPost(planQuery, &resp, client.Var("from", map[string]any{"roleId": "onet:29-2061.00"}), client.Var("to", "onet:29-1141.00"))
		p := resp.UpskillingPath
		if len(p.Gaps) == 0 {
			t.Error("an LPN has no gap to a registered nurse")
		}
		// O*NET has no credentials: the skills are learnt on the job, so they
		// are uncovered, not blocking.
		if len(p.Uncovered) == 0 && len(p.Steps) == 0 {
			t.Errorf("plan = %+v", p)
		}
	})
}
