// Package synth builds synthetic graphs with the shape of a real one, for
// measuring Lattice at sizes no release has: Scale clones a template (O*NET
// with CIP's programs) into regions, each a perturbed copy with its own
// skills and knowledge elements, its own programs and some technologies
// shared with the template. It holds rules only; the template is read and
// the result written by the caller (lattice sample -scale).
package synth

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// SharedTech is the chance that a cloned role's technology stays the
// template's own (one id across regions) instead of its region's copy:
// software such as spreadsheets is used everywhere, so regions are not
// islands, but most pairs across regions share nothing, as most O*NET pairs
// in different families share no technology.
const SharedTech = 0.05

// Prefix is the id prefix of region r's copies (r >= 1): x3-onet:29-1141.00.
// It keeps the source part of a skill id distinct per region ("x3-onet"), so
// each region's rated elements are its own dense set, as O*NET's are.
func Prefix(r int) string { return fmt.Sprintf("x%d-", r) }

// Options say how big a graph to build and from which seed.
type Options struct {
	// Scale is the size against the template: 10 is ten regions; a
	// fraction keeps that share of the last region's roles (0.05: a twentieth
	// of the template's roles, with all its skills and programs).
	Scale float64
	Seed  uint64
}

// Scale builds the synthetic graph from template. Region 0 is the template
// (the roles of a fraction only); regions 1 to n-1 are copies with every
// requirement's level and importance, every wage, vacancy count, interest
// score and program cost perturbed. Programs that name occupations
// (crosswalk codes) are tied to their region's roles of those codes instead,
// so that copies sharing a code do not share programs. Roles without wages
// or vacancies get them from their job zone, so orderings by wage and demand
// have data. The same template, scale and seed give the same graph.
func Scale(template *cypher.Graph, opt Options) (*cypher.Graph, error) {
	if opt.Scale <= 0 || opt.Scale > 100 {
		return nil, fmt.Errorf("scale %v is not between 0 and 100: %w", opt.Scale, pathway.ErrInvalid)
	}
	regions := int(math.Ceil(opt.Scale))
	out := &cypher.Graph{EducationLevels: slices.Clone(template.EducationLevels)}
	tech := map[string]bool{}
	for _, s := range template.Skills {
		tech[s.ID] = s.Type != nil && *s.Type == "SOFTWARE"
	}
	for r := range regions {
		share := min(1, opt.Scale-float64(r)) // the share of roles this region keeps
		g := region(template, r, share, tech, rand.New(rand.NewPCG(opt.Seed, uint64(r))))
		out.Skills = append(out.Skills, g.Skills...)
		out.Credentials = append(out.Credentials, g.Credentials...)
		out.Roles = append(out.Roles, g.Roles...)
		out.SkillRelations = append(out.SkillRelations, g.SkillRelations...)
		out.RoleRelations = append(out.RoleRelations, g.RoleRelations...)
		out.Crosswalks = append(out.Crosswalks, g.Crosswalks...)
	}
	return out, nil
}

// region is region r of the graph: the template's own ids for r = 0.
func region(t *cypher.Graph, r int, share float64, tech map[string]bool, rng *rand.Rand) *cypher.Graph {
	prefix := ""
	if r > 0 {
		prefix = Prefix(r)
	}
	id := func(s string) string { return prefix + s }
	g := &cypher.Graph{}
	for _, s := range t.Skills {
		s.ID = id(s.ID)
		if r > 0 {
			s.Name = fmt.Sprintf("%s (region %d)", s.Name, r)
		}
		g.Skills = append(g.Skills, s)
	}
	kept := map[string]bool{}       // role ids of the template this region keeps
	byCode := map[string][]string{} // occupation code -> the region's role ids
	for _, tr := range t.Roles {
		if share < 1 && keep(tr.ID, r) >= share {
			continue
		}
		kept[tr.ID] = true
		role := tr
		role.ID = id(tr.ID)
		role.Skills = nil
		role.Credentials = nil
		for _, c := range tr.Credentials {
			role.Credentials = append(role.Credentials, id(c))
		}
		for _, rs := range tr.Skills {
			if r > 0 {
				if rng.Float64() < 0.05 {
					continue // a requirement this copy lacks
				}
				if !tech[rs.Skill] || rng.Float64() >= SharedTech {
					rs.Skill = id(rs.Skill)
				}
				rs.Level = max(pathway.MinLevel, min(pathway.MaxLevel, rs.Level+jitter(rng)))
				if rs.Importance != nil {
					imp := max(1, min(5, round2(*rs.Importance*(0.85+0.3*rng.Float64()))))
					rs.Importance = &imp
				}
			}
			role.Skills = append(role.Skills, rs)
		}
		if r > 0 {
			role.Title = fmt.Sprintf("%s (region %d)", tr.Title, r)
			role.Interests = nil
			for _, x := range tr.Interests {
				role.Interests = append(role.Interests, max(1, min(7, round2(x+0.6*rng.Float64()-0.3))))
			}
		}
		wages(&role, rng)
		g.Roles = append(g.Roles, role)
		if role.OccupationCode != nil {
			byCode[*role.OccupationCode] = append(byCode[*role.OccupationCode], role.ID)
		}
	}
	for _, tc := range t.Credentials {
		c := tc
		c.ID = id(tc.ID)
		if r > 0 {
			c.Name = fmt.Sprintf("%s (region %d)", tc.Name, r)
			if c.Cost != nil {
				cost := math.Round(*c.Cost * (0.8 + 0.4*rng.Float64()))
				c.Cost = &cost
			}
		}
		c.Certifies = nil
		for _, cs := range tc.Certifies {
			cs.Skill = id(cs.Skill)
			c.Certifies = append(c.Certifies, cs)
		}
		c.PreparesFor = nil
		for _, p := range tc.PreparesFor {
			if kept[p] || !strings.Contains(p, ":") { // a sample role named by a template is not cloned
				c.PreparesFor = append(c.PreparesFor, id(p))
			}
		}
		// Tie the program to its region's roles of its occupations, as
		// connect_occupations would, but only within the region.
		for _, soc := range tc.Occupations {
			for code, ids := range byCode {
				if strings.HasPrefix(code, soc) {
					c.PreparesFor = append(c.PreparesFor, ids...)
				}
			}
		}
		slices.Sort(c.PreparesFor)
		c.PreparesFor = slices.Compact(c.PreparesFor)
		c.Occupations = nil
		c.Prerequisites = nil
		for _, group := range tc.Prerequisites {
			var ng []string
			for _, p := range group {
				ng = append(ng, cloneRef(p, prefix, t))
			}
			c.Prerequisites = append(c.Prerequisites, ng)
		}
		c.StacksInto = nil
		for _, st := range tc.StacksInto {
			st.Credential = cloneRef(st.Credential, prefix, t)
			c.StacksInto = append(c.StacksInto, st)
		}
		g.Credentials = append(g.Credentials, c)
	}
	for _, rel := range t.SkillRelations {
		rel.From, rel.To = id(rel.From), id(rel.To)
		g.SkillRelations = append(g.SkillRelations, rel)
	}
	for _, rel := range t.RoleRelations {
		if kept[rel.From] && kept[rel.To] {
			rel.From, rel.To = id(rel.From), id(rel.To)
			g.RoleRelations = append(g.RoleRelations, rel)
		}
	}
	if r == 0 {
		g.Crosswalks = slices.Clone(t.Crosswalks) // to other sources: only where both ends exist
	}
	return g
}

// cloneRef is the region's id of a credential the template names, or the
// id as it is for what is shared (an education level).
func cloneRef(ref, prefix string, t *cypher.Graph) string {
	if slices.ContainsFunc(t.EducationLevels, func(l cypher.GraphEducationLevel) bool { return l.ID == ref }) {
		return ref
	}
	return prefix + ref
}

// keep is a role's place in [0, 1) for region r, from its id: a region
// keeping a share of the roles keeps those below it, the same ones on every
// run.
func keep(id string, r int) float64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d/%s", r, id)
	return float64(h.Sum64()>>11) / (1 << 53)
}

// jitter moves a level by one either way, three times in ten.
func jitter(rng *rand.Rand) int {
	switch x := rng.Float64(); {
	case x < 0.15:
		return -1
	case x < 0.3:
		return 1
	}
	return 0
}

// wages perturbs a role's wages and vacancies, or gives a role without them
// figures from its job zone (medians rise with preparation, as BLS's do).
func wages(role *cypher.GraphRole, rng *rand.Rand) {
	f := 0.8 + 0.4*rng.Float64()
	if role.WageMedian == nil {
		zone := 2
		if role.JobZone != nil {
			zone = *role.JobZone
		}
		median := math.Round(float64(22000+14000*zone) * f)
		lo, hi := math.Round(median*0.62), math.Round(median*1.65)
		role.WageMin, role.WageMedian, role.WageMax = &lo, &median, &hi
	} else {
		scale := func(p *float64) *float64 {
			if p == nil {
				return nil
			}
			v := math.Round(*p * f)
			return &v
		}
		role.WageMin, role.WageMedian, role.WageMax = scale(role.WageMin), scale(role.WageMedian), scale(role.WageMax)
	}
	v := int(math.Round(float64(500+rng.IntN(20000)) * f))
	if role.Vacancies != nil {
		v = int(math.Round(float64(*role.Vacancies) * f))
	}
	role.Vacancies = &v
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
