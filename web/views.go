package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// The API's answers, as the pages read them (encoding/json matches the
// GraphQL field names case-insensitively).
type (
	wage struct{ Min, Max, Median *float64 }
	ref  struct {
		ID    string
		Title string
		Name  string
	}
	searchHit struct {
		ID, Name, Kind string
		Score          float64
	}
	roleSkill struct {
		Skill      ref
		Level      int
		Importance *float64
	}
	role struct {
		ID, Title                       string
		Level, Industry, OccupationCode *string
		Description                     *string
		Wage                            *wage
		Vacancies                       *int
		TurnoverRate                    *float64
		AdvancementPotential            *bool
		JobZone, Employment             *int
		ProjectedGrowth                 *float64
		EntryEducation, EntryTraining   *string
		Interests                       *struct{ Code string }
		Education                       *ref
		DegreeRequired                  bool
		SkillsProfile                   []struct {
			Name                string
			Required, Preferred []roleSkill
		}
		Credentials []credential
		Overlaps    []struct {
			Role         role
			Score        float64
			SharedSkills int
		}
		Broader, Narrower []ref
	}
	credential struct {
		ID, Name, Kind string
		Issuer         *string
		Cost, Hours    *float64
		Weeks          *float64
	}
	educationLevel struct {
		ID, Name string
		Rank     int
	}
)

const searchQuery = `query Search($text: String!, $first: Int) { search(text: $text, first: $first) { id name kind score } }`

// kindLabel names a node kind in plain words.
func kindLabel(kind string) string {
	switch kind {
	case "ROLE":
		return "Role"
	case "SKILL":
		return "Skill"
	case "CREDENTIAL":
		return "Credential"
	case "EDUCATION_LEVEL":
		return "Education"
	}
	return strings.ToLower(kind)
}

// hitHref is the page a search hit opens.
func hitHref(h searchHit) string {
	switch h.Kind {
	case "ROLE":
		return "/roles/" + url.PathEscape(h.ID)
	case "SKILL":
		return "/skills/" + url.PathEscape(h.ID)
	}
	return "/stacks/" + url.PathEscape(h.ID)
}

func (e *Explorer) home(w http.ResponseWriter, r *http.Request) { e.homePage(w, r, nil) }

// homePage is the home page, with a sentence for the student form when it
// could not be read.
func (e *Explorer) homePage(w http.ResponseWriter, r *http.Request, studentProblem *problem) {
	var data struct{ EducationLevels []educationLevel }
	if err := e.query(r, `{ educationLevels { id name rank } }`, nil, &data); err != nil {
		e.fail(w, r, "home", "Find your next step", err, "")
		return
	}
	status := http.StatusOK
	if studentProblem != nil {
		status = studentProblem.Status
	}
	e.renderStatus(w, r, "home", page{Title: "Find your next step", Nav: "home", Data: map[string]any{
		"EducationLevels": data.EducationLevels, "Areas": riasec, "Problem": studentProblem,
		"Education": r.URL.Query().Get("education"), "Interest": r.URL.Query().Get("interest"), "Picked": r.URL.Query()["pick"],
	}}, status)
}

// search is the results page: the search box's answer without JavaScript.
func (e *Explorer) search(w http.ResponseWriter, r *http.Request) {
	text := strings.TrimSpace(r.URL.Query().Get("q"))
	type hit struct {
		searchHit
		Href, KindLabel string
	}
	var hits []hit
	if text != "" {
		var data struct{ Search []searchHit }
		if err := e.query(r, searchQuery, map[string]any{"text": text, "first": 30}, &data); err != nil {
			e.fail(w, r, "search", "Search", err, "Nothing matches that search.")
			return
		}
		for _, h := range data.Search {
			hits = append(hits, hit{h, hitHref(h), kindLabel(h.Kind)})
		}
	}
	e.render(w, r, "search", page{Title: "Search", Data: map[string]any{"Text": text, "Hits": hits}})
}

// suggest answers the search box's autocomplete as JSON: name, kind and the
// page each hit opens. kind, when given, keeps one kind of node.
func (e *Explorer) suggest(w http.ResponseWriter, r *http.Request) {
	text := strings.TrimSpace(r.URL.Query().Get("q"))
	kind := r.URL.Query().Get("kind")
	type suggestion struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Kind string `json:"kind"`
		Href string `json:"href"`
	}
	out := []suggestion{}
	w.Header().Set("Content-Type", "application/json")
	if len([]rune(text)) >= 2 {
		var data struct{ Search []searchHit }
		if err := e.query(r, searchQuery, map[string]any{"text": text, "first": 20}, &data); err != nil {
			p := e.explain(r, err, "")
			w.WriteHeader(p.Status)
			json.NewEncoder(w).Encode(map[string]string{"error": p.Sentence})
			return
		}
		for _, h := range data.Search {
			if kind == "" || h.Kind == kind {
				out = append(out, suggestion{h.ID, h.Name, kindLabel(h.Kind), hitHref(h)})
			}
		}
		if len(out) > 8 {
			out = out[:8]
		}
	}
	json.NewEncoder(w).Encode(out)
}

const roleQuery = `query Role($id: ID!) {
  role(id: $id) {
    id title level industry description
    wage { min max median } vacancies turnoverRate advancementPotential employment projectedGrowth
    entryEducation entryTraining interests { code }
    education { id name } degreeRequired
    skillsProfile { name required { skill { id name } level importance } preferred { skill { id name } level importance } }
    credentials { id name kind cost hours }
    overlaps(first: 8) { role { id title wage { median } } score sharedSkills }
    broader { id title } narrower { id title }
  }
}`

// detail reads the page of the node the path names after prefix into data.
// It answers the request itself and returns false when there is no page to
// render: no id sends the visitor home, a failed read renders the problem.
func (e *Explorer) detail(w http.ResponseWriter, r *http.Request, prefix, query string, data any, name, title, notFound string) (id string, ok bool) {
	id = pathID(r, prefix)
	if id == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return "", false
	}
	if err := e.query(r, query, map[string]any{"id": id}, data); err != nil {
		e.fail(w, r, name, title, err, notFound)
		return "", false
	}
	return id, true
}

func (e *Explorer) role(w http.ResponseWriter, r *http.Request) {
	var data struct{ Role role }
	if _, ok := e.detail(w, r, "/roles/", roleQuery, &data, "role", "Role", "There is no role with that id."); !ok {
		return
	}
	e.render(w, r, "role", page{Title: data.Role.Title, Data: data.Role})
}

// skillCerts is how many certifying credentials a skill's page lists; it
// asks for one more to tell whether there are more (a generic skill has
// more than a thousand certifying programs).
const skillCerts = 50

var skillQuery = `query Skill($id: ID!) {
  skill(id: $id) {
    id name category type description halfLifeYears
    certifiedBy(first: ` + strconv.Itoa(skillCerts+1) + `) { level credential { id name kind cost hours } }
    broader { id name } narrower { id name }
  }
}`

func (e *Explorer) skill(w http.ResponseWriter, r *http.Request) {
	var data struct {
		Skill struct {
			ID, Name                    string
			Category, Type, Description *string
			HalfLifeYears               *float64
			CertifiedBy                 []struct {
				Level      int
				Credential credential
			}
			Broader, Narrower []ref
			// MoreCerts: more credentials certify it than the page lists.
			MoreCerts bool
		}
	}
	if _, ok := e.detail(w, r, "/skills/", skillQuery, &data, "skill", "Skill", "There is no skill with that id."); !ok {
		return
	}
	if c := data.Skill.CertifiedBy; len(c) > skillCerts {
		data.Skill.CertifiedBy, data.Skill.MoreCerts = c[:skillCerts], true
	}
	e.render(w, r, "skill", page{Title: data.Skill.Name, Data: data.Skill})
}

const stackQuery = `query Stack($id: ID!) {
  credentialStack(id: $id) {
    id
    rungs {
      id name kind position cost hours weeks creditHours creditCost
      educationRequired { id name rank } educationLevel { id name rank }
      credential { id kind issuer }
      opens { role { id title } wage { min max median } how }
    }
  }
}`

type rung struct {
	ID, Name, Kind          string
	Position                int
	Cost, Hours, Weeks      *float64
	CreditHours, CreditCost float64
	EducationRequired       *educationLevel
	EducationLevel          *educationLevel
	Credential              *struct {
		ID, Kind string
		Issuer   *string
	}
	Opens []struct {
		Role ref
		Wage *wage
		How  string
	}
}

// stackGroup is the rungs a person climbs after one stage of education.
type stackGroup struct {
	Heading string
	Rungs   []rung
}

// stage is where a rung sits: after high school (or less), after an
// associate degree, or after a bachelor's degree, by the education it needs.
func stage(r rung) int {
	rank := 0
	if r.EducationRequired != nil {
		rank = r.EducationRequired.Rank
	}
	switch {
	case rank >= 4:
		return 2
	case rank >= 3:
		return 1
	}
	return 0
}

var stageHeadings = []string{"After high school", "After an associate degree", "After a bachelor’s degree"}

func (e *Explorer) stack(w http.ResponseWriter, r *http.Request) {
	var data struct {
		CredentialStack struct {
			ID    string
			Rungs []rung
		}
	}
	id, ok := e.detail(w, r, "/stacks/", stackQuery, &data, "stack", "Credential ladder", "There is no credential or education level with that id.")
	if !ok {
		return
	}
	name := id
	var groups []stackGroup
	for _, rg := range data.CredentialStack.Rungs {
		if rg.ID == id {
			name = rg.Name
		}
		// Rungs come lowest first; a stage never goes back down the ladder.
		s := stage(rg)
		if len(groups) > 0 && groups[len(groups)-1].Heading == stageHeadings[s] {
			groups[len(groups)-1].Rungs = append(groups[len(groups)-1].Rungs, rg)
			continue
		}
		groups = append(groups, stackGroup{Heading: stageHeadings[s], Rungs: []rung{rg}})
	}
	e.render(w, r, "stack", page{Title: "The ladder through " + name, Data: map[string]any{"ID": id, "Name": name, "Groups": groups}})
}

// profileNames is the query part that names what the profile form shows:
// the education levels to choose from, and the role, credentials and skills
// held. Aliases are fixed names; only $variables carry the ids.
func profileNames(p profile, vars map[string]any) (decls, fields string) {
	var d, f []string
	f = append(f, "educationLevels { id name rank }")
	if p.From != "" {
		d = append(d, "$pFrom: ID!")
		f = append(f, "pFrom: role(id: $pFrom) { id title }")
		vars["pFrom"] = p.From
	}
	for i, c := range p.Credentials {
		d = append(d, fmt.Sprintf("$pC%d: ID!", i))
		f = append(f, fmt.Sprintf("pC%d: credential(id: $pC%d) { id name }", i, i))
		vars[fmt.Sprintf("pC%d", i)] = c
	}
	for i, s := range p.Skills {
		d = append(d, fmt.Sprintf("$pS%d: ID!", i))
		f = append(f, fmt.Sprintf("pS%d: skill(id: $pS%d) { id name }", i, i))
		vars[fmt.Sprintf("pS%d", i)] = s.ID
	}
	return strings.Join(d, ", "), strings.Join(f, "\n  ")
}

// join adds variable declarations to a list of them.
func join(decls, more string) string {
	if decls == "" {
		return more
	}
	return decls + ", " + more
}

// operation writes a query document from fixed field texts; input reaches it
// only through the declared $variables.
func operation(name, decls string, fields []string) string {
	if decls != "" {
		decls = "(" + decls + ")"
	}
	return "query " + name + decls + " {\n  " + strings.Join(fields, "\n  ") + "\n}"
}

// profileView is the profile form's content.
type profileView struct {
	profile
	FromTitle       string
	EducationLevels []educationLevel
	CredentialNames []ref
	SkillNames      []struct {
		ref
		Level int
	}
}

// Held is the profile itself, for links that keep it.
func (v profileView) Held() profile { return v.profile }

// readNames decodes what profileNames asked for.
func readNames(p profile, raw map[string]json.RawMessage) profileView {
	v := profileView{profile: p}
	json.Unmarshal(raw["educationLevels"], &v.EducationLevels)
	var from ref
	if json.Unmarshal(raw["pFrom"], &from) == nil {
		v.FromTitle = from.Title
	}
	for i := range p.Credentials {
		var c ref
		json.Unmarshal(raw[fmt.Sprintf("pC%d", i)], &c)
		v.CredentialNames = append(v.CredentialNames, c)
	}
	for i, s := range p.Skills {
		var k ref
		json.Unmarshal(raw[fmt.Sprintf("pS%d", i)], &k)
		v.SkillNames = append(v.SkillNames, struct {
			ref
			Level int
		}{k, s.Level})
	}
	return v
}

// canonical redirects a form's submission to its clean deep link; it returns
// false when the request already is one.
func (e *Explorer) canonical(w http.ResponseWriter, r *http.Request, name, title string) bool {
	q := r.URL.Query()
	if !needsCanonical(q) {
		return false
	}
	clean, msg, err := e.resolveHelpers(r, q)
	if err != nil {
		e.fail(w, r, name, title, err, "Something in this form names nothing we know.")
		return true
	}
	if msg != "" {
		e.render(w, r, name, page{Title: title, Problem: &problem{Status: http.StatusBadRequest, Sentence: msg, Hint: "Go back and change the form."}})
		return true
	}
	http.Redirect(w, r, r.URL.Path+"?"+clean.Encode(), http.StatusSeeOther)
	return true
}

const planFields = `upskillingPath(from: $from, to: $to, options: $options) {
    to { id title wage { median } }
    objective feasible reason optimal totalCost totalHours totalWeeks complete
    steps { position credential { id name issuer kind } closes { id name } cost hours weeks why }
    coverage { requiredGaps closed share summary open { skill { id name } level heldLevel reason } }
    alternatives { totalCost totalHours totalWeeks steps { credential { id name } } }
    tradeOffFront { totalCost totalHours totalWeeks steps { credential { id name } } }
  }`

// frontPlan is one plan of the trade-off front.
type frontPlan struct {
	TotalCost, TotalHours, TotalWeeks float64
	Steps                             []struct{ Credential ref }
}

type plan struct {
	To                                struct{ ID, Title string }
	Objective                         string
	Feasible, Optimal, Complete       bool
	Reason                            *string
	TotalCost, TotalHours, TotalWeeks float64
	Steps                             []struct {
		Position           int
		Credential         credential
		Closes             []ref
		Cost, Hours, Weeks float64
		Why                []string
	}
	Coverage struct {
		RequiredGaps, Closed int
		Share                float64
		Summary              string
		Open                 []struct {
			Skill            ref
			Level, HeldLevel int
			Reason           string
		}
	}
	Alternatives []struct {
		TotalCost, TotalHours, TotalWeeks float64
		Steps                             []struct{ Credential ref }
	}
	TradeOffFront []frontPlan
}

var objectives = []struct{ Value, Label string }{
	{"COST", "the lowest cost"}, {"HOURS", "the fewest learning hours"}, {"WEEKS", "the fewest weeks"}, {"STEPS", "the fewest credentials"},
}

func (e *Explorer) plan(w http.ResponseWriter, r *http.Request) {
	const title = "Plan a way there"
	// A POST carries badge or learner record files on top of the link's
	// profile; a file cannot ride in a link, so it is read and not kept.
	var records, recordNames []string
	if r.Method == http.MethodPost {
		var msg string
		records, recordNames, msg = readRecords(w, r)
		if msg != "" {
			e.render(w, r, "plan", page{Title: title, Nav: "plan", Problem: &problem{Status: http.StatusBadRequest, Sentence: msg, Hint: "Go back and choose another file."}})
			return
		}
	} else if e.canonical(w, r, "plan", title) {
		return
	}
	q := r.URL.Query()
	p := readProfile(q)
	to := strings.TrimSpace(q.Get("to"))
	objective := strings.ToUpper(q.Get("objective"))
	if !slices.ContainsFunc(objectives, func(o struct{ Value, Label string }) bool { return o.Value == objective }) {
		objective = "COST"
	}
	options := map[string]any{"objective": objective, "alternatives": 3, "skillsFirst": q.Get("skillsFirst") != "", "tradeOffFront": true}
	maxCost, hasCost := number(q, "maxCost")
	if hasCost {
		options["maxCost"] = maxCost
	}
	maxHours, hasHours := number(q, "maxHours")
	if hasHours {
		options["maxHours"] = maxHours
	}
	vars := map[string]any{}
	decls, names := profileNames(p, vars)
	fields := []string{names}
	ready := to != "" && (!p.Empty() || len(records) > 0)
	if to != "" {
		decls = join(decls, "$to: ID!")
		vars["to"] = to
		fields = append(fields, "pTo: role(id: $to) { id title }")
	}
	if ready {
		decls = join(decls, "$from: ProfileInput!, $options: PlanOptions")
		in := p.input()
		if len(records) > 0 {
			in["records"] = records
		}
		vars["from"], vars["options"] = in, options
		fields = append(fields, planFields)
	}
	doc := operation("Plan", decls, fields)
	var raw map[string]json.RawMessage
	if err := e.query(r, doc, vars, &raw); err != nil {
		e.fail(w, r, "plan", title, err, "There is no role, credential, skill or education level with an id in this link.")
		return
	}
	var toRole ref
	json.Unmarshal(raw["pTo"], &toRole)
	var pl *plan
	if ready {
		pl = new(plan)
		if err := json.Unmarshal(raw["upskillingPath"], pl); err != nil {
			e.fail(w, r, "plan", title, err, "")
			return
		}
	}
	heading := title
	if toRole.Title != "" {
		heading = "A way to " + toRole.Title
	}
	e.render(w, r, "plan", page{Title: heading, Nav: "plan", Data: map[string]any{
		"Profile": readNames(p, raw), "To": to, "ToTitle": toRole.Title, "Objective": objective, "Objectives": objectives,
		"SkillsFirst": q.Get("skillsFirst") != "", "MaxCost": q.Get("maxCost"), "MaxHours": q.Get("maxHours"),
		"Plan": pl, "Ready": ready, "Records": recordNames, "Front": frontPlot(frontOf(pl), pl, q),
		"RecordAction": "/plan?" + q.Encode(),
	}})
}

func frontOf(pl *plan) []frontPlan {
	if pl == nil || !pl.Feasible {
		return nil
	}
	return pl.TradeOffFront
}

// readRecords reads the Open Badges or CLR files of a profile form: at most
// 20, 1 MB each, as the API takes them. msg is a sentence when one cannot be
// used.
func readRecords(w http.ResponseWriter, r *http.Request) (records, names []string, msg string) {
	const most, each = 20, 1 << 20
	r.Body = http.MaxBytesReader(w, r.Body, most*each+1<<16)
	if err := r.ParseMultipartForm(2 * each); err != nil {
		return nil, nil, "The file could not be read: a badge or learner record may be up to 1 MB, and at most 20 at once."
	}
	files := r.MultipartForm.File["record"]
	if len(files) > most {
		return nil, nil, fmt.Sprintf("That is %d files; a profile takes at most %d badges or learner records.", len(files), most)
	}
	for _, fh := range files {
		if fh.Size > each {
			return nil, nil, "“" + fh.Filename + "” is larger than 1 MB, too large for a badge or learner record."
		}
		f, err := fh.Open()
		if err != nil {
			return nil, nil, "“" + fh.Filename + "” could not be read."
		}
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, nil, "“" + fh.Filename + "” could not be read."
		}
		if !json.Valid(b) {
			return nil, nil, "“" + fh.Filename + "” is not a JSON file: choose an Open Badges 3.0 or CLR 2.0 credential saved as JSON."
		}
		records, names = append(records, string(b)), append(names, fh.Filename)
	}
	if len(records) == 0 {
		return nil, nil, "Choose a badge or learner record file first."
	}
	return records, names, ""
}

const reachFields = `reachableRoles(from: $from, limits: $limits, orderBy: $order, first: 30) {
    role { id title industry wage { median } vacancies education { name } }
    score overlap steps path { id title } wageGain openNow learnedOnTheJob { id name }
    firstStep { id name cost hours } interestMatch
    plan { feasible totalCost totalHours }
  }`

type reached struct {
	Role struct {
		ID, Title string
		Industry  *string
		Wage      *wage
		Vacancies *int
		Education *ref
	}
	Score, Overlap  float64
	Steps           int
	Path            []ref
	WageGain        *float64
	OpenNow         bool
	LearnedOnTheJob []ref
	FirstStep       *credential
	InterestMatch   *float64
	Plan            *struct {
		Feasible              bool
		TotalCost, TotalHours float64
	}
}

var sorts = []struct{ Value, Label string }{
	{"RELATEDNESS", "Closest first"}, {"WAGE_GAIN", "Largest wage gain first"}, {"DEMAND", "Most openings first"}, {"PLAN_COST", "Cheapest plan first"},
}

func (e *Explorer) explore(w http.ResponseWriter, r *http.Request) {
	const title = "Roles within reach"
	if e.canonical(w, r, "explore", title) {
		return
	}
	q := r.URL.Query()
	p := readProfile(q)
	order := strings.ToUpper(q.Get("sort"))
	if !slices.ContainsFunc(sorts, func(s struct{ Value, Label string }) bool { return s.Value == order }) {
		order = "RELATEDNESS"
	}
	steps, err := strconv.Atoi(q.Get("steps"))
	if err != nil || steps < 1 || steps > 4 {
		steps = 1
	}
	limits := map[string]any{"maxSteps": steps}
	if v, ok := number(q, "maxCost"); ok {
		limits["maxCost"] = v
	}
	if v, ok := number(q, "maxHours"); ok {
		limits["maxHours"] = v
	}
	if v := strings.TrimSpace(q.Get("maxEducation")); v != "" {
		limits["maxEducationLevelId"] = v
	}
	if v := strings.TrimSpace(q.Get("industry")); v != "" {
		limits["industry"] = v
	}
	vars := map[string]any{}
	decls, names := profileNames(p, vars)
	fields := []string{names}
	if !p.Empty() {
		decls = join(decls, "$from: ProfileInput!, $limits: ReachLimits, $order: ReachOrder")
		vars["from"], vars["limits"], vars["order"] = p.input(), limits, order
		fields = append(fields, reachFields)
	}
	doc := operation("Explore", decls, fields)
	var raw map[string]json.RawMessage
	if err := e.query(r, doc, vars, &raw); err != nil {
		e.fail(w, r, "explore", title, err, "There is no role, credential, skill or education level with an id in this link.")
		return
	}
	var roles []reached
	json.Unmarshal(raw["reachableRoles"], &roles)
	industries := map[string]bool{}
	for _, rr := range roles {
		if rr.Role.Industry != nil {
			industries[*rr.Role.Industry] = true
		}
	}
	var industryList []string
	for i := range industries {
		industryList = append(industryList, i)
	}
	slices.Sort(industryList)
	// Sort links keep every other parameter.
	sortLinks := map[string]string{}
	for _, s := range sorts {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("sort", s.Value)
		sortLinks[s.Value] = "/explore?" + v.Encode()
	}
	held := readNames(p, raw)
	centre := "You"
	if held.FromTitle != "" {
		centre = "You: " + held.FromTitle
	}
	e.render(w, r, "explore", page{Title: title, Nav: "explore", Data: map[string]any{
		"Graph": movesGraph(roles, centre), "Profile": held, "Roles": roles, "Asked": !p.Empty(), "Sort": order, "Sorts": sorts, "SortLinks": sortLinks,
		"Steps": steps, "MaxCost": q.Get("maxCost"), "MaxHours": q.Get("maxHours"), "MaxEducation": q.Get("maxEducation"),
		"Industry": q.Get("industry"), "Industries": industryList,
	}})
}

// funcs are the templates' helpers: plain numbers for people.
var funcs = template.FuncMap{
	"money": func(v any) string {
		f, ok := toFloat(v)
		if !ok {
			return "not known"
		}
		return "$" + thousands(math.Round(f))
	},
	"num": func(v any) string {
		f, ok := toFloat(v)
		if !ok {
			return "not known"
		}
		if f == math.Trunc(f) {
			return thousands(f)
		}
		return strconv.FormatFloat(f, 'f', 1, 64)
	},
	"pct": func(v any) string {
		f, ok := toFloat(v)
		if !ok {
			return "not known"
		}
		return strconv.FormatFloat(f*100, 'f', 0, 64) + "%"
	},
	"percent": func(v any) string { // a value already in percent
		f, ok := toFloat(v)
		if !ok {
			return "not known"
		}
		return strconv.FormatFloat(f, 'f', 1, 64) + "%"
	},
	"known": func(v any) bool { _, ok := toFloat(v); return ok },
	"signedMoney": func(v any) string {
		f, ok := toFloat(v)
		if !ok {
			return "not known"
		}
		sign := "+"
		if f < 0 {
			sign, f = "−", -f
		}
		return sign + "$" + thousands(math.Round(f))
	},
	"level": func(n int) string {
		names := []string{"none", "awareness", "basic", "working", "advanced", "expert"}
		if n >= 0 && n < len(names) {
			return names[n]
		}
		return strconv.Itoa(n)
	},
	"roleHref":  func(id string) string { return "/roles/" + url.PathEscape(id) },
	"skillHref": func(id string) string { return "/skills/" + url.PathEscape(id) },
	"stackHref": func(id string) string { return "/stacks/" + url.PathEscape(id) },
	"planHref": func(from, to string) string {
		v := url.Values{}
		set(v, "from", from)
		v.Set("to", to)
		return "/plan?" + v.Encode()
	},
	"planFrom": func(p profile, to string) string {
		v := url.Values{}
		p.values(v)
		v.Set("to", to)
		return "/plan?" + v.Encode()
	},
	"roleLevel": func(s *string) string {
		if s == nil {
			return ""
		}
		return map[string]string{"ENTRY": "Entry level", "MIDDLE_SKILL": "Middle skill", "PROFESSIONAL": "Professional", "EXECUTIVE": "Executive"}[*s]
	},
	"openReason": func(s string) string {
		switch s {
		case "NO_CREDENTIAL":
			return "no credential teaches it: learned on the job"
		case "FOUNDATIONAL":
			return "most occupations need it at this level: learned at work and in general education"
		}
		return "credentials teach it, but none fits this plan"
	},
	"kindName": func(s string) string { return strings.ReplaceAll(strings.ToLower(s), "_", " ") },
	"add":      func(a, b int) int { return a + b },
	// via names the roles a path passes through, the reached role left out.
	"via": func(path []ref) string {
		var titles []string
		for i, r := range path {
			if i < len(path)-1 {
				titles = append(titles, r.Title)
			}
		}
		return strings.Join(titles, ", then ")
	},
	// strength says a 0-to-1 criterion in a word.
	"strength": func(f float64) string {
		switch {
		case f >= 0.67:
			return "Strong"
		case f >= 0.34:
			return "Moderate"
		case f > 0:
			return "Weak"
		}
		return "None"
	},
	"has":    func(list []string, s string) bool { return slices.Contains(list, s) },
	"levels": func() []int { return []int{1, 2, 3, 4, 5} },
	"deref": func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	},
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case *float64:
		if x != nil {
			return *x, true
		}
	case int:
		return float64(x), true
	case *int:
		if x != nil {
			return float64(*x), true
		}
	}
	return 0, false
}

// thousands writes a whole number with thousands separators.
func thousands(f float64) string {
	s := strconv.FormatFloat(math.Abs(f), 'f', 0, 64)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if f < 0 {
		return "-" + s
	}
	return s
}
