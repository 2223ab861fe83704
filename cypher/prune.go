package cypher

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/lattice-pathways/lattice/pathway"
)

// ImportOptions are what an import may do beyond creating and updating.
type ImportOptions struct {
	// Prune, when set, removes what the source no longer has.
	Prune *Prune
	// DryRun does the whole write, derived steps included, reports it, and
	// rolls it back: nothing is written.
	DryRun bool
}

// Prune makes an import of a whole release leave the graph a fresh load of
// that release would: in the import's transaction, after its writes, it
// deletes the roles, skills and credentials of Source that the graph does not
// have (DETACH DELETE, their edges with them), and the edges the import owns
// that it no longer has between the nodes it keeps (see ownedEdges). Nodes
// of other sources, of the sample graph (no source), and edges out of them
// are never touched.
type Prune struct {
	// Source is the import's source, as its nodes carry it (onet, esco, cip,
	// case:<framework>); every role, skill and credential of the graph must
	// carry it.
	Source string
	// MaxShare is the share (0 to 1) of Source's nodes, as the database held
	// them before the import, the prune may delete; more refuses the whole
	// import unless Force: a wrong or truncated input must not wipe a source.
	MaxShare float64
	Force    bool
}

// DefaultPruneShare is the share of a source's nodes a prune deletes without
// being forced: a new O*NET, ESCO or CIP release retires a few percent of
// its codes, not a tenth.
const DefaultPruneShare = 0.1

// errDryRun rolls a dry run's transaction back.
var errDryRun = errors.New("dry run: rolled back")

// ownedEdge is a kind of edge an import owns out of its source's nodes: the
// import gives those nodes' edges of the kind anew, so one it no longer has
// is stale. Kind names the merge step's kind, so the report lines up.
type ownedEdge struct {
	kind, from, typ string
	to              []string
	// sameSource owns only edges into the source's own nodes: a role's
	// skills, a skill's hierarchy. Edges a user added from them to another
	// source's nodes stay. A role's one education level (levels have no
	// source) and credentials' edges are owned whatever their end: a CIP
	// program certifies O*NET skills.
	sameSource bool
	// keys gives the kind's edges in g, start id to end ids.
	keys func(g *Graph) map[string][]string
}

// ownedEdges are the kinds of edge an import owns. PREPARES_FOR edges that
// connect_occupations derives (via 'occupation') are not among them: it
// removes its stale ones itself.
var ownedEdges = []ownedEdge{
	{"role skill (role, skill)", "Role", "REQUIRES", []string{"Skill"}, true, func(g *Graph) map[string][]string {
		return roleEdges(g, func(r GraphRole) []string {
			var to []string
			for _, rs := range r.Skills {
				to = append(to, rs.Skill)
			}
			return to
		})
	}},
	{"role credential (role, credential)", "Role", "REQUIRES", []string{"Credential"}, true, func(g *Graph) map[string][]string {
		return roleEdges(g, func(r GraphRole) []string { return r.Credentials })
	}},
	{"role education (role, level)", "Role", "REQUIRES", []string{"EducationLevel"}, false, func(g *Graph) map[string][]string {
		return roleEdges(g, func(r GraphRole) []string { return nonEmpty(r.Education) })
	}},
	{"role part of (role, broader role)", "Role", "PART_OF", []string{"Role"}, true, func(g *Graph) map[string][]string {
		m := map[string][]string{}
		for _, rel := range g.RoleRelations {
			m[rel.From] = append(m[rel.From], rel.To)
		}
		return m
	}},
	{"certification (credential, skill)", "Credential", "CERTIFIES", []string{"Skill"}, false, func(g *Graph) map[string][]string {
		return credentialEdges(g, func(c GraphCredential) []string {
			var to []string
			for _, cs := range c.Certifies {
				to = append(to, cs.Skill)
			}
			return to
		})
	}},
	{"conferral (credential, level)", "Credential", "CONFERS", []string{"EducationLevel"}, false, func(g *Graph) map[string][]string {
		return credentialEdges(g, func(c GraphCredential) []string { return nonEmpty(c.Confers) })
	}},
	{"prerequisite (credential, target)", "Credential", "REQUIRES", []string{"Credential", "EducationLevel"}, false, func(g *Graph) map[string][]string {
		return credentialEdges(g, func(c GraphCredential) []string { return slices.Concat(c.Prerequisites...) })
	}},
	{"stacking (from, to)", "Credential", "STACKS_INTO", []string{"Credential"}, false, func(g *Graph) map[string][]string {
		return credentialEdges(g, func(c GraphCredential) []string {
			var to []string
			for _, st := range c.StacksInto {
				to = append(to, st.Credential)
			}
			return to
		})
	}},
	{"preparation (credential, role)", "Credential", "PREPARES_FOR", []string{"Role"}, false, func(g *Graph) map[string][]string {
		return credentialEdges(g, func(c GraphCredential) []string { return c.PreparesFor })
	}},
	{"skill part of (skill, broader skill)", "Skill", "PART_OF", []string{"Skill"}, true, skillEdges(PartOf)},
	{"skill precedes (skill, later skill)", "Skill", "PRECEDES", []string{"Skill"}, true, skillEdges(Precedes)},
	// SAME_AS is stored one way and read both: the import keeps it either way.
	{"skill same as (skill, skill)", "Skill", "SAME_AS", []string{"Skill"}, true, func(g *Graph) map[string][]string {
		m := map[string][]string{}
		both := func(a, b string) { m[a], m[b] = append(m[a], b), append(m[b], a) }
		for _, rel := range g.SkillRelations {
			if rel.Kind == SameAs {
				both(rel.From, rel.To)
			}
		}
		for _, x := range g.Crosswalks {
			both(x.From, x.To)
		}
		return m
	}},
}

func roleEdges(g *Graph, to func(GraphRole) []string) map[string][]string {
	m := map[string][]string{}
	for _, r := range g.Roles {
		if t := to(r); len(t) > 0 {
			m[r.ID] = slices.Clone(t)
		}
	}
	return m
}

func credentialEdges(g *Graph, to func(GraphCredential) []string) map[string][]string {
	m := map[string][]string{}
	for _, c := range g.Credentials {
		if t := to(c); len(t) > 0 {
			m[c.ID] = slices.Clone(t)
		}
	}
	return m
}

func skillEdges(kind SkillRelation) func(g *Graph) map[string][]string {
	return func(g *Graph) map[string][]string {
		m := map[string][]string{}
		for _, rel := range g.SkillRelations {
			if rel.Kind == kind {
				m[rel.From] = append(m[rel.From], rel.To)
			}
		}
		return m
	}
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// check refuses a prune the graph cannot stand for: a node of g outside the
// source would escape the prune, and a bad share would make the guard
// meaningless.
func (p Prune) check(g *Graph) error {
	if p.Source == "" {
		return fmt.Errorf("prune: no source named: %w", pathway.ErrInvalid)
	}
	if p.MaxShare < 0 || p.MaxShare > 1 {
		return fmt.Errorf("prune: the share it may delete must be from 0 to 1, got %g: %w", p.MaxShare, pathway.ErrInvalid)
	}
	other := func(kind, id string, source *string) error {
		if source == nil || *source != p.Source {
			return fmt.Errorf("prune %s: %s %q is not of that source, so the import is not one release of it: %w", p.Source, kind, id, pathway.ErrInvalid)
		}
		return nil
	}
	for _, r := range g.Roles {
		if err := other("role", r.ID, r.Source); err != nil {
			return err
		}
	}
	for _, s := range g.Skills {
		if err := other("skill", s.ID, s.Source); err != nil {
			return err
		}
	}
	for _, c := range g.Credentials {
		if err := other("credential", c.ID, c.Source); err != nil {
			return err
		}
	}
	return nil
}

// sourceNodes counts the roles, skills and credentials of a source.
func (t tx) sourceNodes(ctx context.Context, source string) (int, error) {
	recs, err := t.run(ctx, "source_nodes", map[string]any{"source": source})
	if err != nil || len(recs) == 0 {
		return 0, err
	}
	return intOf(get(recs[0], "nodes")), nil
}

// prune deletes what the source no longer has (see Prune) and counts it into
// rep; before is the count of the source's nodes before the import. Past
// the share it may delete, it fails the transaction, so nothing is written.
func (t tx) prune(ctx context.Context, g *Graph, p Prune, before int, rep *Report) error {
	keep := map[string]any{"role": idSet(g.Roles, func(r GraphRole) string { return r.ID }),
		"skill":      idSet(g.Skills, func(s GraphSkill) string { return s.ID }),
		"credential": idSet(g.Credentials, func(c GraphCredential) string { return c.ID })}
	recs, err := t.run(ctx, "prune_nodes", map[string]any{"source": p.Source, "keep": keep})
	if err != nil {
		return err
	}
	rep.Pruned = true
	deleted := 0
	for _, rec := range recs {
		n := intOf(get(rec, "deleted"))
		deleted += n
		rep.kind(fmt.Sprint(get(rec, "kind"))).Deleted += n
	}
	if !p.Force && float64(deleted) > p.MaxShare*float64(before) {
		return fmt.Errorf("prune %s would delete %d of its %d roles, skills and credentials (%.0f%%), more than the %.0f%% allowed: is this the whole release? Force the prune to delete them anyway; nothing was written: %w",
			p.Source, deleted, before, 100*float64(deleted)/float64(before), 100*p.MaxShare, pathway.ErrInvalid)
	}
	var kinds []map[string]any
	for _, k := range ownedEdges {
		keys := map[string]any{}
		for from, to := range k.keys(g) {
			keys[from] = to
		}
		kinds = append(kinds, map[string]any{"kind": k.kind, "from": k.from, "type": k.typ, "to": k.to,
			"sameSource": k.sameSource, "keep": keys})
	}
	recs, err = t.run(ctx, "prune_edges", map[string]any{"source": p.Source, "kinds": kinds})
	if err != nil {
		return err
	}
	for _, rec := range recs {
		rep.kind(fmt.Sprint(get(rec, "kind"))).Deleted += intOf(get(rec, "deleted"))
	}
	return nil
}

// idSet is the ids of nodes as a Cypher map, for lookups by key.
func idSet[T any](nodes []T, id func(T) string) map[string]any {
	m := make(map[string]any, len(nodes))
	for _, n := range nodes {
		m[id(n)] = true
	}
	return m
}

// kind returns the report of a kind, added at the end if the write had none.
func (r *Report) kind(name string) *KindReport {
	for i := range r.Kinds {
		if r.Kinds[i].Kind == name {
			return &r.Kinds[i]
		}
	}
	r.Kinds = append(r.Kinds, KindReport{Kind: name})
	return &r.Kinds[len(r.Kinds)-1]
}

// Deleted sums what a pruning write deleted over every kind.
func (r Report) Deleted() int {
	n := 0
	for _, k := range r.Kinds {
		n += k.Deleted
	}
	return n
}
