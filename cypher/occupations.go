package cypher

import (
	"context"
)

// Occupation is an O*NET occupation as the CIP importer sees it: what its
// role requires, to derive the award levels and the skills of the programs
// that lead to it.
type Occupation struct {
	RoleID string
	Code   string // the O*NET-SOC code, e.g. 29-1141.01
	// Education is the id of the education level the role requires; empty
	// when it requires none.
	Education string
	Skills    []OccupationSkill // skills and knowledge areas, not technologies
}

// OccupationSkill is one skill an occupation requires.
type OccupationSkill struct {
	Skill      string
	Importance float64 // 0 when the edge has none
	Level      int
	Required   bool
}

// Occupations returns the O*NET occupations in the graph (roles of source
// onet with an occupation code), sorted by role id; none before O*NET is
// imported.
func (s *Store) Occupations(ctx context.Context) (out []Occupation, err error) {
	defer wrap(&err, "cypher.Occupations()")
	recs, err := s.read(ctx, "occupation_profiles", nil)
	if err != nil {
		return nil, err
	}
	out = make([]Occupation, 0, len(recs))
	for _, rec := range recs {
		id, _ := get(rec, "id").(string)
		code, _ := get(rec, "code").(string)
		o := Occupation{RoleID: id, Code: code}
		best := -1
		for _, e := range asList(get(rec, "education")) {
			pair := asList(e)
			if len(pair) == 2 && intOf(pair[0]) > best {
				if lv, ok := pair[1].(string); ok {
					best, o.Education = intOf(pair[0]), lv
				}
			}
		}
		for _, v := range asList(get(rec, "skills")) {
			m := asMap(v)
			sk := OccupationSkill{Skill: str(m, "skill"), Level: intOf(m["level"])}
			if imp := optFloat(m, "importance"); imp != nil {
				sk.Importance = *imp
			}
			if req := optBool(m, "required"); req != nil {
				sk.Required = *req
			}
			o.Skills = append(o.Skills, sk)
		}
		out = append(out, o)
	}
	return out, nil
}
