package cypher

import (
	"context"

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
		})
	}
	return reqs
}

// refreshOverlaps re-derives every OVERLAPS edge from the skills profiles,
// inside the caller's transaction, so the edges always match the profiles
// that commit with them. The whole graph is recomputed: a changed profile can
// move any role's top moves.
func (t tx) refreshOverlaps(ctx context.Context) error {
	recs, err := t.run(ctx, "role_profiles", nil)
	if err != nil {
		return err
	}
	profiles := make(map[string][]pathway.Requirement, len(recs))
	for _, rec := range recs {
		profiles[get(rec, "id").(string)] = requirementsFrom(get(rec, "skills"))
	}
	edges := pathway.Overlaps(profiles)
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
