package resolvers

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/lattice-pathways/lattice/cache"
	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/loaders"
	"github.com/lattice-pathways/lattice/pathway"
)

// source is the store as the career questions read their inputs: the reads
// keyed by ids (a role's plan graph, profile and skills, a credential's
// facts) go through the read cache under the request's graph version, so a
// question varied from the last one (another role) reads only what no
// request of this version has read yet. Reads keyed by their arguments (the
// starters' roles, the roles sharing a set of skills) are memoized by them.
// Every other read, and all of them without a cache in the context, goes
// to the store as it is. The certifier reads (CertifiedBy, ClosedBy) and a
// role's credentials are the loaders' (loaders.Shared), keyed and bounded as
// the loaders read them, so the warm-up fills what the field resolvers read.
//
// The values are shared between requests and goroutines, as the loaders'
// are: nothing may change them. The audit, for what the questions do with
// them: plan graphs have the field rule applied before they are cached
// (PlanGraph.Request would otherwise write their candidates on first use);
// pathway.Solve, SolveCohort, ParetoFront and newProblem copy what they
// change (heldSkills, their pools, their own sorted lists); PlanViaStone
// clones the held profile before TakeRole and Earn; ReachableRoles and
// starterPage copy roles and build fresh paths, sorting only their own
// slices; Ladder copies what it sorts. A held profile is shared only for a
// profile that is a role and nothing more (a role and a level is a copy:
// withLevel). A plan form and a candidate's
// interned facts are shared by every graph made from them: each graph gets
// its own Candidates and Credentials (PlanForm.PlanGraph), which are all
// the field rule writes; the facts' maps and slices (Certifies,
// Prerequisites, StackCredit) are complete when decoded and only read.
type source struct {
	*cypher.Store

	planGraphs    func(context.Context, []string) (map[string]*pathway.PlanGraph, error)
	planForms     func(context.Context, []string) (map[string]*cypher.PlanForm, error)
	planFacts     func(context.Context, []string) (map[string]cypher.PlanCandidate, error)
	roleHeld      func(context.Context, []string) (map[string]heldRole, error)
	levelHeld     func(context.Context, []string) (map[string]*pathway.Held, error)
	gapsCertified func(context.Context, []string) (map[string]bool, error)
	roles         func(context.Context, []string) (map[string]pathway.Role, error)
	roleSkills    func(context.Context, []string) (map[string][]pathway.RoleSkill, error)
	roleEducation func(context.Context, []string) (map[string]pathway.EducationLevel, error)
	skills        func(context.Context, []string) (map[string]pathway.Skill, error)
	credentials   func(context.Context, []string) (map[string]pathway.Credential, error)
	levels        func(context.Context, []string) (map[string]pathway.EducationLevel, error)
	confers       func(context.Context, []string) (map[string]pathway.EducationLevel, error)
	prerequisites func(context.Context, []string) (map[string][]pathway.PrerequisiteGroup, error)
	requiredBy    func(context.Context, []string) (map[string][]pathway.Role, error)
	preparesFor   func(context.Context, []string) (map[string][]pathway.Role, error)
	levelRoles    func(context.Context, []string) (map[string]levelRoles, error)
	stacks        func(context.Context, []string) (map[string]pathway.Stack, error)
	shared        loaders.Reads
}

// heldRole is what a profile that is a role and nothing more holds.
type heldRole struct {
	held *pathway.Held
	role *pathway.Role
}

// levelRoles are the roles that require an education level, and which of
// them a degree of any field qualifies for.
type levelRoles struct {
	roles    []pathway.Role
	anyField map[string]bool
}

// newSource wraps s. The kinds the loaders also read (package loaders) are
// named as theirs and hold the same values, so either fills the other.
func newSource(s *cypher.Store) *source {
	// A program is a candidate of every role its skills and field reach:
	// its facts are decoded once per version and interned, so that every
	// plan graph holding it refers to the one copy, which no eviction of a
	// graph can duplicate.
	planFacts := cache.Shared("planCredential", s.PlanCredentials)
	// A plan graph is its role's form (light, kept for every role) and its
	// candidates' facts, indexed by the field rule (heavy: kept while the
	// byte bound has room, made again from the form without Neo4j).
	planForms := cache.Batch("planForm", s.PlanForms)
	return &source{
		Store:     s,
		planForms: planForms,
		planFacts: planFacts,
		planGraphs: cache.BatchSized("planGraph", func(ctx context.Context, ids []string) (map[string]*pathway.PlanGraph, error) {
			forms, err := planForms(ctx, ids)
			if err != nil {
				return nil, err
			}
			var all []string
			for _, f := range forms {
				all = append(all, f.Candidates...)
			}
			facts, err := planFacts(ctx, sortedUnique(all))
			if err != nil {
				return nil, err
			}
			graphs := make(map[string]*pathway.PlanGraph, len(forms))
			for id, f := range forms {
				g := f.PlanGraph(facts)
				g.ApplyFieldRule() // before it is shared: Request then only reads it
				graphs[id] = g
			}
			return graphs, nil
		}, planGraphBytes),
		roleHeld: cache.Batch("roleHeld", func(ctx context.Context, ids []string) (map[string]heldRole, error) {
			ps := make([]pathway.Profile, len(ids))
			for i, id := range ids {
				ps[i] = pathway.Profile{RoleID: id}
			}
			held, roles, err := s.Profiles(ctx, ps)
			if err != nil {
				return nil, err
			}
			out := make(map[string]heldRole, len(ids))
			for i, id := range ids {
				out[id] = heldRole{held[i], roles[i]}
			}
			return out, nil
		}),
		levelHeld: cache.Batch("levelHeld", func(ctx context.Context, ids []string) (map[string]*pathway.Held, error) {
			ps := make([]pathway.Profile, len(ids))
			for i, id := range ids {
				ps[i] = pathway.Profile{EducationLevelID: id}
			}
			held, _, err := s.Profiles(ctx, ps)
			if err != nil {
				return nil, err
			}
			out := make(map[string]*pathway.Held, len(ids))
			for i, id := range ids {
				out[id] = held[i]
			}
			return out, nil
		}),
		// Keyed by level and skill, as the loaders' closedBy is: whether any
		// credential closes the gap. An uncertified gap is an absent entry.
		gapsCertified: cache.Batch("gapCertified", func(ctx context.Context, keys []string) (map[string]bool, error) {
			gaps := make([]cypher.GapKey, len(keys))
			for i, k := range keys {
				gaps[i] = cypher.ParseGapKey(k)
			}
			found, err := s.GapsCertified(ctx, gaps)
			if err != nil {
				return nil, err
			}
			out := make(map[string]bool, len(found))
			for g := range found {
				out[g.String()] = true
			}
			return out, nil
		}),
		roles:         cache.Batch("role", s.RolesByIDs),
		roleSkills:    cache.Batch("roleSkills", s.RoleSkills),
		roleEducation: cache.Batch("roleEducation", s.RoleEducation),
		skills:        cache.Batch("skill", s.SkillsByIDs),
		credentials:   cache.Batch("credential", s.CredentialsByIDs),
		levels:        cache.Batch("educationLevel", s.EducationLevelsByIDs),
		confers:       cache.Batch("confers", s.CredentialConfers),
		prerequisites: cache.Batch("prerequisites", s.CredentialPrerequisites),
		requiredBy:    cache.Batch("requiredBy", s.CredentialRequiredBy),
		preparesFor:   cache.Batch("preparesFor", s.CredentialPreparesFor),
		stacks:        cache.Batch("stack", s.CredentialStacks),
		shared:        loaders.Shared(s),
		levelRoles: cache.Batch("levelRoles", func(ctx context.Context, ids []string) (map[string]levelRoles, error) {
			roles, anyField, err := s.EducationRequiredBy(ctx, ids)
			if err != nil {
				return nil, err
			}
			out := make(map[string]levelRoles, len(roles))
			for id, rs := range roles {
				lr := levelRoles{roles: rs, anyField: map[string]bool{}}
				for _, r := range rs {
					if anyField[r.ID] {
						lr.anyField[r.ID] = true
					}
				}
				out[id] = lr
			}
			return out, nil
		}),
	}
}

// planGraphBytes is what a cached plan graph weighs of its own: its
// candidates' facts are interned (planFacts) and counted there.
func planGraphBytes(g *pathway.PlanGraph) int64 {
	sz := cache.NewSizer()
	for _, c := range g.Candidates {
		sz.Exclude(c)
		sz.Exclude(g.Credentials[c.ID])
	}
	return sz.Size(g)
}

// bare says p holds nothing the store reads beyond a role and an education
// level of no field (interests are not the store's): no skills, no
// credentials.
func bare(p pathway.Profile) bool {
	return len(p.Skills) == 0 && len(p.CredentialIDs) == 0 && p.EducationField == ""
}

// roleOnly says the store resolves p from its role alone.
func roleOnly(p pathway.Profile) bool {
	return bare(p) && p.RoleID != "" && p.EducationLevelID == ""
}

// levelOnly says the store resolves p from its education level alone, as a
// student's profile is.
func levelOnly(p pathway.Profile) bool {
	return bare(p) && p.EducationLevelID != "" && p.RoleID == ""
}

// roleAndLevel says p is a role and an education level and nothing more,
// as a cohort's members often are: Profiles makes it from the role's and
// the level's cached profiles (withLevel).
func roleAndLevel(p pathway.Profile) bool {
	return bare(p) && p.RoleID != "" && p.EducationLevelID != ""
}

// withLevel is what the store reads for a role and an education level: the
// role's profile, then the level held (a level adds no skill, so the
// skills SAME_AS expands and the profile Finish lists are the role's). It
// copies role, which is shared.
func withLevel(role, level *pathway.Held) *pathway.Held {
	h := role.Clone()
	for _, e := range level.Education {
		h.HoldEducation(e)
	}
	return h
}

// Profile is the store's, cached when p is a role and nothing more, or an
// education level and nothing more.
func (s *source) Profile(ctx context.Context, p pathway.Profile) (*pathway.Held, *pathway.Role, error) {
	if levelOnly(p) {
		got, err := s.levelHeld(ctx, []string{p.EducationLevelID})
		if err != nil || got[p.EducationLevelID] == nil {
			return s.Store.Profile(ctx, p)
		}
		return got[p.EducationLevelID], nil, nil
	}
	if !roleOnly(p) {
		return s.Store.Profile(ctx, p)
	}
	got, err := s.roleHeld(ctx, []string{p.RoleID})
	if err != nil {
		// An unknown role: the store's own call says so in its own words.
		return s.Store.Profile(ctx, p)
	}
	return got[p.RoleID].held, got[p.RoleID].role, nil
}

// Profiles is the store's, with the profiles that are a role and nothing
// more cached by role, those that are an education level and nothing more
// by level, the rest read in one round trip.
func (s *source) Profiles(ctx context.Context, ps []pathway.Profile) ([]*pathway.Held, []*pathway.Role, error) {
	var roleIDs, levelIDs []string
	var rest []pathway.Profile
	for _, p := range ps {
		switch {
		case roleOnly(p):
			roleIDs = append(roleIDs, p.RoleID)
		case levelOnly(p):
			levelIDs = append(levelIDs, p.EducationLevelID)
		case roleAndLevel(p):
			roleIDs = append(roleIDs, p.RoleID)
			levelIDs = append(levelIDs, p.EducationLevelID)
		default:
			rest = append(rest, p)
		}
	}
	if len(roleIDs) == 0 && len(levelIDs) == 0 {
		return s.Store.Profiles(ctx, ps)
	}
	byRole := map[string]heldRole{}
	byLevel := map[string]*pathway.Held{}
	var err error
	if len(roleIDs) > 0 {
		if byRole, err = s.roleHeld(ctx, sortedUnique(roleIDs)); err != nil {
			return s.Store.Profiles(ctx, ps)
		}
	}
	if len(levelIDs) > 0 {
		if byLevel, err = s.levelHeld(ctx, sortedUnique(levelIDs)); err != nil {
			return s.Store.Profiles(ctx, ps)
		}
		for _, id := range levelIDs {
			if byLevel[id] == nil { // an unknown level: the store says so in its words
				return s.Store.Profiles(ctx, ps)
			}
		}
	}
	var restHeld []*pathway.Held
	var restRoles []*pathway.Role
	if len(rest) > 0 {
		if restHeld, restRoles, err = s.Store.Profiles(ctx, rest); err != nil {
			// The error names the profile by its index in ps.
			return s.Store.Profiles(ctx, ps)
		}
	}
	held := make([]*pathway.Held, len(ps))
	roles := make([]*pathway.Role, len(ps))
	j := 0
	for i, p := range ps {
		switch {
		case roleOnly(p):
			held[i], roles[i] = byRole[p.RoleID].held, byRole[p.RoleID].role
		case levelOnly(p):
			held[i] = byLevel[p.EducationLevelID]
		case roleAndLevel(p):
			held[i], roles[i] = withLevel(byRole[p.RoleID].held, byLevel[p.EducationLevelID]), byRole[p.RoleID].role
		default:
			held[i], roles[i] = restHeld[j], restRoles[j]
			j++
		}
	}
	return held, roles, nil
}

// PlanGraphs returns the plan graphs into the roles that exist, with the
// field rule applied.
func (s *source) PlanGraphs(ctx context.Context, roleIDs []string) (map[string]*pathway.PlanGraph, error) {
	return s.planGraphs(ctx, roleIDs)
}

// PlanForms returns the plan forms of the roles that exist; PlanGraphs
// completes them.
func (s *source) PlanForms(ctx context.Context, roleIDs []string) (map[string]*cypher.PlanForm, error) {
	return s.planForms(ctx, roleIDs)
}

// PlanFacts returns the candidates' facts by credential id, interned for
// the version.
func (s *source) PlanFacts(ctx context.Context, ids []string) (map[string]cypher.PlanCandidate, error) {
	return s.planFacts(ctx, ids)
}

// RolesByIDs returns the roles that exist among ids.
func (s *source) RolesByIDs(ctx context.Context, ids []string) (map[string]pathway.Role, error) {
	return s.roles(ctx, ids)
}

// RoleSkills returns each role's skills profile.
func (s *source) RoleSkills(ctx context.Context, roleIDs []string) (map[string][]pathway.RoleSkill, error) {
	return s.roleSkills(ctx, roleIDs)
}

// RoleEducation returns each role's education requirement, where it has one.
func (s *source) RoleEducation(ctx context.Context, roleIDs []string) (map[string]pathway.EducationLevel, error) {
	return s.roleEducation(ctx, roleIDs)
}

// RoleOverlaps returns each role's overlap edges out, at most first each.
func (s *source) RoleOverlaps(ctx context.Context, roleIDs []string, first int) (map[string][]pathway.RoleOverlap, error) {
	return cache.Batch(fmt.Sprintf("roleOverlaps/%d", first), func(ctx context.Context, ids []string) (map[string][]pathway.RoleOverlap, error) {
		return s.Store.RoleOverlaps(ctx, ids, first)
	})(ctx, roleIDs)
}

// OverlapsInto returns each role's overlap edges in, at most first each.
func (s *source) OverlapsInto(ctx context.Context, roleIDs []string, first int) (map[string][]pathway.RoleOverlap, error) {
	return cache.Batch(fmt.Sprintf("overlapsInto/%d", first), func(ctx context.Context, ids []string) (map[string][]pathway.RoleOverlap, error) {
		return s.Store.OverlapsInto(ctx, ids, first)
	})(ctx, roleIDs)
}

// GapsCertified says which gaps some credential closes, cached per gap.
func (s *source) GapsCertified(ctx context.Context, gaps []cypher.GapKey) (map[cypher.GapKey]bool, error) {
	keys := make([]string, len(gaps))
	for i, g := range gaps {
		keys[i] = g.String()
	}
	got, err := s.gapsCertified(ctx, sortedUnique(keys))
	if err != nil {
		return nil, err
	}
	out := make(map[cypher.GapKey]bool, len(got))
	for k := range got {
		out[cypher.ParseGapKey(k)] = true
	}
	return out, nil
}

// RolesSharingSkills is the store's, memoized by the set of skills.
func (s *source) RolesSharingSkills(ctx context.Context, skillIDs []string, first int) ([]string, error) {
	args := struct {
		SkillIDs []string
		First    int
	}{sortedUnique(skillIDs), first}
	return cache.Memo(ctx, "rolesSharingSkills", args, func(ctx context.Context) ([]string, error) {
		return s.Store.RolesSharingSkills(ctx, args.SkillIDs, first)
	})
}

// StarterRoles is the store's, memoized by its arguments: every role of the
// graph, read once per version.
func (s *source) StarterRoles(ctx context.Context, maxEducationRank *int, industry *string) ([]pathway.StarterRole, error) {
	args := struct {
		MaxEducationRank *int
		Industry         *string
	}{maxEducationRank, industry}
	return cache.Memo(ctx, "starterRoles", args, func(ctx context.Context) ([]pathway.StarterRole, error) {
		return s.Store.StarterRoles(ctx, maxEducationRank, industry)
	})
}

// SkillsByIDs returns the skills that exist among ids.
func (s *source) SkillsByIDs(ctx context.Context, ids []string) (map[string]pathway.Skill, error) {
	return s.skills(ctx, ids)
}

// CredentialsByIDs returns the credentials that exist among ids.
func (s *source) CredentialsByIDs(ctx context.Context, ids []string) (map[string]pathway.Credential, error) {
	return s.credentials(ctx, ids)
}

// EducationLevelsByIDs returns the education levels that exist among ids.
func (s *source) EducationLevelsByIDs(ctx context.Context, ids []string) (map[string]pathway.EducationLevel, error) {
	return s.levels(ctx, ids)
}

// CredentialConfers returns the level each credential confers, where one.
func (s *source) CredentialConfers(ctx context.Context, ids []string) (map[string]pathway.EducationLevel, error) {
	return s.confers(ctx, ids)
}

// CredentialPrerequisites returns each credential's prerequisite groups.
func (s *source) CredentialPrerequisites(ctx context.Context, ids []string) (map[string][]pathway.PrerequisiteGroup, error) {
	return s.prerequisites(ctx, ids)
}

// CredentialRequiredBy returns the roles that require each credential.
func (s *source) CredentialRequiredBy(ctx context.Context, ids []string) (map[string][]pathway.Role, error) {
	return s.requiredBy(ctx, ids)
}

// CredentialPreparesFor returns the roles each credential prepares for.
func (s *source) CredentialPreparesFor(ctx context.Context, ids []string) (map[string][]pathway.Role, error) {
	return s.preparesFor(ctx, ids)
}

// EducationRequiredBy returns the roles that require each level, and those
// of them a degree of any field qualifies for.
func (s *source) EducationRequiredBy(ctx context.Context, levelIDs []string) (map[string][]pathway.Role, map[string]bool, error) {
	got, err := s.levelRoles(ctx, levelIDs)
	if err != nil {
		return nil, nil, err
	}
	roles := make(map[string][]pathway.Role, len(got))
	anyField := map[string]bool{}
	for id, lr := range got {
		roles[id] = lr.roles
		maps.Copy(anyField, lr.anyField)
	}
	return roles, anyField, nil
}

// RoleCredentials returns the credentials each role requires, as the
// loaders read them.
func (s *source) RoleCredentials(ctx context.Context, roleIDs []string) (map[string][]pathway.Credential, error) {
	return s.shared.RoleCredentials(ctx, roleIDs)
}

// CertifiedBy returns the credentials certifying each skill, as the loaders
// read them: at most loaders.MaxCertifiedBy each.
func (s *source) CertifiedBy(ctx context.Context, skillIDs []string) (map[string][]pathway.CertifiedSkill, error) {
	return s.shared.CertifiedBy(ctx, skillIDs)
}

// ClosedBy returns the credentials closing each gap, as the loaders read
// them: at most loaders.MaxClosedBy each; a gap none closes has no entry.
func (s *source) ClosedBy(ctx context.Context, gaps []cypher.GapKey) (map[cypher.GapKey][]pathway.Credential, error) {
	keys := make([]string, len(gaps))
	for i, g := range gaps {
		keys[i] = g.String()
	}
	got, err := s.shared.ClosedBy(ctx, sortedUnique(keys))
	if err != nil {
		return nil, err
	}
	out := make(map[cypher.GapKey][]pathway.Credential, len(got))
	for k, creds := range got {
		out[cypher.ParseGapKey(k)] = creds
	}
	return out, nil
}

// CredentialStack returns the stack through a credential or an education
// level, cached per id; pathway.ErrNotFound when id names neither.
func (s *source) CredentialStack(ctx context.Context, id string) (pathway.Stack, error) {
	got, err := s.stacks(ctx, []string{id})
	if err != nil {
		return pathway.Stack{}, err
	}
	st, ok := got[id]
	if !ok {
		// The store's own call says so in its own words.
		return s.Store.CredentialStack(ctx, id)
	}
	return st, nil
}

// CredentialStacks returns the stacks through the ids that name a
// credential or an education level.
func (s *source) CredentialStacks(ctx context.Context, ids []string) (map[string]pathway.Stack, error) {
	return s.stacks(ctx, ids)
}

var (
	_ pathway.StarterSource = (*source)(nil)
	_ pathway.OpenedSource  = (*source)(nil)
)

// sortedUnique is ids sorted without repeats, in a new slice.
func sortedUnique(ids []string) []string {
	return slices.Compact(slices.Sorted(slices.Values(ids)))
}
