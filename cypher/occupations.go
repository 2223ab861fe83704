package cypher

import (
	"context"
	"fmt"
	"regexp"

	"github.com/lattice-pathways/lattice/pathway"
)

// OccupationData is what a labour-market source (BLS) says of one
// occupation: properties for every role whose occupation code starts with
// SOC. SOC is a SOC 2018 code (29-1141), which O*NET-SOC codes (29-1141.00,
// 29-1141.01) start with, or the prefix of an aggregate of several codes
// (13-102 for BLS's 13-1020, which covers 13-1021 to 13-1023).
type OccupationData struct {
	SOC    string
	Fields pathway.RoleFields
}

// socPrefix is a SOC code or an aggregate's prefix: two digits, a hyphen and
// three or four digits, never a whole major group.
var socPrefix = regexp.MustCompile(`^[0-9]{2}-[0-9]{3,4}$`)

// validate checks a row with pathway's rules for role fields (wage order,
// ranges); a row may not rename roles or move them to another occupation.
func (o OccupationData) validate() error {
	if !socPrefix.MatchString(o.SOC) {
		return fmt.Errorf("occupation %q is not a SOC 2018 code such as 29-1141 (or an aggregate's prefix such as 13-102): %w", o.SOC, pathway.ErrInvalid)
	}
	if o.Fields.Title != nil || o.Fields.OccupationCode != nil {
		return fmt.Errorf("occupation %s: occupation data sets neither a role's title nor its occupation code: %w", o.SOC, pathway.ErrInvalid)
	}
	if err := o.Fields.Validate(); err != nil {
		return fmt.Errorf("occupation %s: %w", o.SOC, err)
	}
	return nil
}

// SetOccupationData validates every row, then sets each row's fields on the
// roles of its occupation in one transaction: a role takes the row of the
// longest SOC code its occupation code starts with, so a detailed
// occupation's own row wins over an aggregate's. Only the fields a row gives
// are written; roles no row matches, and every other property, stay as they
// are. The report counts roles: created (none of the fields were set
// before), updated or unchanged. Returns ErrInvalid, writing nothing, when a
// row is invalid or a SOC code appears twice.
func (s *Store) SetOccupationData(ctx context.Context, rows []OccupationData, progress Progress) (rep Report, err error) {
	defer wrap(&err, "cypher.SetOccupationData(%d rows)", len(rows))
	params := make([]map[string]any, 0, len(rows))
	seen := map[string]bool{}
	for _, o := range rows {
		if err := o.validate(); err != nil {
			return rep, err
		}
		if seen[o.SOC] {
			return rep, fmt.Errorf("occupation %s appears twice: %w", o.SOC, pathway.ErrInvalid)
		}
		seen[o.SOC] = true
		params = append(params, map[string]any{"soc": o.SOC, "props": roleProps(o.Fields)})
	}
	const kind = "role (occupation data by SOC code)"
	err = s.write(ctx, func(t tx) error {
		// One statement, not batches: which row a role takes depends on all of them.
		recs, err := t.run(ctx, "set_occupation_data", map[string]any{"rows": params})
		if err != nil {
			return err
		}
		kr := KindReport{Kind: kind}
		for _, rec := range recs {
			kr.count(get(rec, "outcome"), intOf(get(rec, "rows")))
		}
		rep = Report{Kinds: []KindReport{kr}} // the driver may retry the transaction
		if progress != nil {
			progress(kind, len(rows), len(rows))
		}
		return nil
	})
	return rep, err
}

// Occupation is an O*NET occupation as the CIP importer sees it: what its
// role requires, to derive the award levels and the skills of the programs
// that lead to it, and its title and description, to tell which programs of
// a SOC code O*NET splits lead to which of its detailed occupations.
type Occupation struct {
	RoleID      string
	Code        string // the O*NET-SOC code, e.g. 29-1141.01
	Title       string
	Description string
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
		title, _ := get(rec, "title").(string)
		desc, _ := get(rec, "description").(string)
		o := Occupation{RoleID: id, Code: code, Title: title, Description: desc}
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
