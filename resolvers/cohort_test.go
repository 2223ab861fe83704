package resolvers

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/pathway"
)

// TestCohortSharesADeliveryCost builds a graph where a bootcamp is the
// cheapest choice for any one person, but its cohort delivery cost makes a
// per-person course cheaper for a small cohort, and the reverse for a large one.
func TestCohortSharesADeliveryCost(t *testing.T) {
	store := cyphertest.Empty(t)
	g := &cypher.Graph{
		EducationLevels: []cypher.GraphEducationLevel{{ID: "none", Name: "None", Rank: 0}},
		Skills:          []cypher.GraphSkill{{ID: "cloud", Name: "Cloud"}, {ID: "linux", Name: "Linux"}},
		Credentials: []cypher.GraphCredential{
			{ID: "bootcamp", Name: "Cloud Bootcamp", Kind: "PROGRAM", Cost: ptr(100.0), CohortCost: ptr(3000.0), Hours: ptr(80.0),
				Certifies: []cypher.GraphSkillLevel{{Skill: "cloud", Level: 3}, {Skill: "linux", Level: 3}}},
			{ID: "cloud-course", Name: "Cloud Course", Kind: "COURSE", Cost: ptr(400.0), Hours: ptr(60.0),
				Certifies: []cypher.GraphSkillLevel{{Skill: "cloud", Level: 3}}},
			{ID: "linux-course", Name: "Linux Course", Kind: "COURSE", Cost: ptr(300.0), Hours: ptr(40.0),
				Certifies: []cypher.GraphSkillLevel{{Skill: "linux", Level: 3}}},
		},
		Roles: []cypher.GraphRole{{Role: pathway.Role{ID: "cloud-engineer", Title: "Cloud Engineer"}, Skills: []cypher.GraphRoleSkill{
			{Skill: "cloud", Level: 3, Required: true}, {Skill: "linux", Level: 3, Required: true}}}},
	}
	if err := store.WriteGraph(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, store)

	var single planResp
	c.MustPost(planQuery, &single, client.Var("from", map[string]any{"skills": []map[string]any{{"skillId": "linux", "level": 1}}}),
		client.Var("to", "cloud-engineer"), client.Var("options", map[string]any{"objective": "COST"}))
	if ids := stepIDs(single); len(ids) != 1 || ids[0] != "bootcamp" {
		t.Fatalf("one person's cheapest plan = %v, want the bootcamp ($100 a head)", ids)
	}

	type cohortResp struct {
		CohortPlan struct {
			TotalCost float64
			Ready     int
			Optimal   bool
			Members   []struct {
				Index int
				Ready bool
				Plan  struct {
					Steps []struct{ Credential struct{ ID string } }
				}
			}
			Credentials []struct {
				Credential struct{ ID string }
				Takers     int
				CohortCost float64
			}
			PooledGap []struct {
				Skill   struct{ ID string }
				Members int
			}
		}
	}
	query := `query($members: [ProfileInput!]!, $options: CohortOptions) {
		cohortPlan(members: $members, to: "cloud-engineer", options: $options) {
		totalCost ready optimal members { index ready plan { steps { credential { id } } } }
		credentials { credential { id } takers cohortCost } pooledGap { skill { id } members } } }`
	member := map[string]any{"skills": []map[string]any{{"skillId": "linux", "level": 1}}}
	cohort := func(n int, options map[string]any) cohortResp {
		members := make([]map[string]any, n)
		for i := range members {
			members[i] = member
		}
		var resp cohortResp
		c.MustPost(query, &resp, client.Var("members", members), client.Var("options", options))
		return resp
	}

	t.Run("three people share the courses, not the bootcamp", func(t *testing.T) {
		p := cohort(3, nil).CohortPlan
		// Courses: 3 x 700 = 2100; bootcamp: 3000 + 3 x 100 = 3300.
		if p.TotalCost != 2100 || p.Ready != 3 || !p.Optimal {
			t.Errorf("total %v ready %d optimal %v, want 2100, 3, true", p.TotalCost, p.Ready, p.Optimal)
		}
		for _, cr := range p.Credentials {
			if cr.Credential.ID == "bootcamp" {
				t.Errorf("the cohort pays the bootcamp's delivery cost: %+v", p.Credentials)
			}
		}
		if len(p.PooledGap) != 2 || p.PooledGap[0].Members != 3 {
			t.Errorf("pooled gap = %+v, want cloud and linux lacked by all 3", p.PooledGap)
		}
	})
	t.Run("ten people share the bootcamp", func(t *testing.T) {
		p := cohort(10, nil).CohortPlan
		// Bootcamp: 3000 + 10 x 100 = 4000; courses: 10 x 700 = 7000.
		if p.TotalCost != 4000 || len(p.Credentials) != 1 || p.Credentials[0].Takers != 10 {
			t.Errorf("total %v credentials %+v, want the bootcamp for all ten at 4000", p.TotalCost, p.Credentials)
		}
	})
	t.Run("a budget makes as many ready as it can", func(t *testing.T) {
		p := cohort(3, map[string]any{"budget": 1500}).CohortPlan
		// 700 a head: two fit in 1500.
		if p.Ready != 2 || p.TotalCost > 1500 {
			t.Errorf("ready %d total %v, want 2 within 1500", p.Ready, p.TotalCost)
		}
		ready := 0
		for _, m := range p.Members {
			if m.Ready {
				ready++
			}
		}
		if ready != p.Ready {
			t.Errorf("%d members marked ready, ready = %d", ready, p.Ready)
		}
	})
}
