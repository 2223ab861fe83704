package web

import "net/http"

const recredentialingQuery = `query Recredentialing($first: Int) {
  recredentialingCandidates(first: $first) {
    role { id title level industry wage { median } vacancies education { name } }
    score
    criteria { degreeInflation hiringInflux retentionChallenge careerPathways }
    replacementSkills { skill { id name } level importance }
    rolesOpened
  }
}`

type candidate struct {
	Role struct {
		ID, Title       string
		Level, Industry *string
		Wage            *wage
		Vacancies       *int
		Education       *ref
	}
	Score    float64
	Criteria struct {
		DegreeInflation, HiringInflux, RetentionChallenge, CareerPathways float64
	}
	ReplacementSkills []roleSkill
	RolesOpened       int
}

// criterion is one of the four criteria of a candidate, in words.
type criterion struct {
	Name, Means string
	Value       float64
}

// Criteria4 lists the four criteria in the order the score weighs them.
func (c candidate) Criteria4() []criterion {
	return []criterion{
		{"Degree inflation", "asks for a degree that skills could stand in for", c.Criteria.DegreeInflation},
		{"Hiring influx", "many openings in the next year", c.Criteria.HiringInflux},
		{"Retention trouble", "many people leave each year", c.Criteria.RetentionChallenge},
		{"Career pathways", "leads on to higher-level roles", c.Criteria.CareerPathways},
	}
}

// recredentialing ranks the roles where skills could replace a degree
// requirement, with why (the four criteria) and what it would open.
func (e *Explorer) recredentialing(w http.ResponseWriter, r *http.Request) {
	const title = "Roles to recredential"
	var data struct{ RecredentialingCandidates []candidate }
	if err := e.query(r, recredentialingQuery, map[string]any{"first": 10}, &data); err != nil {
		e.fail(w, r, "recredentialing", title, err, "")
		return
	}
	var d any // no candidates: the page says so
	if cs := data.RecredentialingCandidates; len(cs) > 0 {
		d = map[string]any{"Candidates": cs, "Charts": criteriaCharts(cs)}
	}
	e.render(w, r, "recredentialing", page{Title: title, Data: d})
}
