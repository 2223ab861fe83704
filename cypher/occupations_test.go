package cypher_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/pathway"
)

// TestSetOccupationData sets BLS-like data by SOC code on sample roles made
// to stand for O*NET occupations (source onet): every such role of the
// occupation takes its row, an aggregate's row reaches only the roles no row
// of their own covers, hand-made roles (the bachelor's-route nurse, left as
// the sample's) keep their own figures, other properties stay as they were,
// and a second write reports every role unchanged.
func TestSetOccupationData(t *testing.T) {
	ctx := context.Background()
	s := cyphertest.Sample(t)
	g, err := cypher.Sample()
	if err != nil {
		t.Fatal(err)
	}
	asONET := &cypher.Graph{}
	for _, r := range g.Roles {
		switch r.ID {
		case "registered-nurse", "help-desk-technician", "it-support-specialist", "network-technician", "licensed-practical-nurse":
			r.Source = new(string)
			*r.Source = "onet"
			asONET.Roles = append(asONET.Roles, r)
		}
	}
	if err := s.WriteGraph(ctx, asONET); err != nil {
		t.Fatal(err)
	}
	num := func(v float64) *float64 { return &v }
	cnt := func(v int) *int { return &v }
	str := func(v string) *string { return &v }
	nurses := pathway.RoleFields{WageMin: num(66030), WageMedian: num(93600), WageMax: num(135320),
		Employment: cnt(3282010), Vacancies: cnt(189100), TurnoverRate: num(5), ProjectedGrowth: num(4.9),
		EntryEducation: str("Bachelor's degree"), EntryTraining: str("None")}
	// 15-123 stands for an aggregate of 15-1231 and 15-1232: the support
	// specialists (15-1232) have a row of their own, the network technician
	// (15-1231) takes the aggregate's.
	support := pathway.RoleFields{Vacancies: cnt(60000), TurnoverRate: num(10.5)}
	aggregate := pathway.RoleFields{Vacancies: cnt(1), TurnoverRate: num(1)}
	rows := []cypher.OccupationData{{SOC: "29-1141", Fields: nurses}, {SOC: "15-123", Fields: aggregate}, {SOC: "15-1232", Fields: support}}
	ids := []string{"registered-nurse", "registered-nurse-bsn", "help-desk-technician", "it-support-specialist", "network-technician", "licensed-practical-nurse"}
	before, err := s.RolesByIDs(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.SetOccupationData(ctx, rows, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Created: the network technician and IT support specialist had none of
	// the fields; updated: the nurse's wages and the help desk's vacancies.
	if want := (cypher.Report{Kinds: []cypher.KindReport{{Kind: "role (occupation data by SOC code)", Created: 2, Updated: 2}}}); !cmp.Equal(rep, want) {
		t.Errorf("report %+v, want %+v", rep, want)
	}
	after, err := s.RolesByIDs(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	set := func(r pathway.Role, f pathway.RoleFields) pathway.Role {
		for _, p := range []struct {
			dst **float64
			v   *float64
		}{{&r.WageMin, f.WageMin}, {&r.WageMedian, f.WageMedian}, {&r.WageMax, f.WageMax}, {&r.TurnoverRate, f.TurnoverRate}, {&r.ProjectedGrowth, f.ProjectedGrowth}} {
			if p.v != nil {
				*p.dst = p.v
			}
		}
		for _, p := range []struct {
			dst **int
			v   *int
		}{{&r.Vacancies, f.Vacancies}, {&r.Employment, f.Employment}} {
			if p.v != nil {
				*p.dst = p.v
			}
		}
		for _, p := range []struct {
			dst **string
			v   *string
		}{{&r.EntryEducation, f.EntryEducation}, {&r.EntryTraining, f.EntryTraining}} {
			if p.v != nil {
				*p.dst = p.v
			}
		}
		return r
	}
	for id, f := range map[string]*pathway.RoleFields{
		"registered-nurse": &nurses, "registered-nurse-bsn": nil, "help-desk-technician": &support,
		"it-support-specialist": &support, "network-technician": &aggregate, "licensed-practical-nurse": nil,
	} {
		want := before[id]
		if f != nil {
			want = set(want, *f)
		}
		if diff := cmp.Diff(want, after[id]); diff != "" {
			t.Errorf("%s (-want, +got):\n%s", id, diff)
		}
	}

	rep, err = s.SetOccupationData(ctx, rows, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c, u, un := rep.Totals(); c != 0 || u != 0 || un != 4 {
		t.Errorf("second write: created %d updated %d unchanged %d, want 4 unchanged", c, u, un)
	}
}

// TestSetOccupationDataRefuses checks every row with pathway's rules before
// writing anything.
func TestSetOccupationDataRefuses(t *testing.T) {
	ctx := context.Background()
	s := cyphertest.Sample(t)
	before, err := s.Fingerprint(ctx)
	if err != nil {
		t.Fatal(err)
	}
	num := func(v float64) *float64 { return &v }
	good := cypher.OccupationData{SOC: "29-1141", Fields: pathway.RoleFields{WageMedian: num(93600)}}
	for _, tc := range []struct {
		name string
		row  cypher.OccupationData
		want string
	}{
		{"median above maximum", cypher.OccupationData{SOC: "15-1232", Fields: pathway.RoleFields{WageMedian: num(90000), WageMax: num(80000)}},
			"occupation 15-1232: wageMedian (90000) must not be above wageMax (80000)"},
		{"turnover over 100 percent", cypher.OccupationData{SOC: "15-1232", Fields: pathway.RoleFields{TurnoverRate: num(140)}}, "turnoverRate"},
		{"not a SOC code", cypher.OccupationData{SOC: "15", Fields: pathway.RoleFields{TurnoverRate: num(10)}}, "not a SOC 2018 code"},
		{"a title", cypher.OccupationData{SOC: "15-1232", Fields: pathway.RoleFields{Title: new(string)}}, "neither a role's title"},
		{"a code twice", good, "occupation 29-1141 appears twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.SetOccupationData(ctx, []cypher.OccupationData{good, tc.row}, nil)
			if !errors.Is(err, pathway.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want ErrInvalid saying %q", err, tc.want)
			}
			after, err := s.Fingerprint(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if before != after {
				t.Errorf("a refused write changed the database")
			}
		})
	}
}
