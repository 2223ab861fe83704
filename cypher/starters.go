package cypher

import (
	"context"

	"github.com/lattice-pathways/lattice/pathway"
)

// StarterRoles returns every role with its requirements and the floors of
// the cost and hours of any plan into it (pathway.StarterRole), of the
// industry and within the education ceiling when given, by id.
func (s *Store) StarterRoles(ctx context.Context, maxEducationRank *int, industry *string) (out []pathway.StarterRole, err error) {
	defer wrap(&err, "cypher.StarterRoles(%v, %v)", maxEducationRank, industry)
	params := map[string]any{"maxRank": nil, "industry": nil}
	if maxEducationRank != nil {
		params["maxRank"] = int64(*maxEducationRank)
	}
	if industry != nil {
		params["industry"] = *industry
	}
	recs, err := s.read(ctx, "starter_roles", params)
	if err != nil {
		return nil, err
	}
	out = make([]pathway.StarterRole, 0, len(recs))
	for _, rec := range recs {
		sr := pathway.StarterRole{Role: roleFrom(asMap(get(rec, "role"))), EducationRank: -1}
		if r, ok := num(get(rec, "rank")); ok {
			sr.EducationRank = int(r)
		}
		for _, x := range asList(get(rec, "credentials")) {
			m := asMap(x)
			sr.Credentials = append(sr.Credentials, str(m, "id"))
			sr.CredentialCost = append(sr.CredentialCost, max(0, floatOf(m["cost"])))
			sr.CredentialHours = append(sr.CredentialHours, max(0, floatOf(m["hours"])))
		}
		if f := asMap(get(rec, "floor")); f != nil {
			sr.EducationCost, sr.EducationHours = max(0, floatOf(f["cost"])), max(0, floatOf(f["hours"]))
		}
		out = append(out, sr)
	}
	return out, nil
}
