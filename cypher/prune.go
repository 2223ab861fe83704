package cypher

import (
	"context"
	"errors"
	"fmt"

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
// is stale. Kind names the write step (Graph.rows) whose rows are the
// edges, so the report lines up and the edges kept are the ones written.
type ownedEdge struct {
	kind, from, typ string
	to              []string
	// sameSource owns only edges into the source's own nodes: a role's
	// skills, a skill's hierarchy. Edges a user added from them to another
	// source's nodes stay. A role's one education level (levels have no
	// source) and credentials' edges are owned whatever their end: a CIP
	// program certifies O*NET skills.
	sameSource bool
	// also names further steps whose rows are edges of the kind, and both
	// says the edges are kept either way: SAME_AS, stored one way and read
	// both, comes from skill relations and crosswalks.
	also []string
	both bool
}

// ownedEdges are the kinds of edge an import owns. PREPARES_FOR edges that
// connect_occupations derives (via 'occupation') are not among them: it
// removes its stale ones itself.
var ownedEdges = []ownedEdge{
	{kind: "role skill (role, skill)", from: "Role", typ: "REQUIRES", to: []string{"Skill"}, sameSource: true},
	{kind: "role credential (role, credential)", from: "Role", typ: "REQUIRES", to: []string{"Credential"}, sameSource: true},
	{kind: "role education (role, level)", from: "Role", typ: "REQUIRES", to: []string{"EducationLevel"}},
	{kind: "role part of (role, broader role)", from: "Role", typ: "PART_OF", to: []string{"Role"}, sameSource: true},
	{kind: "certification (credential, skill)", from: "Credential", typ: "CERTIFIES", to: []string{"Skill"}},
	{kind: "conferral (credential, level)", from: "Credential", typ: "CONFERS", to: []string{"EducationLevel"}},
	{kind: "prerequisite (credential, target)", from: "Credential", typ: "REQUIRES", to: []string{"Credential", "EducationLevel"}},
	{kind: "stacking (from, to)", from: "Credential", typ: "STACKS_INTO", to: []string{"Credential"}},
	{kind: "preparation (credential, role)", from: "Credential", typ: "PREPARES_FOR", to: []string{"Role"}},
	{kind: "skill part of (skill, broader skill)", from: "Skill", typ: "PART_OF", to: []string{"Skill"}, sameSource: true},
	{kind: "skill precedes (skill, later skill)", from: "Skill", typ: "PRECEDES", to: []string{"Skill"}, sameSource: true},
	{kind: "skill same as (skill, skill)", from: "Skill", typ: "SAME_AS", to: []string{"Skill"}, sameSource: true,
		also: []string{"crosswalk (skill, skill)"}, both: true},
}

// kept is the kind's edges among the rows written (by step kind), as a
// Cypher map from start id to end ids.
func (k ownedEdge) kept(written map[string][]map[string]any) map[string]any {
	ends := map[string][]string{}
	for _, kind := range append([]string{k.kind}, k.also...) {
		for _, row := range written[kind] {
			from, to := row["from"].(string), row["to"].(string)
			ends[from] = append(ends[from], to)
			if k.both {
				ends[to] = append(ends[to], from)
			}
		}
	}
	m := make(map[string]any, len(ends))
	for from, to := range ends {
		m[from] = to
	}
	return m
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
	written := map[string][]map[string]any{}
	for _, st := range g.rows() {
		written[st.kind] = st.rows
	}
	var kinds []map[string]any
	for _, k := range ownedEdges {
		kinds = append(kinds, map[string]any{"kind": k.kind, "from": k.from, "type": k.typ, "to": k.to,
			"sameSource": k.sameSource, "keep": k.kept(written)})
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
