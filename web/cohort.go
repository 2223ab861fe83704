package web

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// cohortColumns are the columns of a cohort CSV, in the template's order.
var cohortColumns = []string{"name", "role", "skills", "credentials", "education"}

const cohortTemplate = "name,role,skills,credentials,education\n" +
	"Ana,Help Desk Technician,Networking:3;Technical Support:4,CompTIA A+,High school diploma\n" +
	"Ben,IT Support Specialist,,,\n" +
	"Chloe,,Customer Service:4;Operating Systems:2,,Associate degree\n"

// maxCohortCSV bounds an uploaded or pasted CSV; 200 members fit well within it.
const maxCohortCSV = 1 << 20

// member is one row of a cohort CSV, resolved to the graph's ids.
type member struct {
	Row  int
	Name string
	profile
}

// readCohortCSV reads the rows of a cohort CSV: a header naming the columns
// (in any order; name is the only one needed), then one member a row.
// Problems are sentences naming the row.
func readCohortCSV(text string) ([][]string, map[string]int, []string) {
	rd := csv.NewReader(strings.NewReader(strings.TrimPrefix(text, "\ufeff")))
	rd.FieldsPerRecord = -1
	rd.TrimLeadingSpace = true
	rows, err := rd.ReadAll()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, nil, []string{fmt.Sprintf("Row %d cannot be read as CSV: %s.", pe.Line, pe.Err)}
		}
		return nil, nil, []string{"The file cannot be read as CSV."}
	}
	if len(rows) == 0 {
		return nil, nil, []string{"The CSV is empty: give a header row and one row a member."}
	}
	cols := map[string]int{}
	for i, h := range rows[0] {
		cols[strings.ToLower(strings.TrimSpace(h))] = i
	}
	if _, ok := cols["name"]; !ok {
		return nil, nil, []string{"The first row must name the columns: " + strings.Join(cohortColumns, ",") + "."}
	}
	var problems []string
	for k := range cols {
		if k != "" && !slices.Contains(cohortColumns, k) {
			problems = append(problems, "Row 1: there is no column called “"+k+"”; the columns are "+strings.Join(cohortColumns, ", ")+".")
		}
	}
	return rows[1:], cols, problems
}

// split reads a list cell: items separated by semicolons.
func split(cell string) []string {
	var out []string
	for _, s := range strings.Split(cell, ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// resolver turns the names people use into ids, with one batched search.
type resolver struct {
	e      *Explorer
	r      *http.Request
	levels []educationLevel
	hits   map[string][]searchHit
}

// prefetch searches every distinct name at once: aliases are fixed, the
// names reach the query only as $variables.
func (rs *resolver) prefetch(names []string) error {
	rs.hits = map[string][]searchHit{}
	const chunk = 40
	for start := 0; start < len(names); start += chunk {
		part := names[start:min(start+chunk, len(names))]
		vars := map[string]any{}
		var decls, fields []string
		for i, n := range part {
			decls = append(decls, fmt.Sprintf("$t%d: String!", i))
			fields = append(fields, fmt.Sprintf("h%d: search(text: $t%d, first: 10) { id name kind }", i, i))
			vars[fmt.Sprintf("t%d", i)] = n
		}
		if start == 0 {
			fields = append(fields, "educationLevels { id name rank }")
		}
		var raw map[string]json.RawMessage
		if err := rs.e.query(rs.r, operation("Names", strings.Join(decls, ", "), fields), vars, &raw); err != nil {
			return err
		}
		if start == 0 {
			json.Unmarshal(raw["educationLevels"], &rs.levels)
		}
		for i, n := range part {
			var hits []searchHit
			json.Unmarshal(raw[fmt.Sprintf("h%d", i)], &hits)
			rs.hits[n] = hits
		}
	}
	return nil
}

// find is the id of name of kind: a node whose name or id is name, or else
// the best match; read is the name it was read as, when not the same.
func (rs *resolver) find(name, kind string) (id, read string, err error) {
	for _, h := range rs.hits[name] {
		if h.Kind == kind && (strings.EqualFold(h.Name, name) || h.ID == name) {
			return h.ID, "", nil
		}
	}
	// An id: the search reads names only, so ask for the node itself.
	field := map[string]string{"ROLE": "role(id: $id) { id }", "SKILL": "skill(id: $id) { id }", "CREDENTIAL": "credential(id: $id) { id }"}[kind]
	if field != "" && !strings.ContainsAny(name, " \t") {
		var one map[string]json.RawMessage
		err := rs.e.query(rs.r, "query Node($id: ID!) { node: "+field+" }", map[string]any{"id": name}, &one)
		var api *apiError
		if err == nil {
			return name, "", nil
		}
		if !errors.As(err, &api) || api.Code != "NOT_FOUND" {
			return "", "", err
		}
	}
	for _, h := range rs.hits[name] {
		if h.Kind == kind {
			return h.ID, h.Name, nil
		}
	}
	return "", "", nil
}

func (rs *resolver) education(name string) string {
	for _, l := range rs.levels {
		if l.ID == name || strings.EqualFold(l.Name, name) {
			return l.ID
		}
	}
	// "Bachelor's degree" written with a straight or a curly apostrophe.
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "’", "'")) }
	for _, l := range rs.levels {
		if strings.Contains(norm(l.Name), norm(name)) {
			return l.ID
		}
	}
	return ""
}

// resolveMembers reads the rows into members; problems and notes are
// sentences naming the row (a CSV row counts its header as row 1).
func (e *Explorer) resolveMembers(r *http.Request, rows [][]string, cols map[string]int) (members []member, problems, notes []string, err error) {
	cell := func(row []string, col string) string {
		i, ok := cols[col]
		if !ok || i >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[i])
	}
	seen := map[string]bool{}
	var names []string
	add := func(n string) {
		if n != "" && !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, row := range rows {
		add(cell(row, "role"))
		for _, s := range split(cell(row, "skills")) {
			add(skillName(s))
		}
		for _, c := range split(cell(row, "credentials")) {
			add(c)
		}
	}
	rs := &resolver{e: e, r: r}
	if err := rs.prefetch(names); err != nil {
		return nil, nil, nil, err
	}
	for i, row := range rows {
		n := i + 2
		if len(strings.Join(row, "")) == 0 {
			continue
		}
		m := member{Row: n, Name: cell(row, "name")}
		if m.Name == "" {
			m.Name = fmt.Sprintf("Row %d", n)
		}
		look := func(name, kind, what string) string {
			if err != nil {
				return ""
			}
			id, read, ferr := rs.find(name, kind)
			if ferr != nil {
				err = ferr
				return ""
			}
			if id == "" {
				problems = append(problems, fmt.Sprintf("Row %d: there is no %s called “%s”.", n, what, name))
			} else if read != "" {
				notes = append(notes, fmt.Sprintf("Row %d: “%s” was read as the %s %s.", n, name, what, read))
			}
			return id
		}
		if v := cell(row, "role"); v != "" {
			m.From = look(v, "ROLE", "role")
		}
		for _, s := range split(cell(row, "skills")) {
			level := 3
			if i := strings.LastIndex(s, ":"); i > 0 {
				l, perr := strconv.Atoi(strings.TrimSpace(s[i+1:]))
				if perr != nil || l < 1 || l > 5 {
					problems = append(problems, fmt.Sprintf("Row %d: the level of “%s” must be a number from 1 to 5.", n, s))
					continue
				}
				level = l
			}
			if id := look(skillName(s), "SKILL", "skill"); id != "" {
				m.Skills = append(m.Skills, heldSkill{ID: id, Level: level})
			}
		}
		for _, c := range split(cell(row, "credentials")) {
			if id := look(c, "CREDENTIAL", "credential"); id != "" {
				m.Credentials = append(m.Credentials, id)
			}
		}
		if v := cell(row, "education"); v != "" {
			if m.Education = rs.education(v); m.Education == "" {
				problems = append(problems, fmt.Sprintf("Row %d: there is no education level called “%s”.", n, v))
			}
		}
		if err != nil {
			return nil, nil, nil, err
		}
		if m.profile.Empty() {
			problems = append(problems, fmt.Sprintf("Row %d: %s has no role, skill, credential or education: give at least one.", n, m.Name))
		}
		members = append(members, m)
	}
	if len(members) == 0 && len(problems) == 0 {
		problems = append(problems, "The CSV has no member: add one row a member under the header.")
	}
	if len(members) > 200 {
		problems = append(problems, fmt.Sprintf("The CSV has %d members; a cohort plan takes at most 200.", len(members)))
	}
	return members, problems, notes, nil
}

// skillName is a skills cell item without its ":level".
func skillName(s string) string {
	if i := strings.LastIndex(s, ":"); i > 0 {
		if _, err := strconv.Atoi(strings.TrimSpace(s[i+1:])); err == nil {
			return strings.TrimSpace(s[:i])
		}
	}
	return strings.TrimSpace(s)
}

const cohortQuery = `query Cohort($members: [ProfileInput!]!, $to: ID!, $options: CohortOptions) {
  cohortPlan(members: $members, to: $to, options: $options) {
    to { id title }
    members { index ready plan { feasible reason totalCost totalHours totalWeeks complete steps { credential { id name } } coverage { summary } } }
    credentials { credential { id name } takers cohortCost }
    pooledGap { skill { id name } members }
    totalCost ready optimal
  }
}`

type cohortPlan struct {
	To      ref
	Members []struct {
		Index int
		Ready bool
		Plan  struct {
			Feasible                          bool
			Reason                            *string
			TotalCost, TotalHours, TotalWeeks float64
			Complete                          bool
			Steps                             []struct{ Credential ref }
			Coverage                          struct{ Summary string }
		}
	}
	Credentials []struct {
		Credential ref
		Takers     int
		CohortCost float64
	}
	PooledGap []struct {
		Skill   ref
		Members int
	}
	TotalCost float64
	Ready     int
	Optimal   bool
}

// cohortTemplateCSV is the template a person fills in.
func (e *Explorer) cohortTemplateCSV(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="cohort-template.csv"`)
	io.WriteString(w, cohortTemplate)
}

// cohort is the form (GET) and the plan (POST: a CSV is too long for a link).
func (e *Explorer) cohort(w http.ResponseWriter, r *http.Request) {
	const title = "Plan a cohort"
	data := map[string]any{"CSV": "", "To": "", "ToTitle": "", "Budget": "", "Template": cohortTemplate}
	if r.Method != http.MethodPost {
		data["To"] = strings.TrimSpace(r.URL.Query().Get("to"))
		e.render(w, r, "cohort", page{Title: title, Nav: "cohort", Data: data})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 2*maxCohortCSV)
	if err := r.ParseMultipartForm(maxCohortCSV); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		e.render(w, r, "cohort", page{Title: title, Nav: "cohort", Problem: &problem{Status: http.StatusRequestEntityTooLarge, Sentence: "The CSV is too large: a cohort file may be up to 1 MB.", Hint: "Split the cohort, or leave out columns the plan does not read."}})
		return
	}
	text := r.FormValue("csv")
	if f, _, err := r.FormFile("file"); err == nil {
		b, err := io.ReadAll(io.LimitReader(f, maxCohortCSV+1))
		f.Close()
		if err == nil && len(b) > 0 {
			text = string(b)
		}
	}
	to, toTitle := strings.TrimSpace(r.FormValue("to")), strings.TrimSpace(r.FormValue("to_title"))
	data["CSV"], data["To"], data["ToTitle"], data["Budget"] = text, to, toTitle, r.FormValue("budget")
	show := func(problems, notes []string) {
		data["Problems"], data["Notes"] = problems, notes
		e.render(w, r, "cohort", page{Title: title, Nav: "cohort", Data: data})
	}
	var problems []string
	if to == "" && toTitle != "" {
		id, err := e.findID(r, toTitle, "ROLE")
		if err != nil {
			e.fail(w, r, "cohort", title, err, "")
			return
		}
		if id == "" {
			problems = append(problems, "There is no role called “"+toTitle+"” to plan for.")
		}
		to = id
	}
	if to == "" && toTitle == "" {
		problems = append(problems, "Choose the role the cohort moves into.")
	}
	budget, hasBudget := number(r.Form, "budget")
	if strings.TrimSpace(r.FormValue("budget")) != "" && !hasBudget {
		problems = append(problems, "The budget must be an amount in dollars, such as 5000.")
	}
	if strings.TrimSpace(text) == "" {
		show(append(problems, "Paste the cohort’s CSV or choose a CSV file."), nil)
		return
	}
	rows, cols, csvProblems := readCohortCSV(text)
	problems = append(problems, csvProblems...)
	if rows == nil {
		show(problems, nil)
		return
	}
	members, rowProblems, notes, err := e.resolveMembers(r, rows, cols)
	if err != nil {
		e.fail(w, r, "cohort", title, err, "")
		return
	}
	problems = append(problems, rowProblems...)
	if len(problems) > 0 {
		show(problems, notes)
		return
	}
	var inputs []map[string]any
	for _, m := range members {
		inputs = append(inputs, m.input())
	}
	options := map[string]any{}
	if hasBudget {
		options["budget"] = budget
	}
	var out struct{ CohortPlan cohortPlan }
	if err := e.query(r, cohortQuery, map[string]any{"members": inputs, "to": to, "options": options}, &out); err != nil {
		e.fail(w, r, "cohort", title, err, "There is no role with that id to plan for.")
		return
	}
	data["To"], data["ToTitle"] = to, out.CohortPlan.To.Title
	data["Plan"], data["Rows"], data["Notes"] = out.CohortPlan, memberRows(out.CohortPlan, members, to), notes
	data["Chart"] = gapChart(out.CohortPlan, len(members))
	data["Download"] = cohortDownload(out.CohortPlan, members)
	e.render(w, r, "cohort", page{Title: "A plan for the cohort", Nav: "cohort", Data: data})
}

// cohortDownload is the result as a CSV in a data: link, so the download
// needs no second request and no state on the server.
func cohortDownload(p cohortPlan, members []member) template.URL {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"name", "ready", "plan", "cost", "hours", "weeks", "summary"})
	for _, m := range p.Members {
		name := ""
		if m.Index < len(members) {
			name = members[m.Index].Name
		}
		var steps []string
		for _, s := range m.Plan.Steps {
			steps = append(steps, s.Credential.Name)
		}
		summary := m.Plan.Coverage.Summary
		if !m.Plan.Feasible && m.Plan.Reason != nil {
			summary = *m.Plan.Reason
		}
		cw.Write([]string{name, strconv.FormatBool(m.Ready), strings.Join(steps, "; "),
			strconv.FormatFloat(m.Plan.TotalCost, 'f', -1, 64), strconv.FormatFloat(m.Plan.TotalHours, 'f', -1, 64),
			strconv.FormatFloat(m.Plan.TotalWeeks, 'f', -1, 64), summary})
	}
	cw.Write([]string{"Cohort total", strconv.Itoa(p.Ready) + " ready", "", strconv.FormatFloat(p.TotalCost, 'f', -1, 64), "", "", ""})
	cw.Flush()
	return template.URL("data:text/csv;charset=utf-8;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()))
}

// memberRow is one member's line of the result.
type memberRow struct {
	Name               string
	Ready, Feasible    bool
	Steps              []ref
	Cost, Hours, Weeks float64
	Summary, PlanHref  string
}

func memberRows(p cohortPlan, members []member, to string) []memberRow {
	var rows []memberRow
	for _, m := range p.Members {
		if m.Index >= len(members) {
			continue
		}
		row := memberRow{Name: members[m.Index].Name, Ready: m.Ready, Feasible: m.Plan.Feasible, Cost: m.Plan.TotalCost, Hours: m.Plan.TotalHours, Weeks: m.Plan.TotalWeeks, Summary: m.Plan.Coverage.Summary}
		if !m.Plan.Feasible && m.Plan.Reason != nil {
			row.Summary = *m.Plan.Reason
		}
		for _, s := range m.Plan.Steps {
			row.Steps = append(row.Steps, s.Credential)
		}
		v := url.Values{}
		members[m.Index].values(v)
		v.Set("to", to)
		row.PlanHref = "/plan?" + v.Encode()
		rows = append(rows, row)
	}
	return rows
}
