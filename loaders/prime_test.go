package loaders

import (
	"context"
	"testing"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/cypher/cyphertest"
	"github.com/lattice-pathways/lattice/pathway"
)

// TestPrimeAnswersWithoutATrip: primed keys answer from memory, a primed
// miss (a role without an education level) included; others still fetch.
func TestPrimeAnswersWithoutATrip(t *testing.T) {
	store := cyphertest.Sample(t)
	ctx := With(context.Background(), New(store))
	bachelor := pathway.EducationLevel{ID: "bachelor", Name: "Bachelor's degree", Rank: 4}
	Prime(ctx, cypher.Nested{
		Skills:    map[string][]pathway.RoleSkill{"a": {}},
		Education: map[string]*pathway.EducationLevel{"a": nil, "b": &bachelor},
	})
	before := store.RoundTrips()
	if e, err := EducationForRole(ctx, "a"); err != nil || e != nil {
		t.Errorf("a primed miss: %v, %v; want nil, nil", e, err)
	}
	if e, err := EducationForRole(ctx, "b"); err != nil || e == nil || *e != bachelor {
		t.Errorf("a primed level: %v, %v; want %v", e, err, bachelor)
	}
	if s, err := SkillsForRole(ctx, "a"); err != nil || s == nil || len(s) != 0 {
		t.Errorf("primed empty skills: %v, %v; want an empty list", s, err)
	}
	if n := store.RoundTrips() - before; n != 0 {
		t.Errorf("primed keys cost %d round trips, want 0", n)
	}
	if e, err := EducationForRole(ctx, "network-administrator"); err != nil || e == nil {
		t.Errorf("a key not primed: %v, %v; want its level from the store", e, err)
	}
	if n := store.RoundTrips() - before; n != 1 {
		t.Errorf("a key not primed cost %d round trips, want 1", n)
	}
}
