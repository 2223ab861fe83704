package cypher

import (
	"context"
	"slices"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lattice-pathways/lattice/pathway"
)

// PlanCandidate is what the planner needs of a candidate credential: the
// credential as stored and as the planner sees it.
type PlanCandidate struct {
	Credential pathway.Credential
	Plan       pathway.PlanCredential
}

// PlanCredentials reads candidates' facts by credential id; ids that name no
// credential are absent. The read cache keeps them per id, since a program
// is a candidate of every role its skills and field reach.
type PlanCredentials func(ctx context.Context, ids []string) (map[string]PlanCandidate, error)

// PlanGraphs fetches the candidate subgraphs of plans to roles: every
// credential that certifies a skill of the role, is required by it or
// confers an education level, with their prerequisites 8 deep. Roles that
// do not exist are absent from the result.
func (s *Store) PlanGraphs(ctx context.Context, roleIDs []string) (out map[string]*pathway.PlanGraph, err error) {
	defer wrap(&err, "cypher.PlanGraphs(%v)", roleIDs)
	return s.PlanGraphsWith(ctx, roleIDs, s.PlanCredentials)
}

// PlanGraphsWith is PlanGraphs reading the candidates' facts through
// credentials, in two round trips: the roles with their candidates' ids,
// then the facts of every distinct candidate once. The candidates' maps and
// slices are shared between the graphs (and, through a cache, requests):
// the planner only reads them.
func (s *Store) PlanGraphsWith(ctx context.Context, roleIDs []string, credentials PlanCredentials) (out map[string]*pathway.PlanGraph, err error) {
	defer wrap(&err, "cypher.PlanGraphsWith(%v)", roleIDs)
	forms, err := s.PlanForms(ctx, roleIDs)
	if err != nil {
		return nil, err
	}
	var all []string
	for _, f := range forms {
		all = append(all, f.Candidates...)
	}
	slices.Sort(all)
	facts, err := credentials(ctx, slices.Compact(all))
	if err != nil {
		return nil, err
	}
	out = make(map[string]*pathway.PlanGraph, len(forms))
	for id, f := range forms {
		out[id] = f.PlanGraph(facts)
	}
	return out, nil
}

// PlanForm is a plan graph before its candidates' facts: what is the
// role's own, and its candidates' ids. A cache keeps it for every role at
// a fraction of a whole graph's size, and completes it with facts it keeps
// once per credential (PlanGraph).
type PlanForm struct {
	Graph      pathway.PlanGraph // no Candidates, no Credentials
	Candidates []string
}

// PlanForms reads the plan forms of roles, in one round trip; roles that do
// not exist are absent.
func (s *Store) PlanForms(ctx context.Context, roleIDs []string) (out map[string]*PlanForm, err error) {
	defer wrap(&err, "cypher.PlanForms(%v)", roleIDs)
	recs, err := s.read(ctx, "plan_candidates", map[string]any{"ids": nonNil(roleIDs)})
	if err != nil {
		return nil, err
	}
	out = make(map[string]*PlanForm, len(recs))
	for _, rec := range recs {
		g := pathway.PlanGraph{RoleID: get(rec, "id").(string), TargetEducationRank: -1}
		g.Role = roleFrom(asMap(get(rec, "role")))
		g.Target = requirementsFrom(get(rec, "target"))
		// Required first, then the most important, as role profiles read.
		sort.Slice(g.Target, func(i, j int) bool {
			a, b := g.Target[i], g.Target[j]
			if a.Required != b.Required {
				return a.Required
			}
			if a.Importance != b.Importance {
				return a.Importance > b.Importance
			}
			return a.SkillID < b.SkillID
		})
		for _, c := range asList(get(rec, "targetCredentials")) {
			g.TargetCredentials = append(g.TargetCredentials, c.(string))
		}
		sort.Strings(g.TargetCredentials)
		if r, ok := num(get(rec, "targetRank")); ok {
			g.TargetEducationRank = int(r)
		}
		g.AnyField, _ = get(rec, "anyField").(bool)
		g.Preparing, g.Fields = stringList(get(rec, "preparing")), stringList(get(rec, "fields"))
		g.NearCodes = slices.Sorted(slices.Values(stringList(get(rec, "nearCodes"))))
		out[g.RoleID] = &PlanForm{Graph: g, Candidates: stringList(get(rec, "candidates"))}
	}
	return out, nil
}

// PlanGraph is f completed with its candidates' facts, a new graph each
// call (the field rule not applied yet); a candidate missing from facts
// (deleted since: a later read sees it gone) is left out. The graph shares
// f's slices and the facts' maps and slices: nothing may change them.
func (f *PlanForm) PlanGraph(facts map[string]PlanCandidate) *pathway.PlanGraph {
	g := f.Graph
	g.Credentials = make(map[string]pathway.Credential, len(f.Candidates))
	if len(f.Candidates) > 0 {
		g.Candidates = make([]pathway.PlanCredential, 0, len(f.Candidates))
	}
	for _, cid := range f.Candidates {
		if c, ok := facts[cid]; ok {
			g.Credentials[c.Credential.ID] = c.Credential // the interned id: one copy
			g.Candidates = append(g.Candidates, c.Plan)
		}
	}
	if len(g.Candidates) == 0 {
		g.Candidates = nil // as a graph with none always was
	}
	sort.Slice(g.Candidates, func(i, j int) bool { return g.Candidates[i].ID < g.Candidates[j].ID })
	return &g
}

// PlanCredentials reads candidates' facts by credential id, in one round trip.
func (s *Store) PlanCredentials(ctx context.Context, ids []string) (out map[string]PlanCandidate, err error) {
	defer wrap(&err, "cypher.PlanCredentials(%d ids)", len(ids))
	return single(ctx, s, "plan_credentials", nonNil(ids), func(rec *neo4j.Record) PlanCandidate {
		m := rec.AsMap()
		cred := credentialFrom(asMap(m["node"]))
		return PlanCandidate{Credential: cred, Plan: planCredential(cred, m)}
	})
}

// planCredential reads one candidate row: unknown cost, hours or weeks count
// as zero, which the planner then treats as free in that measure.
func planCredential(c pathway.Credential, m map[string]any) pathway.PlanCredential {
	pc := pathway.PlanCredential{ID: c.ID, Name: c.Name, Certifies: map[string]int{}, ConfersRank: -1}
	if c.Field != nil {
		pc.Field = *c.Field
	}
	if c.Cost != nil {
		pc.Cost = *c.Cost
	}
	if c.CohortCost != nil {
		pc.CohortCost = *c.CohortCost
	}
	if c.Hours != nil {
		pc.Hours = *c.Hours
	}
	if c.Weeks != nil {
		pc.Weeks = *c.Weeks
	}
	pc.Occupations = stringList(asMap(m["node"])["occupations"])
	if len(pc.Occupations) == 0 {
		pc.Occupations = stringList(m["fieldOccupations"])
		pc.OccupationsOfField = len(pc.Occupations) > 0
	}
	pc.Namesakes = stringList(asMap(m["node"])["namesakes"])
	same := pathway.SameAs{}
	for _, x := range asList(m["certifies"]) {
		cm := asMap(x)
		if l := intOf(cm["level"]); l > pc.Certifies[str(cm, "skill")] {
			pc.Certifies[str(cm, "skill")] = l
		}
		same[str(cm, "skill")] = stringList(cm["same"])
	}
	same.Expand(pc.Certifies)
	if r, ok := num(m["confers"]); ok {
		pc.ConfersRank = int(r)
	}
	groups := map[string][]pathway.Prereq{}
	var names []string
	for _, x := range asList(m["prerequisites"]) {
		pm := asMap(x)
		g := str(pm, "group")
		if _, ok := groups[g]; !ok {
			names = append(names, g)
		}
		if r, ok := num(pm["rank"]); ok {
			groups[g] = append(groups[g], pathway.Prereq{EducationRank: int(r)})
		} else {
			groups[g] = append(groups[g], pathway.Prereq{CredentialID: str(pm, "id"), EducationRank: -1})
		}
	}
	sort.Strings(names)
	for _, g := range names {
		pc.Prerequisites = append(pc.Prerequisites, groups[g])
	}
	for _, x := range asList(m["credits"]) {
		cm := asMap(x)
		pc.StackCredit = append(pc.StackCredit, pathway.StackCredit{FromID: str(cm, "from"), Hours: floatOf(cm["hours"]), Cost: floatOf(cm["cost"])})
	}
	sort.Slice(pc.StackCredit, func(i, j int) bool { return pc.StackCredit[i].FromID < pc.StackCredit[j].FromID })
	return pc
}

// OverlapsInto returns, for each role, the roles whose overlap edges lead to
// it, closest first, at most first each: the stepping stones towards it.
func (s *Store) OverlapsInto(ctx context.Context, roleIDs []string, first int) (out map[string][]pathway.RoleOverlap, err error) {
	defer wrap(&err, "cypher.OverlapsInto(%d roles, %d)", len(roleIDs), first)
	return grouped(ctx, s, "role_overlaps_into", roleIDs, map[string]any{"first": first}, func(rec *neo4j.Record) pathway.RoleOverlap {
		return pathway.RoleOverlap{Role: roleRow(rec), Score: floatOf(get(rec, "score")), SharedSkills: intOf(get(rec, "shared"))}
	})
}
