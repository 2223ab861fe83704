package cypher

import (
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lattice-pathways/lattice/pathway"
)

// Property maps come back from Neo4j with int64 and float64 values; these
// read them into the domain's optional fields.

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func optStr(m map[string]any, k string) *string {
	if s, ok := m[k].(string); ok {
		return &s
	}
	return nil
}

func num(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case int64:
		return float64(n), true
	}
	return 0, false
}

func optFloat(m map[string]any, k string) *float64 {
	if f, ok := num(m[k]); ok {
		return &f
	}
	return nil
}

func optInt(m map[string]any, k string) *int {
	if f, ok := num(m[k]); ok {
		i := int(f)
		return &i
	}
	return nil
}

func optBool(m map[string]any, k string) *bool {
	if b, ok := m[k].(bool); ok {
		return &b
	}
	return nil
}

func intOf(v any) int {
	f, _ := num(v)
	return int(f)
}

func floatOf(v any) float64 {
	f, _ := num(v)
	return f
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// floatList reads a list of numbers; nil when there is none.
func floatList(v any) []float64 {
	var out []float64
	for _, x := range asList(v) {
		if f, ok := num(x); ok {
			out = append(out, f)
		}
	}
	return out
}

// stringList reads a list of strings, skipping anything else (a null).
func stringList(v any) []string {
	var out []string
	for _, x := range asList(v) {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func get(rec *neo4j.Record, key string) any {
	v, _ := rec.Get(key)
	return v
}

func roleFrom(m map[string]any) pathway.Role {
	r := pathway.Role{
		ID:                   str(m, "id"),
		Title:                str(m, "title"),
		Industry:             optStr(m, "industry"),
		OccupationCode:       optStr(m, "occupationCode"),
		Description:          optStr(m, "description"),
		WageMin:              optFloat(m, "wageMin"),
		WageMax:              optFloat(m, "wageMax"),
		WageMedian:           optFloat(m, "wageMedian"),
		Vacancies:            optInt(m, "vacancies"),
		TurnoverRate:         optFloat(m, "turnoverRate"),
		AdvancementPotential: optBool(m, "advancementPotential"),
		JobZone:              optInt(m, "jobZone"),
		AcceptsAnyField:      optBool(m, "acceptsAnyField"),
		Employment:           optInt(m, "employment"),
		ProjectedGrowth:      optFloat(m, "projectedGrowth"),
		EntryEducation:       optStr(m, "entryEducation"),
		EntryTraining:        optStr(m, "entryTraining"),
		Interests:            floatList(m["interests"]),
	}
	if l := optStr(m, "level"); l != nil {
		lvl := pathway.RoleLevel(*l)
		r.Level = &lvl
	}
	return r
}

func skillFrom(m map[string]any) pathway.Skill {
	return pathway.Skill{
		ID:            str(m, "id"),
		Name:          str(m, "name"),
		Category:      optStr(m, "category"),
		Type:          optStr(m, "type"),
		HalfLifeYears: optFloat(m, "halfLifeYears"),
		Description:   optStr(m, "description"),
		CommonLevel:   optInt(m, "commonLevel"),
	}
}

func credentialFrom(m map[string]any) pathway.Credential {
	return pathway.Credential{
		ID:                 str(m, "id"),
		Name:               str(m, "name"),
		Kind:               str(m, "kind"),
		Issuer:             optStr(m, "issuer"),
		Cost:               optFloat(m, "cost"),
		CohortCost:         optFloat(m, "cohortCost"),
		Hours:              optFloat(m, "hours"),
		Weeks:              optFloat(m, "weeks"),
		IndustryRecognized: optBool(m, "industryRecognized"),
		CTID:               optStr(m, "ctid"),
		Field:              optStr(m, "field"),
		Estimated:          optBool(m, "estimated"),
	}
}

func educationFrom(m map[string]any) pathway.EducationLevel {
	return pathway.EducationLevel{ID: str(m, "id"), Name: str(m, "name"), Rank: intOf(m["rank"])}
}
