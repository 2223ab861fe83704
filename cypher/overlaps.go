package cypher

import (
	"context"
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
		})
	}
	return reqs
}

// refreshOverlaps re-derives every OVERLAPS edge from the roles' traits,
// inside the caller's transaction, so the edges always match the profiles
// that commit with them, and stores the statistics relatedness weighs by on
// the skills. The whole graph is recomputed: a changed profile can move any
// role's top moves.
func (t tx) refreshOverlaps(ctx context.Context) error {
	recs, err := t.run(ctx, "role_profiles", nil)
	if err != nil {
		return err
	}
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
	st := pathway.NewSimilarityStats(roles)
	if err := t.storeSimilarityStats(ctx, st); err != nil {
		return err
	}
	edges := pathway.Overlaps(roles, st)
	if _, err := t.run(ctx, "delete_overlaps", nil); err != nil {
		return err
	}
	rows := make([]map[string]any, len(edges))
	for i, e := range edges {
		rows[i] = map[string]any{"from": e.FromID, "to": e.ToID, "score": e.Score, "shared": e.Shared}
	}
	for start := 0; start < len(rows); start += batchSize {
		end := min(start+batchSize, len(rows))
		if _, err := t.run(ctx, "create_overlaps", map[string]any{"rows": rows[start:end]}); err != nil {
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
		rows = append(rows, map[string]any{"id": id, "df": int64(ss.DF), "dense": ss.Dense})
	}
	for start := 0; start < len(rows); start += batchSize {
		if _, err := t.run(ctx, "set_similarity_stats", map[string]any{"rows": rows[start:min(start+batchSize, len(rows))]}); err != nil {
			return err
		}
	}
	return nil
}
