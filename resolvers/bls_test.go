package resolvers

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/cypher/imports"
)

// TestBLSDemand imports the full O*NET release, then BLS's wages and
// projections, and reads them through GraphQL: registered nurses' OEWS
// median and openings, and recredentialing ranking O*NET roles on real
// vacancies and turnover. Without the sample graph: its roles carry the
// workshop's advancement potential and level moves, which outrank any
// O*NET role on career pathways.
func TestBLSDemand(t *testing.T) {
	bls := sharedData(t, "bls")
	store := cyphertest.Empty(t)
	c := newClient(t, store)
	ctx := context.Background()
	importONET(t, store)
	start := time.Now()
	data, err := imports.BLS(bls)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := store.SetOccupationData(ctx, data.Occupations, nil)
	if err != nil {
		t.Fatal(err)
	}
	created, updated, _ := rep.Totals()
	t.Logf("BLS: %d occupations onto %d roles (%d had none of the data) in %s", len(data.Occupations), created+updated, created,
		time.Since(start).Round(time.Millisecond))

	t.Run("registered nurses", func(t *testing.T) {
		var resp struct {
			Role struct {
				Wage            struct{ Min, Median, Max float64 }
				Vacancies       int
				TurnoverRate    float64
				Employment      int
				ProjectedGrowth float64
				EntryEducation  string
				Education       *struct{ ID string }
			}
		}
		c.MustPost(`{ role(id: "onet:29-1141.00") { wage { min median max } vacancies turnoverRate employment projectedGrowth entryEducation education { id } } }`, &resp)
		r := resp.Role
		if r.Wage.Median != 93600 || r.Wage.Min != 66030 || r.Wage.Max != 135320 {
			t.Errorf("wage %+v, want OEWS May 2024's 66030, 93600, 135320", r.Wage)
		}
		if r.Vacancies != 189100 || r.TurnoverRate != 5 || r.Employment != 3282010 || r.ProjectedGrowth != 4.9 {
			t.Errorf("vacancies %d, turnover %v, employment %d, growth %v; want 189100, 5, 3282010, 4.9",
				r.Vacancies, r.TurnoverRate, r.Employment, r.ProjectedGrowth)
		}
		// BLS's typical entry education is recorded beside O*NET's requirement, which stays.
		if r.EntryEducation != "Bachelor's degree" || r.Education == nil {
			t.Errorf("entryEducation %q, education %+v; want BLS's words beside O*NET's requirement", r.EntryEducation, r.Education)
		}
	})

	t.Run("recredentialing ranks O*NET roles on real demand", func(t *testing.T) {
		var resp struct {
			RecredentialingCandidates []struct {
				Role struct {
					ID           string
					Vacancies    *int
					TurnoverRate *float64
				}
				Score    float64
				Criteria struct{ HiringInflux, RetentionChallenge float64 }
			}
		}
		c.MustPost(`{ recredentialingCandidates(first: 10) { role { id vacancies turnoverRate } score criteria { hiringInflux retentionChallenge } } }`, &resp)
		got := resp.RecredentialingCandidates
		if len(got) != 10 {
			t.Fatalf("got %d candidates, want 10", len(got))
		}
		onetRoles := 0
		for i, cand := range got {
			if strings.HasPrefix(cand.Role.ID, "onet:") {
				onetRoles++
				if cand.Role.Vacancies == nil || cand.Role.TurnoverRate == nil || cand.Criteria.HiringInflux == 0 || cand.Criteria.RetentionChallenge == 0 {
					t.Errorf("%s ranked without its vacancies (%v) or turnover (%v): %+v", cand.Role.ID, cand.Role.Vacancies, cand.Role.TurnoverRate, cand.Criteria)
				}
			}
			if i > 0 && cand.Score > got[i-1].Score {
				t.Errorf("not best first: %s (%v) after %v", cand.Role.ID, cand.Score, got[i-1].Score)
			}
		}
		if onetRoles != 10 {
			t.Errorf("%d O*NET roles among the ten ripest, want 10", onetRoles)
		}
		for _, cand := range got {
			t.Logf("%s: score %v, %d openings a year, %v%% separations", cand.Role.ID, cand.Score, deref(cand.Role.Vacancies), deref(cand.Role.TurnoverRate))
		}
	})
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
