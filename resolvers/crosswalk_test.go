package resolvers

import (
	"context"
	"slices"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

// crosswalkKind is the report's name for the crosswalk edges.
const crosswalkKind = "crosswalk (skill, skill)"

// TestONETCrosswalk loads the sample graph and the full O*NET release in
// both orders and checks, through GraphQL, that the crosswalk's SAME_AS
// edges are there either way, that the sample's certifications close O*NET
// gaps in plans, and that the skills map counts a sample skill as held for
// its O*NET equivalents.
func TestONETCrosswalk(t *testing.T) {
	onet := onetGraph(t)
	want, err := cypher.ONETCrosswalk()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	report := func(rep cypher.Report) (cypher.KindReport, bool) {
		for _, k := range rep.Kinds {
			if k.Kind == crosswalkKind {
				return k, true
			}
		}
		return cypher.KindReport{}, false
	}

	t.Run("O*NET then the sample", func(t *testing.T) {
		store := cyphertest.Empty(t)
		rep, err := store.ImportGraph(ctx, onet, nil)
		if err != nil {
			t.Fatal(err)
		}
		if k, ok := report(rep); ok {
			t.Errorf("crosswalk edges written before the sample was loaded: %+v", k)
		}
		if loaded, err := store.LoadSample(ctx); err != nil || !loaded {
			t.Fatalf("LoadSample: %v, %v", loaded, err)
		}
		c := newClient(t, store)
		checkCrosswalk(t, c, want)

		// A certification of the sample in a plan toward an O*NET role: from
		// Help Desk Technician (technical support at 3, networking at 2),
		// CompTIA A+ brings technical support, hence Computers and
		// Electronics, to the 4 Information Security Analysts need, and a
		// Cisco or CompTIA networking certification brings networking,
		// hence Telecommunications, to the 4 Computer Network Support
		// Specialists need.
		for _, tc := range []struct {
			to, skill string
			creds     []string
		}{
			{"onet:15-1212.00", "onet:2.C.3.a", []string{"comptia-a-plus"}},
			{"onet:15-1231.00", "onet:2.C.9.a", []string{"ccna", "comptia-network-plus"}},
		} {
			t.Run("help desk to "+tc.to, func(t *testing.T) {
				var resp planResp
				c.MustPost(planQuery, &resp, client.Var("from", map[string]any{"roleId": "help-desk-technician"}),
					client.Var("to", tc.to), client.Var("options", map[string]any{"objective": "COST"}))
				p := resp.UpskillingPath
				found := false
				for _, s := range p.Steps {
					closes := slices.ContainsFunc(s.Closes, func(x struct{ ID string }) bool { return x.ID == tc.skill })
					found = found || closes && slices.Contains(tc.creds, s.Credential.ID)
				}
				if !p.Feasible || !found {
					t.Errorf("no step of %v closes %s: feasible %v, steps %+v", tc.creds, tc.skill, p.Feasible, p.Steps)
				}
				if slices.ContainsFunc(p.Uncovered, func(x struct{ ID string }) bool { return x.ID == tc.skill }) {
					t.Errorf("%s left uncovered: %v", tc.skill, p.Uncovered)
				}
			})
		}

		// The occupation rule: the same CompTIA A+ names computer support
		// occupations (15-1231, 15-1232), so it does not close the
		// Computers and Electronics gap (4) of Customs Brokers (13-1041.08),
		// a role of another major group that overlaps none of them.
		t.Run("help desk to customs brokers", func(t *testing.T) {
			var resp planResp
			c.MustPost(planQuery, &resp, client.Var("from", map[string]any{"roleId": "help-desk-technician"}),
				client.Var("to", "onet:13-1041.08"), client.Var("options", map[string]any{"objective": "COST"}))
			p := resp.UpskillingPath
			for _, s := range p.Steps {
				if slices.ContainsFunc(s.Closes, func(x struct{ ID string }) bool { return x.ID == "onet:2.C.3.a" }) {
					t.Errorf("%s closes Computers and Electronics for customs brokers", s.Credential.ID)
				}
			}
			if !slices.ContainsFunc(p.Uncovered, func(x struct{ ID string }) bool { return x.ID == "onet:2.C.3.a" }) {
				t.Errorf("Computers and Electronics is not left to learn on the job: uncovered %v", p.Uncovered)
			}
		})

		// The skills map counts IT Support Specialist's networking (3) as
		// Telecommunications and its customer service (3) as Service
		// Orientation, both needed at 3 by Network and Computer Systems
		// Administrators; without the crosswalk both are gaps.
		with := skillsMapGaps(t, c)
		for _, s := range []string{"onet:2.C.9.a", "onet:2.B.1.f"} {
			if slices.Contains(with, s) {
				t.Errorf("%s is a gap though IT Support Specialist holds its sample equivalent: %v", s, with)
			}
		}
		if !slices.Contains(with, "onet:2.C.3.a") {
			t.Errorf("Computers and Electronics (5 needed, technical support held at 4) is no gap: %v", with)
		}
		for _, x := range want {
			if err := store.DeleteSkillRelation(ctx, x.From, x.To, cypher.SameAs); err != nil {
				t.Fatal(err)
			}
		}
		without := skillsMapGaps(t, c)
		for _, s := range append(slices.Clone(with), "onet:2.C.9.a", "onet:2.B.1.f") {
			if !slices.Contains(without, s) {
				t.Errorf("without the crosswalk %s is no gap: %v", s, without)
			}
		}
		if len(without) != len(with)+2 {
			t.Errorf("%d gaps without the crosswalk, %d with it; want two more without", len(without), len(with))
		}
	})

	t.Run("the sample then O*NET", func(t *testing.T) {
		store := cyphertest.Sample(t)
		c := newClient(t, store)
		rep, err := store.ImportGraph(ctx, onet, nil)
		if err != nil {
			t.Fatal(err)
		}
		if k, _ := report(rep); k.Created != len(want) {
			t.Errorf("crosswalk on O*NET's import: %+v, want %d created", k, len(want))
		}
		checkCrosswalk(t, c, want)
	})
}

// checkCrosswalk reads every sample skill's sameAs through GraphQL and
// compares it with the crosswalk.
func checkCrosswalk(t *testing.T, c *client.Client, want []cypher.GraphCrosswalk) {
	t.Helper()
	var wantPairs, got []string
	from := map[string]bool{}
	for _, x := range want {
		wantPairs = append(wantPairs, x.From+" "+x.To)
		from[x.From] = true
	}
	for id := range from {
		var resp struct {
			Skill struct{ SameAs []struct{ ID string } }
		}
		c.MustPost(`query($id: ID!) { skill(id: $id) { sameAs { id } } }`, &resp, client.Var("id", id))
		for _, s := range resp.Skill.SameAs {
			got = append(got, id+" "+s.ID)
		}
	}
	slices.Sort(wantPairs)
	slices.Sort(got)
	if !slices.Equal(got, wantPairs) {
		t.Errorf("sameAs of the sample's skills:\n got %v\nwant %v", got, wantPairs)
	}
}

// skillsMapGaps is the skills map's gaps from IT Support Specialist to
// Network and Computer Systems Administrators.
func skillsMapGaps(t *testing.T, c *client.Client) []string {
	t.Helper()
	var resp struct {
		SkillsMap struct {
			Gaps []struct{ Skill struct{ ID string } }
		}
	}
	c.MustPost(`{ skillsMap(from: "it-support-specialist", to: "onet:15-1244.00") { gaps { skill { id } } } }`, &resp)
	var out []string
	for _, g := range resp.SkillsMap.Gaps {
		out = append(out, g.Skill.ID)
	}
	return out
}
