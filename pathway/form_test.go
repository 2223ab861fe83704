package pathway

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomRoles makes roles of varied shapes: rated on a source's common
// skills (most of them, so they are dense) or not, with rare skills of
// other sources, technologies, or technologies alone, with and without
// interests, job zone, codes and industry.
func randomRoles(rng *rand.Rand, n int) map[string]RoleTraits {
	roles := map[string]RoleTraits{}
	req := func(id string, tech bool) Requirement {
		return Requirement{SkillID: id, Level: rng.IntN(7), Importance: float64(rng.IntN(6)),
			Required: rng.IntN(4) > 0, Tech: tech}
	}
	for i := range n {
		var t RoleTraits
		shape := rng.IntN(6)
		if shape < 3 { // rated on a source's common skills
			src := []string{"onet", "xonet"}[rng.IntN(2)]
			for k := range 8 {
				if rng.IntN(8) > 0 {
					t.Profile = append(t.Profile, req(fmt.Sprintf("%s:%d", src, k), false))
				}
			}
		}
		if shape != 4 { // rare skills: a source's, hand-made ones
			for range rng.IntN(4) {
				id := []string{"esco:", "", "onet:r"}[rng.IntN(3)] + fmt.Sprint(rng.IntN(12))
				if !slices.ContainsFunc(t.Profile, func(r Requirement) bool { return r.SkillID == id }) {
					t.Profile = append(t.Profile, req(id, false))
				}
			}
		}
		if shape >= 2 { // technologies (shape 4: technologies alone)
			for range rng.IntN(5) {
				id := fmt.Sprintf("tech:%d", rng.IntN(10))
				if !slices.ContainsFunc(t.Profile, func(r Requirement) bool { return r.SkillID == id }) {
					t.Profile = append(t.Profile, req(id, true))
				}
			}
		}
		if rng.IntN(2) == 0 {
			for range 6 {
				t.Interests = append(t.Interests, 1+6*rng.Float64())
			}
		}
		t.JobZone = rng.IntN(6)
		switch rng.IntN(4) {
		case 0:
			t.Code = fmt.Sprintf("%02d-%04d.00", 11+rng.IntN(3), rng.IntN(3)*10)
		case 1:
			t.Code = fmt.Sprint(2000 + rng.IntN(30))
		case 2:
			t.Industry = []string{"care", "code"}[rng.IntN(2)]
		}
		roles[fmt.Sprintf("r%03d", i)] = t
	}
	return roles
}

// nearOf is every role but those in skip as a write reads them when it
// scores the roles in scored: stored forms and the requirements of the
// scored roles' skills that are not dense, and the dense values only of
// roles centered on one of their sources.
func nearOf(st *SimilarityStats, roles map[string]RoleTraits, scored []string) map[string]Near {
	sub := map[string]RoleTraits{}
	for _, id := range scored {
		sub[id] = roles[id]
	}
	sparse, sources := st.SparseSkills(sub), st.Sources(sub)
	near := map[string]Near{}
	for id, t := range roles {
		n := Near{RoleTraits: t, Form: st.Form(t)}
		if !slices.ContainsFunc(n.Form.Sources, func(src string) bool { return slices.Contains(sources, src) }) {
			n.Form.Dense, n.Form.Unlisted = nil, nil // as the store reads them
		}
		n.Profile = nil
		for _, r := range t.Profile {
			if slices.Contains(sparse, r.SkillID) {
				n.Profile = append(n.Profile, r)
			}
		}
		near[id] = n
	}
	return near
}

func TestNeighboursScoreAsTopOverlaps(t *testing.T) {
	for seed := range 20 {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(seed), 7))
			roles := randomRoles(rng, 60)
			st := NewSimilarityStats(roles)
			if !st.Skill["onet:0"].Dense && !st.Skill["xonet:0"].Dense {
				t.Fatalf("no dense skills: the test would not exercise the dense forms")
			}
			ids := slices.Sorted(maps.Keys(roles))
			for _, id := range ids {
				// Two scored at once: each reads the other's sparse requirements too.
				scored := []string{id, ids[rng.IntN(len(ids))]}
				near := st.Neighbours(nearOf(st, roles, scored))
				want := topOverlaps(id, roles, ids, st)
				if got := near.TopOverlaps(id, roles[id]); !slices.Equal(got, want) {
					t.Fatalf("%s: Neighbours.TopOverlaps\n got %v\nwant %v", id, got, want)
				}
				into := near.OverlapsInto(id, roles[id])
				for _, x := range ids {
					want := topOverlaps(x, roles, []string{id}, st)
					got, ok := into[x]
					if len(want) != btoi(ok) || ok && got != want[0] {
						t.Fatalf("%s -> %s: OverlapsInto %v (%v), TopOverlaps %v", x, id, got, ok, want)
					}
				}
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestStampNamesTheLayout(t *testing.T) {
	roles := randomRoles(rand.New(rand.NewPCG(1, 2)), 40)
	st := NewSimilarityStats(roles)
	if st.Stamp() != NewSimilarityStats(roles).Stamp() {
		t.Fatalf("the same statistics stamp differently")
	}
	more := maps.Clone(roles)
	more["zzz"] = RoleTraits{Profile: []Requirement{{SkillID: "tech:1", Tech: true}}}
	if st.Stamp() == NewSimilarityStats(more).Stamp() {
		t.Fatalf("one more role (a new rarity for technologies) keeps the stamp")
	}
}

// topOverlaps is one role's overlap edges, as Overlaps derives them, against
// the candidates given (they must include every role sharing a skill with
// it; others are skipped), pair by pair from the whole profiles: the oracle
// of the compact forms' scoring (Neighbours), which writes use.
func topOverlaps(id string, roles map[string]RoleTraits, candidates []string, st *SimilarityStats) []Overlap {
	a := roles[id]
	va := st.vectors(a)
	var edges []Overlap
	for _, b := range slices.Sorted(slices.Values(candidates)) {
		if b == id {
			continue
		}
		e, ok := overlapOf(id, b, a, roles[b], va, st.vectors(roles[b]))
		if ok {
			edges = append(edges, e)
		}
	}
	sortEdges(edges)
	return edges[:min(len(edges), MaxOverlapsPerRole)]
}

// overlapOf scores the move a -> b as Overlaps does; ok is false when they
// share no skill or the score is below MinOverlapScore.
func overlapOf(aID, bID string, a, b RoleTraits, va, vb traitVectors) (Overlap, bool) {
	listed := map[string]bool{}
	for _, r := range b.Profile {
		listed[r.SkillID] = true
	}
	shared := 0
	for _, r := range a.Profile {
		if listed[r.SkillID] {
			shared++
		}
	}
	if shared == 0 {
		return Overlap{}, false
	}
	score := similar(a, b, va, vb)
	if score < MinOverlapScore {
		return Overlap{}, false
	}
	return Overlap{FromID: aID, ToID: bID, Score: round4(score), Shared: shared}, true
}
