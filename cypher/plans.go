package cypher

import (
	"context"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lattice-pathways/lattice/pathway"
)

// PlanGraphs fetches the candidate subgraphs of plans to roles in one round
// trip: every credential that certifies a skill of the role, is required by
// it or confers an education level, with their prerequisites 8 deep. Roles
// that do not exist are absent from the result.
func (s *Store) PlanGraphs(ctx context.Context, roleIDs []string) (out map[string]*pathway.PlanGraph, err error) {
	defer wrap(&err, "cypher.PlanGraphs(%v)", roleIDs)
	recs, err := s.read(ctx, "plan_candidates", map[string]any{"ids": nonNil(roleIDs)})
	if err != nil {
		return nil, err
	}
	out = make(map[string]*pathway.PlanGraph, len(recs))
	for _, rec := range recs {
		g := &pathway.PlanGraph{RoleID: get(rec, "id").(string), TargetEducationRank: -1, Credentials: map[string]pathway.Credential{}}
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
		for _, c := range asList(get(rec, "candidates")) {
			m := asMap(c)
			cred := credentialFrom(asMap(m["node"]))
			g.Credentials[cred.ID] = cred
			g.Candidates = append(g.Candidates, planCredential(cred, m))
		}
		sort.Slice(g.Candidates, func(i, j int) bool { return g.Candidates[i].ID < g.Candidates[j].ID })
		out[g.RoleID] = g
	}
	return out, nil
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
