package pathway

import "sort"

// Requirement is one skill of a profile as the similarity sees it.
type Requirement struct {
	SkillID    string
	Level      int
	Importance float64 // 1-5; 0 means unknown and counts as 3
	Required   bool
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

// Readiness weighs Coverage of what the target needs (how far a person is
// from doing the job) against how much of what the person brings the target
// uses (how related the jobs are), 3 to 1. Coverage alone would rank every
// small profile close to everything; the reverse term keeps a move to a role
// that uses little of what a person knows from ranking as a close move.
func Readiness(fromHeld map[string]int, from []Requirement, to []Requirement) float64 {
	toHeld := make(map[string]int, len(to))
	for _, r := range to {
		toHeld[r.SkillID] = r.Level
	}
	return 0.75*Coverage(fromHeld, to) + 0.25*Coverage(toHeld, from)
}

// HeldByRole is what a person in a role holds: its required skills at their
// levels (DESIGN: a profile naming a role holds its required skills).
func HeldByRole(reqs []Requirement) map[string]int {
	held := make(map[string]int, len(reqs))
	for _, r := range reqs {
		if r.Required && r.Level > held[r.SkillID] {
			held[r.SkillID] = r.Level
		}
	}
	return held
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

// Overlaps derives the overlap edges between roles from their skills
// profiles. The score of A -> B is Readiness of a person in A for B. The
// result is sorted by from, then score descending, then to.
func Overlaps(profiles map[string][]Requirement) []Overlap {
	ids := make([]string, 0, len(profiles))
	for id := range profiles {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	// An inverted index keeps this to pairs that share a skill.
	bySkill := map[string][]string{}
	for _, id := range ids {
		for _, r := range profiles[id] {
			bySkill[r.SkillID] = append(bySkill[r.SkillID], id)
		}
	}
	var out []Overlap
	for _, a := range ids {
		held := HeldByRole(profiles[a])
		shared := map[string]int{}
		for _, r := range profiles[a] {
			for _, b := range bySkill[r.SkillID] {
				if b != a {
					shared[b]++
				}
			}
		}
		var edges []Overlap
		for b, n := range shared {
			score := Readiness(held, profiles[a], profiles[b])
			if score >= MinOverlapScore {
				edges = append(edges, Overlap{FromID: a, ToID: b, Score: round4(score), Shared: n})
			}
		}
		sort.Slice(edges, func(i, j int) bool {
			if edges[i].Score != edges[j].Score {
				return edges[i].Score > edges[j].Score
			}
			return edges[i].ToID < edges[j].ToID
		})
		if len(edges) > MaxOverlapsPerRole {
			edges = edges[:MaxOverlapsPerRole]
		}
		out = append(out, edges...)
	}
	return out
}

func round4(f float64) float64 {
	return float64(int64(f*10000+0.5)) / 10000
}
