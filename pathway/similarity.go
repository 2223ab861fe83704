package pathway

import (
	"maps"
	"math"
	"slices"
	"sort"
)

// Requirement is one skill of a profile as the similarity sees it.
type Requirement struct {
	SkillID    string
	Level      int
	Importance float64 // 1-5; 0 means unknown and counts as 3
	Required   bool
	Tech       bool // a technology (software, a tool): its own signal in relatedness
	// Common is the skill's common level, 0 for none: at or below it a gap
	// is foundational (foundational.go).
	Common int
}

// weight is how much a skill counts in a profile: its importance, halved for
// preferred (teachable) skills, which matter less on day one.
func (r Requirement) weight() float64 {
	w := r.Importance
	if w <= 0 {
		w = 3
	}
	if !r.Required {
		w /= 2
	}
	return w
}

// Coverage is how much of target a person holding held meets, 0 to 1: each
// target skill counts by its weight, in proportion to the share of its level
// that is held (a skill held at level 2 of the 4 needed counts half).
func Coverage(held map[string]int, target []Requirement) float64 {
	var total, met float64
	for _, r := range target {
		w := r.weight()
		total += w
		need := r.Level
		if need < MinLevel {
			need = MinLevel
		}
		if h := held[r.SkillID]; h > 0 {
			met += w * min(1, float64(h)/float64(need))
		}
	}
	if total == 0 {
		return 0
	}
	return met / total
}

// Readiness is the share of a profile's required skills held at the level
// needed (Coverage), to four places: the skills map's readiness and a
// reachable role's overlap.
func Readiness(held map[string]int, profile []Requirement) float64 {
	return round4(Coverage(held, RequiredOnly(profile)))
}

// Relatedness is how alike two skills profiles are, 0 to 1: the cosine of
// their vectors of weight x level over skills (weight is the importance,
// halved for preferred skills). It rewards sharing what matters most at the
// levels it matters, and, unlike coverage, it does not let a role with a few
// generic skills at high levels look close to every small role, nor count a
// target's preferred skills, which nobody holds on paper, against every move.
// Measured on O*NET 29.3 it beats a plain cosine of importance x level over
// skills and knowledge (see cypher/imports/onet_test.go).
func Relatedness(a, b []Requirement) float64 {
	va, vb := vector(a), vector(b)
	var dot, na, nb float64
	for id, x := range va {
		na += x * x
		dot += x * vb[id]
	}
	for _, y := range vb {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// vector is a profile as weight x level by skill; a skill listed twice counts
// at its largest.
func vector(reqs []Requirement) map[string]float64 {
	v := make(map[string]float64, len(reqs))
	for _, r := range reqs {
		v[r.SkillID] = max(v[r.SkillID], r.weight()*float64(max(r.Level, MinLevel)))
	}
	return v
}

// Overlap is a derived overlap edge between two roles.
type Overlap struct {
	FromID, ToID string
	Score        float64
	Shared       int
}

// Overlap edges below MinOverlapScore are not stored, and each role keeps at
// most MaxOverlapsPerRole edges out: they are moves, not every pair.
const (
	MinOverlapScore    = 0.2
	MaxOverlapsPerRole = 25
)

// Overlaps derives the overlap edges between roles (Similar), each role
// keeping its MaxOverlapsPerRole best edges of at least MinOverlapScore, so
// the edge sets are one-way. Only pairs that share a skill, knowledge area or
// technology are scored. The result is sorted by from, then score
// descending, then to.
func Overlaps(roles map[string]RoleTraits, st *SimilarityStats) []Overlap {
	ids := slices.Sorted(maps.Keys(roles))
	vecs := make([]traitVectors, len(ids))
	postings := map[string][]int{} // skill -> the roles listing it
	for ri, id := range ids {
		vecs[ri] = st.vectors(roles[id])
		for _, r := range roles[id].Profile {
			if l := postings[r.SkillID]; len(l) == 0 || l[len(l)-1] != ri {
				postings[r.SkillID] = append(l, ri)
			}
		}
	}
	shared := make([]int, len(ids))
	var out []Overlap
	for a, id := range ids {
		var touched []int
		for _, r := range roles[id].Profile {
			for _, b := range postings[r.SkillID] {
				if b == a {
					continue
				}
				if shared[b] == 0 {
					touched = append(touched, b)
				}
				shared[b]++
			}
		}
		slices.Sort(touched)
		var edges []Overlap
		for _, b := range touched {
			if score := similar(roles[id], roles[ids[b]], vecs[a], vecs[b]); score >= MinOverlapScore {
				edges = append(edges, Overlap{FromID: id, ToID: ids[b], Score: round4(score), Shared: shared[b]})
			}
			shared[b] = 0
		}
		sort.Slice(edges, func(i, j int) bool {
			if edges[i].Score != edges[j].Score {
				return edges[i].Score > edges[j].Score
			}
			return edges[i].ToID < edges[j].ToID
		})
		out = append(out, edges[:min(len(edges), MaxOverlapsPerRole)]...)
	}
	return out
}

func round4(f float64) float64 {
	return float64(int64(f*10000+0.5)) / 10000
}

// SortOverlaps orders a role's edges as Overlaps does: the highest score
// first, ties by id.
func SortOverlaps(edges []Overlap) { sortEdges(edges) }

func sortEdges(edges []Overlap) {
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].Score != edges[j].Score {
			return edges[i].Score > edges[j].Score
		}
		return edges[i].ToID < edges[j].ToID
	})
}

// UpdateOverlaps updates a role's stored edges for the roles that changed:
// moved holds each changed role's new edge from it (absent: no edge now,
// the two share no skill or score too low). It returns the new list, or
// full = true when the list cannot be known without scoring the role again:
// a role in it fell (its score dropped or it left), and the next best
// outside the stored top is not known.
func UpdateOverlaps(list []Overlap, changed []string, moved map[string]Overlap) (out []Overlap, full bool) {
	kept := make([]Overlap, 0, len(list)+len(changed))
	for _, e := range list {
		if !slices.Contains(changed, e.ToID) {
			kept = append(kept, e)
			continue
		}
		n, ok := moved[e.ToID]
		if !ok || n.Score < e.Score {
			if len(list) == MaxOverlapsPerRole {
				return nil, true
			}
			// The list held every edge: a fallen one is known exactly.
			if ok {
				kept = append(kept, n)
			}
			continue
		}
		kept = append(kept, n)
	}
	for _, id := range changed {
		if n, ok := moved[id]; ok && !slices.ContainsFunc(list, func(e Overlap) bool { return e.ToID == id }) {
			kept = append(kept, n)
		}
	}
	sortEdges(kept)
	return kept[:min(len(kept), MaxOverlapsPerRole)], false
}
