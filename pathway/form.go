package pathway

import (
	"hash/fnv"
	"maps"
	"math"
	"slices"
	"strconv"
)

// Form is a role's relatedness vectors in a compact, ready-to-score shape,
// stored with the role so that a write scores the roles near the one it
// changed without reading their whole profiles and their skills'
// statistics: the dense part of the skills vector, which every role of a
// source carries, as one list of numbers in a fixed order. The rest of a
// role's vector (its other skills and its technologies) is what a write
// reads from the edges onto the changed role's skills, the only entries
// that a dot product with it can reach. A form holds only for the
// statistics it was built with (Stamp).
type Form struct {
	Sources  []string  // the sources whose dense skills the role is centered on, sorted
	Dense    []float64 // their dense skills' centered values, source by source, each's skills sorted by id
	Unlisted []int     // positions in Dense of the skills the role does not list (centering alone)
	NSkills  float64   // norm of the whole skills vector
	NTech    float64   // norm of the technologies vector
}

// Stamp names the statistics forms are built with: the dense skills (the
// layout of Form.Dense) and the role count (the rarity of technologies).
// A form stored with another stamp is stale. The skills' own counts are not
// in it: they change only with a full derivation, which rebuilds every
// form.
func (st *SimilarityStats) Stamp() int64 {
	h := fnv.New64a()
	h.Write([]byte(strconv.Itoa(st.Roles)))
	for _, id := range slices.Sorted(maps.Keys(st.Skill)) {
		if st.Skill[id].Dense {
			h.Write([]byte{0})
			h.Write([]byte(id))
		}
	}
	return int64(h.Sum64())
}

// Form builds a role's compact form with the statistics.
func (st *SimilarityStats) Form(t RoleTraits) Form {
	return st.form(t, st.vectors(t))
}

func (st *SimilarityStats) form(t RoleTraits, v traitVectors) Form {
	f := Form{NSkills: v.nSkills, NTech: v.nTech}
	listed := map[string]bool{}
	for _, r := range t.Profile {
		listed[r.SkillID] = true
	}
	sources := map[string]bool{}
	for id := range v.skills {
		sources[source(id)] = true
	}
	for _, src := range slices.Sorted(maps.Keys(sources)) {
		dense := st.denseOf(src)
		if len(dense) == 0 {
			continue
		}
		f.Sources = append(f.Sources, src)
		for _, id := range dense {
			if !listed[id] {
				f.Unlisted = append(f.Unlisted, len(f.Dense))
			}
			f.Dense = append(f.Dense, v.skills[id])
		}
	}
	return f
}

// Near is another role as a write scores moves to and from it: its stored
// form, its traits other than the profile, and in Profile only its
// requirements of the skills of the roles scored that are not dense (of
// any of them: those of other roles are skipped). Form.Dense may be left
// out (nil) when the role is centered on none of the scored roles'
// sources: the dense parts of the two never meet.
type Near struct {
	RoleTraits
	Form Form
}

// scored is a role whose whole traits are known, ready to score against
// Near roles.
type scored struct {
	id     string
	t      RoleTraits
	v      traitVectors
	f      Form
	offset map[string]int // source -> where its dense skills start in f.Dense
	dense  []int          // by position in f.Dense: how many of its requirements list that skill
	sparse map[string]int // its other skills: how many of its requirements list each
}

func (st *SimilarityStats) scored(id string, t RoleTraits) *scored {
	v := st.vectors(t)
	s := &scored{id: id, t: t, v: v, f: st.form(t, v), offset: map[string]int{}, sparse: map[string]int{}}
	s.dense = make([]int, len(s.f.Dense))
	at := map[string]int{}
	for _, src := range s.f.Sources {
		s.offset[src] = len(at)
		for _, id := range st.denseOf(src) {
			at[id] = len(at)
		}
	}
	for _, r := range t.Profile {
		if i, ok := at[r.SkillID]; ok {
			s.dense[i]++
		} else {
			s.sparse[r.SkillID]++
		}
	}
	return s
}

// SparseSkills lists the skills of roles that are not dense: the ones a
// write reads other roles' requirements of (Near.Profile).
func (st *SimilarityStats) SparseSkills(roles map[string]RoleTraits) []string {
	ids := map[string]bool{}
	for _, t := range roles {
		for _, r := range t.Profile {
			if !st.Skill[r.SkillID].Dense {
				ids[r.SkillID] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(ids))
}

// Sources lists the sources whose dense skills roles are centered on: the
// roles that may share a dense skill with them carry one of them.
func (st *SimilarityStats) Sources(roles map[string]RoleTraits) []string {
	srcs := map[string]bool{}
	for _, t := range roles {
		for _, src := range st.Form(t).Sources {
			srcs[src] = true
		}
	}
	return slices.Sorted(maps.Keys(srcs))
}

// pair is what a (scored, Near) pair shares: the dot products of their
// skills and technologies vectors, and how many of the scored role's
// requirements the near one lists (from) and the reverse (into).
type pair struct {
	dotSkills, dotTech float64
	from, into         int
}

func (st *SimilarityStats) pair(a *scored, b Near, bv sparseVector) pair {
	var p pair
	if len(b.Form.Dense) > 0 {
		at := 0
		for _, src := range b.Form.Sources {
			n := len(st.denseOf(src))
			if off, ok := a.offset[src]; ok && at+n <= len(b.Form.Dense) {
				for i, x := range b.Form.Dense[at : at+n] {
					p.dotSkills += a.f.Dense[off+i] * x
					if a.dense[off+i] > 0 {
						if _, unlisted := slices.BinarySearch(b.Form.Unlisted, at+i); !unlisted {
							p.from += a.dense[off+i]
							p.into++
						}
					}
				}
			}
			at += n
		}
	}
	if len(b.Profile) == 0 {
		return p
	}
	// b's requirements of a's other skills, valued as vectors does.
	bSkills, bTech := bv.skills, bv.tech
	for id, y := range bSkills {
		if a.sparse[id] > 0 {
			p.dotSkills += a.v.skills[id] * y
			p.from += a.sparse[id]
		}
	}
	for id, y := range bTech {
		if a.sparse[id] > 0 {
			p.dotTech += a.v.tech[id] * y
			p.from += a.sparse[id]
		}
	}
	for _, r := range b.Profile {
		if a.sparse[r.SkillID] > 0 {
			p.into++
		}
	}
	return p
}

// sparseVectors values requirements of skills that are not dense as vectors
// does: weight x level, technologies times their rarity.
func (st *SimilarityStats) sparseVectors(reqs []Requirement) (skills, tech map[string]float64) {
	skills, tech = profileVector(reqs, false), profileVector(reqs, true)
	for id, x := range tech {
		if df := st.Skill[id].DF; df > 0 && st.Roles > df {
			tech[id] = x * math.Log(float64(st.Roles)/float64(df))
		}
	}
	return skills, tech
}

// score is similar's for a pair whose dot products are known.
func score(a, b RoleTraits, p pair, na, nb, ta, tb float64) float64 {
	cos := func(dot, x, y float64) float64 {
		if x == 0 || y == 0 {
			return 0
		}
		return max(0, dot/(x*y))
	}
	return blend(a, b, cos(p.dotSkills, na, nb), ta > 0 && tb > 0, cos(p.dotTech, ta, tb))
}

// Neighbours are the roles near those a write scores (Near), ready to
// score moves to and from them.
type Neighbours struct {
	st     *SimilarityStats
	ids    []string // sorted
	near   []Near
	sparse []sparseVector
}

type sparseVector struct{ skills, tech map[string]float64 }

// Neighbours readies near (which must hold every role sharing a skill with
// the roles scored, in the shape Near describes) for scoring with the same
// statistics the forms were built with.
func (st *SimilarityStats) Neighbours(near map[string]Near) *Neighbours {
	n := &Neighbours{st: st, ids: slices.Sorted(maps.Keys(near))}
	n.near = make([]Near, len(n.ids))
	n.sparse = make([]sparseVector, len(n.ids))
	for i, id := range n.ids {
		n.near[i] = near[id]
		if len(near[id].Profile) > 0 {
			n.sparse[i].skills, n.sparse[i].tech = st.sparseVectors(near[id].Profile)
		}
	}
	return n
}

// pairs calls f with each neighbour but id, as scored against id (t its
// traits): the one loop of TopOverlaps and OverlapsInto, the two directions.
func (n *Neighbours) pairs(id string, t RoleTraits, f func(a *scored, bID string, b Near, p pair)) {
	a := n.st.scored(id, t)
	for i, bID := range n.ids {
		if bID != id {
			f(a, bID, n.near[i], n.st.pair(a, n.near[i], n.sparse[i]))
		}
	}
}

// TopOverlaps is id's overlap edges (t its traits) as Overlaps derives
// them, against the neighbours in their compact form.
func (n *Neighbours) TopOverlaps(id string, t RoleTraits) []Overlap {
	var edges []Overlap
	n.pairs(id, t, func(a *scored, bID string, b Near, p pair) {
		if p.from == 0 {
			return
		}
		s := score(t, b.RoleTraits, p, a.v.nSkills, b.Form.NSkills, a.v.nTech, b.Form.NTech)
		if s >= MinOverlapScore {
			edges = append(edges, Overlap{FromID: id, ToID: bID, Score: round4(s), Shared: p.from})
		}
	})
	sortEdges(edges)
	return edges[:min(len(edges), MaxOverlapsPerRole)]
}

// OverlapsInto is each neighbour's edge into id (t its traits), as
// TopOverlaps would score it against id alone: absent when the two share no
// skill or the score is below MinOverlapScore. A write uses it to move the
// changed role in the other roles' stored lists.
func (n *Neighbours) OverlapsInto(id string, t RoleTraits) map[string]Overlap {
	out := map[string]Overlap{}
	n.pairs(id, t, func(a *scored, bID string, b Near, p pair) {
		if p.into == 0 {
			return
		}
		s := score(b.RoleTraits, t, p, b.Form.NSkills, a.v.nSkills, b.Form.NTech, a.v.nTech)
		if s >= MinOverlapScore {
			out[bID] = Overlap{FromID: bID, ToID: id, Score: round4(s), Shared: p.into}
		}
	})
	return out
}
