package resolvers

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/pathway"
)

// TestProfileFromRecords asks for a plan with an Open Badges 3.0 credential
// as the profile: the CASE item its achievement aligns to counts as a held
// skill, so it is no longer a gap.
func TestProfileFromRecords(t *testing.T) {
	badge, err := os.ReadFile(filepath.Join(sharedData(t, "ctdl"), "ob3", "skillAssertionCase_0.json"))
	if err != nil {
		t.Fatal(err)
	}
	store := cyphertest.Empty(t)
	g := &cypher.Graph{
		Skills: []cypher.GraphSkill{{ID: "case:robot-programming", Name: "Robot Programming"}, {ID: "plc", Name: "PLC wiring"}},
		Roles: []cypher.GraphRole{{Role: pathway.Role{ID: "robotics-technician", Title: "Robotics Technician"}, Skills: []cypher.GraphRoleSkill{
			{Skill: "case:robot-programming", Level: 3, Required: true}, {Skill: "plc", Level: 2, Required: true}}}},
	}
	if err := store.WriteGraph(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, store)
	gaps := func(profile map[string]any) []string {
		var resp planResp
		c.MustPost(planQuery, &resp, client.Var("from", profile), client.Var("to", "robotics-technician"))
		var ids []string
		for _, g := range resp.UpskillingPath.Gaps {
			ids = append(ids, g.Skill.ID)
		}
		return ids
	}
	if got := gaps(map[string]any{"records": []string{string(badge)}}); len(got) != 1 || got[0] != "plc" {
		t.Errorf("gaps with the badge = %v, want only plc", got)
	}
	if got := gaps(map[string]any{"skills": []map[string]any{{"skillId": "plc", "level": 2}}}); len(got) != 1 || got[0] != "case:robot-programming" {
		t.Errorf("gaps without the badge = %v, want robot programming", got)
	}
	if code := errorCode(t, c, `{ upskillingPath(from: {records: ["not json"]}, to: "robotics-technician") { feasible } }`); code != CodeBadUserInput {
		t.Errorf("a record that is not JSON: code %q, want %s", code, CodeBadUserInput)
	}
}
