package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rs/zerolog"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/resolvers"
)

// TestNormaliseShapes: the peer's answer (edge properties in connections, a
// credential reached twice through SAME_AS twins, its own order) and
// Lattice's answer to the same data normalise to one value.
func TestNormaliseShapes(t *testing.T) {
	const peer = `{"data":{"roles":[{"id":"r","title":"Nurse","skillsConnection":{"edges":[
		{"properties":{"level":3,"required":false},"node":{"id":"b","name":"B",
			"certifiedByConnection":{"edges":[]},"sameAs":[],"sameAsOf":[]}},
		{"properties":{"level":2,"required":true},"node":{"id":"a","name":"A",
			"certifiedByConnection":{"edges":[{"properties":{"level":2},"node":{"id":"c2","name":"C2"}}]},
			"sameAs":[{"certifiedByConnection":{"edges":[{"properties":{"level":4},"node":{"id":"c1","name":"C1"}}]}}],
			"sameAsOf":[{"certifiedByConnection":{"edges":[{"properties":{"level":1},"node":{"id":"c2","name":"C2"}}]}}]}}]}}]}}`
	const lattice = `{"data":{"role":{"id":"r","title":"Nurse","skills":[
		{"level":2,"required":true,"skill":{"id":"a","name":"A","certifiedBy":[
			{"level":4,"credential":{"id":"c1","name":"C1"}},{"level":2,"credential":{"id":"c2","name":"C2"}}]}},
		{"level":3,"required":false,"skill":{"id":"b","name":"B","certifiedBy":[]}}]}}}`
	var p peerAnswer
	var l latticeAnswer
	if err := json.Unmarshal([]byte(peer), &p); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(lattice), &l); err != nil {
		t.Fatal(err)
	}
	want := []role{{ID: "r", Title: "Nurse", Skills: []skill{
		{ID: "a", Name: "A", Level: 2, Required: true, CertifiedBy: []cert{{ID: "c1", Name: "C1", Level: 4}, {ID: "c2", Name: "C2", Level: 2}}},
		{ID: "b", Name: "B", Level: 3},
	}}}
	if diff := cmp.Diff(want, p.roles()); diff != "" {
		t.Errorf("peer (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, l.roles()); diff != "" {
		t.Errorf("lattice (-want +got):\n%s", diff)
	}
}

// TestFloorMatchesLattice runs every read on the sample graph, with one
// SAME_AS crosswalk added, through Lattice's real handler and through the
// floor's Cypher: verify must find them equal. A target that drops one
// credential must make verify fail with a diff.
func TestFloorMatchesLattice(t *testing.T) {
	store := cyphertest.Sample(t)
	ctx := context.Background()
	// A credential certifying accounting-principles now certifies the
	// nurse's medication-administration too, through the crosswalk.
	if _, err := store.CreateSkillRelation(ctx, "accounting-principles", "medication-administration", cypher.SameAs); err != nil {
		t.Fatal(err)
	}
	h, err := resolvers.NewHandler(resolvers.Config{Store: store, Log: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	lat := newGraphQL("lattice", srv.URL+"/graphql", false, 2)

	cfg := cyphertest.Config(t)
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(ctx)
	fl := &floor{driver: driver, database: cfg.Database}

	cursors, err := walkCursors(ctx, lat)
	if err != nil {
		t.Fatal(err)
	}
	if len(cursors) < 40 {
		t.Fatalf("walked %d roles; the sample graph has 50", len(cursors))
	}
	for i := range reads {
		r := &reads[i]
		t.Run(r.name, func(t *testing.T) {
			sets := []params{{id: "registered-nurse"}, {id: "it-support-specialist"}}
			if r.pageSize > 0 {
				// Pages of 7 cut the sample's roles mid-title-run; the last is short.
				r2 := *r
				r2.pageSize = 7
				r = &r2
				sets = nil
				for off := 0; off < len(cursors); off += r.pageSize {
					p := params{offset: off}
					if off > 0 {
						p.after = &cursors[off-1]
					}
					sets = append(sets, p)
				}
			}
			if _, err := verify(ctx, r, sets, len(sets), []target{lat, fl}); err != nil {
				t.Fatal(err)
			}
			if _, err := verify(ctx, r, sets, len(sets), []target{lat, dropOne{fl}}); err == nil || !strings.Contains(err.Error(), "answers differently") {
				t.Errorf("verify with a credential dropped: err = %v, want a difference", err)
			}
		})
	}

	t.Run("crosswalk", func(t *testing.T) {
		got, err := fl.fetch(ctx, &reads[1], params{id: "registered-nurse"})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(got[0].Skills, func(s skill) bool { return s.ID == "medication-administration" })
		if i < 0 || !slices.ContainsFunc(got[0].Skills[i].CertifiedBy, func(c cert) bool { return c.ID == "quickbooks-certified-user" }) {
			t.Errorf("medication-administration is not certified by quickbooks-certified-user through SAME_AS: %+v", got[0].Skills)
		}
	})
}

// dropOne is a target whose answers lose their last skill (the last
// credential of the last skill, where there are any).
type dropOne struct{ target }

func (d dropOne) fetch(ctx context.Context, r *read, p params) ([]role, error) {
	roles, err := d.target.fetch(ctx, r, p)
	if err != nil || len(roles) == 0 {
		return roles, err
	}
	last := &roles[len(roles)-1]
	if n := len(last.Skills); n > 0 {
		if c := last.Skills[n-1].CertifiedBy; len(c) > 0 {
			last.Skills[n-1].CertifiedBy = c[:len(c)-1]
		} else {
			last.Skills = last.Skills[:n-1]
		}
	}
	return roles, nil
}

// TestFloorStatementsPlan plans every floor statement with EXPLAIN on the
// real Neo4j: no errors, no performance notifications.
func TestFloorStatementsPlan(t *testing.T) {
	cyphertest.Empty(t)
	cfg := cyphertest.Config(t)
	ctx := context.Background()
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(ctx)
	entries, err := statements.ReadDir("queries")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".cypher")
		t.Run(name, func(t *testing.T) {
			res, err := neo4j.ExecuteQuery(ctx, driver, "EXPLAIN "+statement(name),
				map[string]any{"offset": 0, "limit": 10, "id": "x", "maxCerts": maxCerts}, neo4j.EagerResultTransformer,
				neo4j.ExecuteQueryWithDatabase(cfg.Database))
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range res.Summary.Notifications() {
				t.Errorf("%s: %s: %s", n.Code(), n.Title(), n.Description())
			}
		})
	}
}

func TestParseFlags(t *testing.T) {
	t.Setenv("LATTICE_TEST_NEO4J_URI", "bolt://127.0.0.1:1")
	for _, tc := range []struct {
		name string
		args []string
		ok   bool
	}{
		{"defaults", nil, true},
		{"some reads", []string{"-reads", "roles50,role1certs", "-round", "2s"}, true},
		{"unknown read", []string{"-reads", "roles51"}, false},
		{"no connections", []string{"-conns", "0"}, false},
		{"an argument", []string{"now"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseFlags(tc.args)
			if (err == nil) != tc.ok {
				t.Errorf("parseFlags(%q) = %v, want ok %v", tc.args, err, tc.ok)
			}
		})
	}
	t.Run("no test Neo4j", func(t *testing.T) {
		t.Setenv("LATTICE_TEST_NEO4J_URI", "")
		if _, err := parseFlags(nil); err == nil {
			t.Error("parseFlags without LATTICE_TEST_NEO4J_URI succeeded; it must never fall back to another database")
		}
	})
}

// TestNormaliseBoundsCerts: a skill with more certifiers than maxCerts keeps
// the first maxCerts in Lattice's certifiedBy order (level, then cost with an
// unknown one after every known one), as Lattice and the floor bound them in
// Cypher.
func TestNormaliseBoundsCerts(t *testing.T) {
	var certs []cert
	for i := 1; i <= maxCerts; i++ {
		cost := float64(i)
		certs = append(certs, cert{ID: fmt.Sprintf("c%03d", i), Name: "C", Level: 2, Cost: &cost})
	}
	free := 0.0
	certs = append(certs, cert{ID: "low", Name: "C", Level: 1, Cost: &free}, cert{ID: "unknown-cost", Name: "C", Level: 2})
	got := normalise([]role{{ID: "r", Skills: []skill{{ID: "s", CertifiedBy: certs}}}})[0].Skills[0].CertifiedBy
	var ids []string
	for _, c := range got {
		ids = append(ids, c.ID)
	}
	if len(ids) != maxCerts || slices.Contains(ids, "low") || slices.Contains(ids, "unknown-cost") || !slices.Contains(ids, fmt.Sprintf("c%03d", maxCerts)) {
		t.Errorf("normalise kept %d certs %v; want %d: every level-2 one of known cost, not the unknown one", len(ids), ids, maxCerts)
	}
}
