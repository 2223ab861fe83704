package cypher

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"maps"
	"slices"

	"github.com/lattice-pathways/lattice/pathway"
)

// requirementsFrom reads the [{skill, level, importance, required}] lists
// that the profile statements return.
func requirementsFrom(v any) []pathway.Requirement {
	list := asList(v)
	reqs := make([]pathway.Requirement, 0, len(list))
	for _, x := range list {
		m := asMap(x)
		if m == nil {
			continue
		}
		reqs = append(reqs, pathway.Requirement{
			SkillID:    str(m, "skill"),
			Level:      intOf(m["level"]),
			Importance: floatOf(m["importance"]),
			Required:   m["required"] != false,
			Tech:       m["tech"] == true,
			Common:     intOf(m["common"]),
		})
	}
	return reqs
}

// refreshOverlaps re-derives every OVERLAPS edge from the roles' traits,
// inside the caller's transaction, so the edges always match the profiles
// that commit with them, and stores the statistics relatedness weighs by on
// the skills and every role's compact form built with them. The whole
// graph is recomputed: a changed profile can move any role's top moves.
func (t tx) refreshOverlaps(ctx context.Context) error {
	recs, err := t.run(ctx, "role_profiles", nil)
	if err != nil {
		return err
	}
	roles := traitsFrom(recs)
	st := pathway.NewSimilarityStats(roles)
	if err := t.storeSimilarityStats(ctx, st); err != nil {
		return err
	}
	if err := t.storeForms(ctx, roles, st); err != nil {
		return err
	}
	edges := pathway.Overlaps(roles, st)
	if _, err := t.run(ctx, "delete_overlaps", nil); err != nil {
		return err
	}
	return t.createOverlaps(ctx, edges)
}

// createOverlaps writes overlap edges, in batches.
func (t tx) createOverlaps(ctx context.Context, edges []pathway.Overlap) error {
	rows := make([]map[string]any, len(edges))
	for i, e := range edges {
		rows[i] = map[string]any{"from": e.FromID, "to": e.ToID, "score": e.Score, "shared": e.Shared}
	}
	return t.runBatches(ctx, "create_overlaps", rows, nil)
}

// runBatches runs statement once per batchSize of rows (its $rows), with
// the other parameters of params.
func (t tx) runBatches(ctx context.Context, statement string, rows []map[string]any, params map[string]any) error {
	for start := 0; start < len(rows); start += batchSize {
		p := maps.Clone(params)
		if p == nil {
			p = map[string]any{}
		}
		p["rows"] = rows[start:min(start+batchSize, len(rows))]
		if _, err := t.run(ctx, statement, p); err != nil {
			return err
		}
	}
	return nil
}

// storeSimilarityStats writes the statistics onto the skills, in batches.
func (t tx) storeSimilarityStats(ctx context.Context, st *pathway.SimilarityStats) error {
	rows := make([]map[string]any, 0, len(st.Skill))
	for _, id := range slices.Sorted(maps.Keys(st.Skill)) {
		ss := st.Skill[id]
		rows = append(rows, map[string]any{"id": id, "df": int64(ss.DF), "dense": ss.Dense, "common": int64(ss.Common)})
	}
	if err := t.runBatches(ctx, "set_similarity_stats", rows, map[string]any{"roles": int64(st.Roles)}); err != nil {
		return err
	}
	_, err := t.run(ctx, "clear_similarity_stats", map[string]any{"ids": nonNil(slices.Sorted(maps.Keys(st.Skill)))})
	return err
}

// traitsFrom reads role_profiles' and role_traits' rows.
func traitsFrom(recs []*neo4j.Record) map[string]pathway.RoleTraits {
	roles := make(map[string]pathway.RoleTraits, len(recs))
	for _, rec := range recs {
		tr := pathway.RoleTraits{Profile: requirementsFrom(get(rec, "skills")), JobZone: intOf(get(rec, "jobZone"))}
		tr.Code, _ = get(rec, "code").(string)
		tr.Industry, _ = get(rec, "industry").(string)
		for _, x := range asList(get(rec, "interests")) {
			tr.Interests = append(tr.Interests, floatOf(x))
		}
		roles[get(rec, "id").(string)] = tr
	}
	return roles
}

// storedStats reads the statistics the last full derivation stored.
func (t tx) storedStats(ctx context.Context) (*pathway.SimilarityStats, error) {
	recs, err := t.run(ctx, "similarity_stats", nil)
	if err != nil {
		return nil, err
	}
	return statsFrom(recs), nil
}

// scoredTraits reads the traits of the roles of ids that exist and the
// stored statistics scoring them needs: the dense skills' and those of the
// roles' skills, so a write reads a few hundred skills, not all of them;
// nRoles is the stored role count. Scores come out as with storedStats.
func (t tx) scoredTraits(ctx context.Context, ids []string, nRoles int) (map[string]pathway.RoleTraits, *pathway.SimilarityStats, error) {
	recs, err := t.run(ctx, "role_traits", map[string]any{"ids": nonNil(ids)})
	if err != nil {
		return nil, nil, err
	}
	roles := traitsFrom(recs)
	skills := map[string]bool{}
	for _, tr := range roles {
		for _, r := range tr.Profile {
			skills[r.SkillID] = true
		}
	}
	if recs, err = t.run(ctx, "similarity_stats_of", map[string]any{"ids": nonNil(slices.Sorted(maps.Keys(skills)))}); err != nil {
		return nil, nil, err
	}
	st := statsFrom(recs)
	st.Roles = nRoles // also when none of the skills read has statistics
	return roles, st, nil
}

// statsFrom reads similarity_stats' rows.
func statsFrom(recs []*neo4j.Record) *pathway.SimilarityStats {
	st := &pathway.SimilarityStats{Skill: make(map[string]pathway.SkillStat, len(recs))}
	for _, rec := range recs {
		st.Skill[get(rec, "id").(string)] = pathway.SkillStat{DF: intOf(get(rec, "df")), Dense: get(rec, "dense") == true}
		st.Roles = max(st.Roles, intOf(get(rec, "roles")))
	}
	return st
}

// refreshOverlapsOf updates the overlap edges after a write changed the
// traits of the roles changed (deleted ones absent) and removed the roles
// whose edges pointed at a deleted role (fallen: their lists lost a member),
// with the statistics stored by the last full derivation (an import): the
// changed roles are scored again against the roles sharing a skill with
// them; every other role's stored top edges take the changed roles' new
// scores, and only a role whose list lost a member it cannot replace
// without knowing the next best (a fallen one always) is scored again. The
// other roles are read in their compact forms (pathway.Form, stored on
// them) and by their edges onto the scored roles' skills that are not
// dense only, so a write does not read every profile that shares O*NET's
// common skills.
// TestIncrementalOverlaps holds the result equal to a full derivation with
// the same statistics.
func (t tx) refreshOverlapsOf(ctx context.Context, changed, fallen []string) error {
	recs, err := t.run(ctx, "similarity_stats_stored", nil)
	if err != nil {
		return err
	}
	if len(recs) == 0 || get(recs[0], "stored") != true {
		return t.refreshOverlaps(ctx) // nothing stored yet: derive everything
	}
	nRoles := intOf(get(recs[0], "roles"))
	roles, st, err := t.scoredTraits(ctx, changed, nRoles)
	if err != nil {
		return err
	}
	if err := t.storeForms(ctx, roles, st); err != nil {
		return err
	}
	if err := t.currentForms(ctx, st, nRoles); err != nil {
		return err
	}
	near, err := t.nearForms(ctx, roles, st)
	if err != nil {
		return err
	}
	lists := map[string][]pathway.Overlap{}
	present := slices.Sorted(maps.Keys(roles))
	for _, id := range present {
		lists[id] = near.TopOverlaps(id, roles[id])
	}
	// Roles whose edges point at a changed role, near it or no longer, and
	// those that lost an edge: their lists change.
	into, err := t.rolesWithEdgesInto(ctx, present...)
	if err != nil {
		return err
	}
	must := map[string]bool{}
	for _, id := range append(fallen, into...) {
		if !slices.Contains(changed, id) {
			must[id] = true
		}
	}
	// The other roles near the changed ones: a list holding no changed role
	// changes only when a changed role's new score reaches its lowest edge
	// (ties too, for their order by id) or it has room, which their floors
	// tell without reading every list.
	moved := map[string]map[string]pathway.Overlap{}
	var reaching []string
	for _, c := range present {
		for x, e := range near.OverlapsInto(c, roles[c]) {
			if slices.Contains(changed, x) {
				continue
			}
			if moved[x] == nil {
				moved[x] = map[string]pathway.Overlap{}
				if !must[x] {
					reaching = append(reaching, x)
				}
			}
			moved[x][c] = e
		}
	}
	slices.Sort(reaching)
	floors, err := t.overlapFloors(ctx, reaching)
	if err != nil {
		return err
	}
	for _, x := range reaching {
		f := floors[x]
		for _, e := range moved[x] {
			if f.edges < pathway.MaxOverlapsPerRole || e.Score >= f.score {
				must[x] = true
			}
		}
	}
	others := slices.Sorted(maps.Keys(must))
	stored, err := t.storedOverlaps(ctx, others)
	if err != nil {
		return err
	}
	var again []string
	for _, x := range others {
		if slices.Contains(fallen, x) {
			// The deletion took its edge into the deleted role along: what
			// is stored no longer tells whether the list held every edge.
			again = append(again, x)
			continue
		}
		list, full := pathway.UpdateOverlaps(stored[x], changed, moved[x])
		if full {
			again = append(again, x)
			continue
		}
		if !slices.Equal(list, stored[x]) {
			lists[x] = list
		}
	}
	if len(again) > 0 {
		wide, st, err := t.scoredTraits(ctx, again, nRoles)
		if err != nil {
			return err
		}
		near, err := t.nearForms(ctx, wide, st)
		if err != nil {
			return err
		}
		for _, x := range again {
			lists[x] = near.TopOverlaps(x, wide[x])
		}
	}
	ids := slices.Sorted(maps.Keys(lists))
	if _, err := t.run(ctx, "delete_overlaps_from", map[string]any{"ids": nonNil(ids)}); err != nil {
		return err
	}
	var edges []pathway.Overlap
	for _, id := range ids {
		edges = append(edges, lists[id]...)
	}
	return t.createOverlaps(ctx, edges)
}

// storeForms stores roles' compact forms, built with st, in batches.
func (t tx) storeForms(ctx context.Context, roles map[string]pathway.RoleTraits, st *pathway.SimilarityStats) error {
	rows := make([]map[string]any, 0, len(roles))
	for _, id := range slices.Sorted(maps.Keys(roles)) {
		f := st.Form(roles[id])
		unlisted := make([]int64, len(f.Unlisted))
		for i, x := range f.Unlisted {
			unlisted[i] = int64(x)
		}
		rows = append(rows, map[string]any{"id": id, "sources": nonNil(f.Sources), "dense": nonNil(f.Dense),
			"unlisted": unlisted, "norms": []float64{f.NSkills, f.NTech}})
	}
	return t.runBatches(ctx, "set_overlap_forms", rows, map[string]any{"stamp": st.Stamp()})
}

// currentForms builds the forms of the roles that have none, or one built
// with other statistics than st's (a graph that older code derived): from
// their traits and the stored statistics of their skills, not by a full
// derivation, which would change the statistics and so every role's edges
// in a write meant to change a few, and costs far more. It runs once on
// such a graph (on one ten times O*NET, for every role: seconds) and then
// finds nothing.
func (t tx) currentForms(ctx context.Context, st *pathway.SimilarityStats, nRoles int) error {
	recs, err := t.run(ctx, "overlap_forms_stale", map[string]any{"stamp": st.Stamp()})
	if err != nil {
		return err
	}
	stale := make([]string, len(recs))
	for i, rec := range recs {
		stale[i] = get(rec, "id").(string)
	}
	for start := 0; start < len(stale); start += batchSize {
		roles, st, err := t.scoredTraits(ctx, stale[start:min(start+batchSize, len(stale))], nRoles)
		if err != nil {
			return err
		}
		if err := t.storeForms(ctx, roles, st); err != nil {
			return err
		}
	}
	return nil
}

// nearForms reads the roles that may share a skill with roles, in the
// shape pathway.Near describes: those centered on the same sources and
// those listing one of their other skills.
func (t tx) nearForms(ctx context.Context, roles map[string]pathway.RoleTraits, st *pathway.SimilarityStats) (*pathway.Neighbours, error) {
	sparse := st.SparseSkills(roles)
	tech := map[string]bool{}
	for _, tr := range roles {
		for _, r := range tr.Profile {
			tech[r.SkillID] = r.Tech
		}
	}
	recs, err := t.run(ctx, "overlap_sparse_near", map[string]any{"skills": nonNil(sparse)})
	if err != nil {
		return nil, err
	}
	reqs := map[string][]pathway.Requirement{}
	for _, rec := range recs {
		id := get(rec, "id").(string)
		level, importance, required := asList(get(rec, "level")), asList(get(rec, "importance")), asList(get(rec, "required"))
		for i, at := range asList(get(rec, "at")) {
			skill := sparse[intOf(at)]
			reqs[id] = append(reqs[id], pathway.Requirement{SkillID: skill, Level: intOf(level[i]),
				Importance: floatOf(importance[i]), Required: required[i] != false, Tech: tech[skill]})
		}
	}
	recs, err = t.run(ctx, "overlap_forms_near", map[string]any{"sources": nonNil(st.Sources(roles)),
		"ids": nonNil(slices.Sorted(maps.Keys(reqs)))})
	if err != nil {
		return nil, err
	}
	near := make(map[string]pathway.Near, len(recs))
	for _, rec := range recs {
		id := get(rec, "id").(string)
		n := pathway.Near{RoleTraits: pathway.RoleTraits{Profile: reqs[id], JobZone: intOf(get(rec, "jobZone"))}}
		n.Code, _ = get(rec, "code").(string)
		n.Industry, _ = get(rec, "industry").(string)
		n.Interests = floatList(get(rec, "interests"))
		for _, x := range asList(get(rec, "sources")) {
			n.Form.Sources = append(n.Form.Sources, x.(string))
		}
		n.Form.Dense = floatList(get(rec, "dense"))
		for _, x := range asList(get(rec, "unlisted")) {
			n.Form.Unlisted = append(n.Form.Unlisted, intOf(x))
		}
		if norms := floatList(get(rec, "norms")); len(norms) == 2 {
			n.Form.NSkills, n.Form.NTech = norms[0], norms[1]
		}
		near[id] = n
	}
	return st.Neighbours(near), nil
}

// overlapFloor is how many overlap edges a role has and the lowest score
// among them.
type overlapFloor struct {
	edges int
	score float64
}

// overlapFloors reads the floors of roles' stored overlap edges.
func (t tx) overlapFloors(ctx context.Context, ids []string) (map[string]overlapFloor, error) {
	recs, err := t.run(ctx, "overlap_floors", map[string]any{"ids": nonNil(ids)})
	if err != nil {
		return nil, err
	}
	out := make(map[string]overlapFloor, len(recs))
	for _, rec := range recs {
		out[get(rec, "id").(string)] = overlapFloor{edges: intOf(get(rec, "edges")), score: floatOf(get(rec, "floor"))}
	}
	return out, nil
}

// storedOverlaps reads the stored overlap edges out of roles, by role.
func (t tx) storedOverlaps(ctx context.Context, ids []string) (map[string][]pathway.Overlap, error) {
	recs, err := t.run(ctx, "overlap_edges_of", map[string]any{"ids": nonNil(ids)})
	if err != nil {
		return nil, err
	}
	out := map[string][]pathway.Overlap{}
	for _, rec := range recs {
		from := get(rec, "id").(string)
		out[from] = append(out[from], pathway.Overlap{FromID: from, ToID: get(rec, "to").(string),
			Score: floatOf(get(rec, "score")), Shared: intOf(get(rec, "shared"))})
	}
	for id := range out {
		pathway.SortOverlaps(out[id])
	}
	return out, nil
}

// OverlapsDrift returns the overlap edges as stored and as a full
// derivation with the stored statistics would make them, both sorted: the
// two must be equal after every write (TestIncrementalOverlaps). It exists
// for tests, like DeleteAll.
func (s *Store) OverlapsDrift(ctx context.Context) (stored, derived []pathway.Overlap, err error) {
	defer wrap(&err, "cypher.OverlapsDrift")
	err = s.write(ctx, func(t tx) error {
		st, roles, err := t.storedTraits(ctx)
		if err != nil {
			return err
		}
		derived = pathway.Overlaps(roles, st)
		byRole, err := t.storedOverlaps(ctx, slices.Sorted(maps.Keys(roles)))
		if err != nil {
			return err
		}
		stored = nil
		for _, id := range slices.Sorted(maps.Keys(byRole)) {
			stored = append(stored, byRole[id]...)
		}
		return nil
	})
	return stored, derived, err
}

// storedTraits reads the statistics the last full derivation stored and
// every role's traits: what the drift checks derive from.
func (t tx) storedTraits(ctx context.Context) (*pathway.SimilarityStats, map[string]pathway.RoleTraits, error) {
	st, err := t.storedStats(ctx)
	if err != nil {
		return nil, nil, err
	}
	recs, err := t.run(ctx, "role_profiles", nil)
	if err != nil {
		return nil, nil, err
	}
	return st, traitsFrom(recs), nil
}

// rolesWithEdgesInto lists the roles with an overlap edge into any of ids.
func (t tx) rolesWithEdgesInto(ctx context.Context, ids ...string) ([]string, error) {
	recs, err := t.run(ctx, "overlap_sources_into", map[string]any{"ids": nonNil(ids)})
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(recs))
	for _, rec := range recs {
		out = append(out, get(rec, "id").(string))
	}
	return out, nil
}

// FormsDrift lists the roles whose stored compact form (pathway.Form) is
// missing or differs from the one their traits and the stored statistics
// make: none after every write (TestIncrementalOverlapsSynthetic in
// cmd/lattice). It exists for tests, like OverlapsDrift.
func (s *Store) FormsDrift(ctx context.Context) (ids []string, err error) {
	defer wrap(&err, "cypher.FormsDrift")
	err = s.write(ctx, func(t tx) error {
		st, roles, err := t.storedTraits(ctx)
		if err != nil {
			return err
		}
		recs, err := t.run(ctx, "overlap_forms", nil)
		if err != nil {
			return err
		}
		ids = nil
		for _, rec := range recs {
			id := get(rec, "id").(string)
			want := st.Form(roles[id])
			got := pathway.Form{Sources: stringList(get(rec, "sources")), Dense: floatList(get(rec, "dense"))}
			for _, x := range asList(get(rec, "unlisted")) {
				got.Unlisted = append(got.Unlisted, intOf(x))
			}
			norms := floatList(get(rec, "norms"))
			if get(rec, "stamp") != st.Stamp() || len(norms) != 2 || norms[0] != want.NSkills ||
				norms[1] != want.NTech || !slices.Equal(got.Sources, want.Sources) ||
				!slices.Equal(got.Dense, want.Dense) || !slices.Equal(got.Unlisted, want.Unlisted) {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		return nil
	})
	return ids, err
}

// ForgetForms removes every role's compact form, leaving the graph as code
// older than the forms wrote it: a write must then build them. It exists for
// tests, like DeleteAll.
func (s *Store) ForgetForms(ctx context.Context) (err error) {
	defer wrap(&err, "cypher.ForgetForms")
	return s.write(ctx, func(t tx) error {
		_, err := t.run(ctx, "forget_overlap_forms", nil)
		return err
	})
}
