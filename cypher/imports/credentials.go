// Credentials reads a credential catalog, as JSON or CSV (chosen by the file's
// extension: .json, else CSV).
//
// # JSON
//
// One object, {"credentials": [...], "skills": [...]}, in the sample graph's
// format (cypher/sample/README.md): each credential is a cypher.GraphCredential
// (id, name, kind, issuer, cost, cohortCost, hours, weeks, industryRecognized,
// ctid, field, estimated, source, description, certifies [{skill, level}], confers,
// prerequisites [[id, ...], ...], stacksInto [{credential, creditHours,
// creditCost}]) and each skill a cypher.GraphSkill. Unknown fields are
// refused, so a misspelt field never passes silently. Errors give the line
// where the offending value starts and its JSON path, e.g.
// "credentials[3].certifies[0].level" (an unknown field: its name, and the
// line of the first key so named).
//
// # CSV
//
// One row per credential. Headers are matched ignoring case and punctuation
// (cohort_cost, cohortCost and "Cohort Cost" are one column); a tab-separated
// file works too. Columns: id, name, kind (required); issuer, cost,
// cohort_cost, hours, weeks, industry_recognized, ctid, description,
// certifies, confers, prerequisites, stacks_into, field, estimated
// (optional; estimated is yes/no). Any other column
// is refused, as unknown JSON fields are. Errors give the line and the
// column's header. Lists inside a cell:
//
//	certifies      skill-id:level;skill-id:level       ("networking:3;security:2")
//	prerequisites  groups separated by ";", the options of a group by "|"
//	               ("high-school;cna|lpn-license": high school, and a CNA or an LPN license)
//	stacks_into    credential-id:creditHours:creditCost;...   ("comptia-network-plus:40:100")
//
// Ids may themselves contain ":" (ctdl:ce-..., onet:...), so a level, credit
// hours and credit cost are split off from the right, and stacks_into always
// takes both numbers (write 0 for none). industry_recognized is yes/no
// (true/false, y/n, 1/0).
//
// # Rules (both forms)
//
//   - A credential with no id, a field (a six-digit CIP code) and confers
//     is that program's award: its id is cip:<field>:<award>
//     (cip:51.3801:associate for confers associate), so the row overrides
//     what the CIP import made of it, and estimated is false unless given.
//   - Ids (credentials, skills, and every id an edge names) must be valid
//     (pathway.ValidateID); credential and skill ids are unique in the file.
//   - name is required; kind is required and SCREAMING_SNAKE_CASE, as the
//     sample's kinds are (CERTIFICATION, LICENSE, CERTIFICATE, ...).
//   - cost, cohortCost, hours, weeks, creditHours and creditCost are >= 0.
//   - certified levels are on the proficiency scale, 1 to 5; a skill is
//     certified once per credential.
//   - confers is a standard education level id (none, high-school,
//     postsecondary-certificate, associate, bachelor, master, doctorate).
//   - A prerequisite option is a credential id or a standard education level
//     id; a group is never empty. A credential neither requires nor stacks
//     into itself.
//   - Edges may name credentials and skills that are not in the file: they
//     must then already be in the database (the write checks), and a note
//     says so for each.
//   - When any credential confers or requires an education level, the graph
//     includes the standard education levels (StandardLevels).
//
// Output is sorted: credentials and skills by id, certifies by skill,
// stacksInto by credential, the options of each prerequisite group, and the
// groups.

package imports

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// credentialColumns maps normalized CSV headers to fields.
var credentialColumns = map[string]string{
	"id": "id", "name": "name", "kind": "kind", "issuer": "issuer", "cost": "cost",
	"cohortcost": "cohortCost", "hours": "hours", "weeks": "weeks",
	"industryrecognized": "industryRecognized", "ctid": "ctid", "description": "description",
	"certifies": "certifies", "confers": "confers", "prerequisites": "prerequisites",
	"stacksinto": "stacksInto", "field": "field", "estimated": "estimated",
}

var kindPattern = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$`)

// Credentials reads a credential catalog (see the file comment).
func Credentials(path string) (*Import, error) {
	var (
		g   *cypher.Graph
		err error
		loc func(p jsonPath) (int, string) // where a path is, for errors
	)
	if strings.EqualFold(extOf(path), ".json") {
		var data []byte
		data, err = os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		g, err = catalogJSON(path, data)
		loc = func(p jsonPath) (int, string) { return jsonLine(data, p), p.String() }
	} else {
		var rows []int
		var sh *sheet
		g, rows, sh, err = catalogCSV(path)
		loc = func(p jsonPath) (int, string) {
			// p is credentials[i].field...: the row of credential i.
			if len(p) >= 2 {
				if i, ok := p[1].(int); ok && i < len(rows) {
					return rows[i], csvColumnOf(sh, p)
				}
			}
			return 0, p.String()
		}
	}
	if err != nil {
		return nil, err
	}
	if err := programRows(path, g, loc); err != nil {
		return nil, err
	}
	notes, err := checkCatalog(path, g, loc)
	if err != nil {
		return nil, err
	}
	sortCatalog(g)
	if err := g.Validate(); err != nil {
		return nil, errorf(path, 0, "", "%v", trimInvalid(err))
	}
	return &Import{Format: "credentials", Graph: g, Notes: notes}, nil
}

// programRows gives a credential without an id, that names a field (a CIP
// code) and the level it confers, the id of that program's credential at
// that award (cip:<field>:<award>, see CIP), so the catalog's row overrides
// the one the CIP import made: its cost, hours and weeks are the catalog's,
// and estimated is false unless the row says otherwise.
func programRows(path string, g *cypher.Graph, loc func(jsonPath) (int, string)) error {
	for i := range g.Credentials {
		c := &g.Credentials[i]
		if c.ID != "" || c.Field == nil || c.Confers == "" {
			continue
		}
		p := jsonPath{"credentials", i}
		if !cipCodePattern.MatchString(*c.Field) || len(*c.Field) != 7 {
			line, f := loc(p.Add("field"))
			return errorf(path, line, f, "a credential without an id names its program by field, and %q is not a six-digit CIP code (such as 51.3801)", *c.Field)
		}
		c.ID = CIPCredentialID(*c.Field, c.Confers)
		if c.ID == "" {
			line, f := loc(p.Add("confers"))
			return errorf(path, line, f, "a credential without an id names its program's award by the level it confers, and no program award confers %q", c.Confers)
		}
		if c.Estimated == nil {
			c.Estimated = onetPtr(false)
		}
	}
	return nil
}

// catalogJSON decodes the JSON form strictly.
func catalogJSON(path string, data []byte) (*cypher.Graph, error) {
	var doc struct {
		Credentials []cypher.GraphCredential `json:"credentials"`
		Skills      []cypher.GraphSkill      `json:"skills"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, jsonDecodeError(path, data, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errorf(path, lineAt(data, int(dec.InputOffset())), "", "text after the catalog's closing brace")
	}
	if doc.Credentials == nil && doc.Skills == nil {
		return nil, errorf(path, 1, "credentials", "not a credential catalog: the object has no \"credentials\" or \"skills\"")
	}
	return &cypher.Graph{Credentials: doc.Credentials, Skills: doc.Skills}, nil
}

// catalogCSV reads the CSV form. rows[i] is the line of credential i.
func catalogCSV(path string) (*cypher.Graph, []int, *sheet, error) {
	sh, err := readSheet(path)
	if err != nil {
		return nil, nil, nil, err
	}
	cols := map[string]int{}
	for i, h := range sh.header {
		f, ok := credentialColumns[headerKey(h)]
		if !ok {
			return nil, nil, nil, errorf(path, sh.headerLine, h, "not a catalog column (id, name, kind, issuer, cost, cohort_cost, hours, weeks, industry_recognized, ctid, description, certifies, confers, prerequisites, stacks_into, field, estimated)")
		}
		if _, dup := cols[f]; dup {
			return nil, nil, nil, errorf(path, sh.headerLine, h, "the header names this column twice")
		}
		cols[f] = i
	}
	for _, need := range []string{"id", "name", "kind"} {
		if _, ok := cols[need]; !ok {
			return nil, nil, nil, errorf(path, sh.headerLine, need, "missing column in the header")
		}
	}
	g := &cypher.Graph{}
	var rows []int
	for _, row := range sh.rows {
		get := func(f string) string {
			i, ok := cols[f]
			if !ok {
				return ""
			}
			return row.cell(i)
		}
		fail := func(f, format string, args ...any) error {
			return errorf(path, row.line(cols[f]), sh.header[cols[f]], format, args...)
		}
		c := cypher.GraphCredential{ID: get("id"), Name: get("name"), Kind: get("kind"), Confers: get("confers")}
		for _, s := range []struct {
			f   string
			dst **string
		}{{"issuer", &c.Issuer}, {"ctid", &c.CTID}, {"description", &c.Description}, {"field", &c.Field}} {
			if v := get(s.f); v != "" {
				*s.dst = &v
			}
		}
		for _, n := range []struct {
			f   string
			dst **float64
		}{{"cost", &c.Cost}, {"cohortCost", &c.CohortCost}, {"hours", &c.Hours}, {"weeks", &c.Weeks}} {
			v := get(n.f)
			if v == "" {
				continue
			}
			x, err := parseAmount(v)
			if err != nil {
				return nil, nil, nil, fail(n.f, "%q is not a number", v)
			}
			*n.dst = &x
		}
		if v := get("industryRecognized"); v != "" {
			yes, ok := yesNo(v)
			if !ok {
				return nil, nil, nil, fail("industryRecognized", "%q is not yes or no", v)
			}
			c.IndustryRecognized = &yes
		}
		if v := get("estimated"); v != "" {
			yes, ok := yesNo(v)
			if !ok {
				return nil, nil, nil, fail("estimated", "%q is not yes or no", v)
			}
			c.Estimated = &yes
		}
		for _, part := range splitList(get("certifies"), ";") {
			id, lv, ok := cutLast(part, ":")
			if !ok {
				return nil, nil, nil, fail("certifies", "%q is not skill-id:level", part)
			}
			n, err := strconv.Atoi(strings.TrimSpace(lv))
			if err != nil {
				return nil, nil, nil, fail("certifies", "the level in %q is not a whole number", part)
			}
			c.Certifies = append(c.Certifies, cypher.GraphSkillLevel{Skill: strings.TrimSpace(id), Level: n})
		}
		for _, group := range splitList(get("prerequisites"), ";") {
			var opts []string
			for _, o := range strings.Split(group, "|") {
				opts = append(opts, strings.TrimSpace(o))
			}
			c.Prerequisites = append(c.Prerequisites, opts)
		}
		for _, part := range splitList(get("stacksInto"), ";") {
			rest, cost, ok1 := cutLast(part, ":")
			id, hours, ok2 := cutLast(rest, ":")
			if !ok1 || !ok2 {
				return nil, nil, nil, fail("stacksInto", "%q is not credential-id:creditHours:creditCost", part)
			}
			h, err1 := parseAmount(hours)
			k, err2 := parseAmount(cost)
			if err1 != nil || err2 != nil {
				return nil, nil, nil, fail("stacksInto", "the credit hours or cost in %q is not a number", part)
			}
			c.StacksInto = append(c.StacksInto, cypher.GraphStack{Credential: strings.TrimSpace(id), CreditHours: h, CreditCost: k})
		}
		g.Credentials = append(g.Credentials, c)
		rows = append(rows, row.line(0))
	}
	return g, rows, sh, nil
}

// csvColumnOf names the CSV column a catalog path is about.
func csvColumnOf(sh *sheet, p jsonPath) string {
	if len(p) < 3 {
		return ""
	}
	f, _ := p[2].(string)
	for _, h := range sh.header {
		if credentialColumns[headerKey(h)] == f {
			return h
		}
	}
	return f
}

// checkCatalog applies the catalog rules, returning notes on edges to nodes
// outside the file. loc says where a path is.
func checkCatalog(path string, g *cypher.Graph, loc func(jsonPath) (int, string)) ([]string, error) {
	fail := func(p jsonPath, format string, args ...any) error {
		line, field := loc(p)
		return errorf(path, line, field, format, args...)
	}
	id := func(p jsonPath, what, v string) error {
		if err := pathway.ValidateID(what, v); err != nil {
			return fail(p, "%s", trimInvalid(err))
		}
		return nil
	}
	std, err := StandardLevels()
	if err != nil {
		return nil, err
	}
	isLevel := map[string]bool{}
	for _, l := range std {
		isLevel[l.ID] = true
	}
	skills := map[string]bool{}
	for i, s := range g.Skills {
		p := jsonPath{"skills", i}
		if err := id(p.Add("id"), "skill id", s.ID); err != nil {
			return nil, err
		}
		if skills[s.ID] {
			return nil, fail(p.Add("id"), "skill %q appears twice", s.ID)
		}
		skills[s.ID] = true
		if strings.TrimSpace(s.Name) == "" {
			return nil, fail(p.Add("name"), "skill %q has no name", s.ID)
		}
	}
	creds := map[string]bool{}
	for i, c := range g.Credentials {
		p := jsonPath{"credentials", i}
		if err := id(p.Add("id"), "credential id", c.ID); err != nil {
			return nil, err
		}
		if creds[c.ID] {
			return nil, fail(p.Add("id"), "credential %q appears twice", c.ID)
		}
		creds[c.ID] = true
	}
	var notes []string
	outside := map[string]bool{}
	usesLevels := false
	for i, c := range g.Credentials {
		p := jsonPath{"credentials", i}
		if strings.TrimSpace(c.Name) == "" {
			return nil, fail(p.Add("name"), "credential %q has no name", c.ID)
		}
		if !kindPattern.MatchString(c.Kind) {
			return nil, fail(p.Add("kind"), "kind %q of %q is not SCREAMING_SNAKE_CASE (e.g. CERTIFICATION, BACHELORS_DEGREE)", c.Kind, c.ID)
		}
		for _, n := range []struct {
			f string
			v *float64
		}{{"cost", c.Cost}, {"cohortCost", c.CohortCost}, {"hours", c.Hours}, {"weeks", c.Weeks}} {
			if n.v != nil && (*n.v < 0 || math.IsNaN(*n.v) || math.IsInf(*n.v, 0)) {
				return nil, fail(p.Add(n.f), "%s of %q must be a number >= 0, got %v", n.f, c.ID, *n.v)
			}
		}
		if c.Confers != "" {
			if !isLevel[c.Confers] {
				return nil, fail(p.Add("confers"), "%q is not an education level (none, high-school, postsecondary-certificate, associate, bachelor, master, doctorate)", c.Confers)
			}
			usesLevels = true
		}
		certified := map[string]bool{}
		for j, cs := range c.Certifies {
			q := p.Add("certifies", j)
			if err := id(q.Add("skill"), "certified skill id", cs.Skill); err != nil {
				return nil, err
			}
			if cs.Level < pathway.MinLevel || cs.Level > pathway.MaxLevel {
				return nil, fail(q.Add("level"), "level %d of %s is not on the proficiency scale 1 to 5", cs.Level, cs.Skill)
			}
			if certified[cs.Skill] {
				return nil, fail(q.Add("skill"), "%q certifies skill %q twice", c.ID, cs.Skill)
			}
			certified[cs.Skill] = true
			if !skills[cs.Skill] && !outside["skill\x00"+cs.Skill] {
				outside["skill\x00"+cs.Skill] = true
				notes = append(notes, fmt.Sprintf("skill %s (certified by %s) is not in the file: it must already be in the database", cs.Skill, c.ID))
			}
		}
		for j, group := range c.Prerequisites {
			q := p.Add("prerequisites", j)
			if len(group) == 0 {
				return nil, fail(q, "prerequisite group %d of %q is empty", j+1, c.ID)
			}
			inGroup := map[string]bool{}
			for k, o := range group {
				if err := id(q.Add(k), "prerequisite id", o); err != nil {
					return nil, err
				}
				if o == c.ID {
					return nil, fail(q.Add(k), "%q cannot require itself", c.ID)
				}
				if inGroup[o] {
					return nil, fail(q.Add(k), "%q is twice in prerequisite group %d", o, j+1)
				}
				inGroup[o] = true
				switch {
				case isLevel[o]:
					usesLevels = true
				case !creds[o] && !outside["credential\x00"+o]:
					outside["credential\x00"+o] = true
					notes = append(notes, fmt.Sprintf("credential %s (a prerequisite of %s) is not in the file: it must already be in the database", o, c.ID))
				}
			}
		}
		into := map[string]bool{}
		for j, st := range c.StacksInto {
			q := p.Add("stacksInto", j)
			if err := id(q.Add("credential"), "stacking credential id", st.Credential); err != nil {
				return nil, err
			}
			if st.Credential == c.ID {
				return nil, fail(q.Add("credential"), "%q cannot stack into itself", c.ID)
			}
			if into[st.Credential] {
				return nil, fail(q.Add("credential"), "%q stacks into %q twice", c.ID, st.Credential)
			}
			into[st.Credential] = true
			for _, n := range []struct {
				f string
				v float64
			}{{"creditHours", st.CreditHours}, {"creditCost", st.CreditCost}} {
				if n.v < 0 || math.IsNaN(n.v) || math.IsInf(n.v, 0) {
					return nil, fail(q.Add(n.f), "%s must be a number >= 0, got %v", n.f, n.v)
				}
			}
			if !creds[st.Credential] && !outside["credential\x00"+st.Credential] {
				outside["credential\x00"+st.Credential] = true
				notes = append(notes, fmt.Sprintf("credential %s (%s stacks into it) is not in the file: it must already be in the database", st.Credential, c.ID))
			}
		}
	}
	if usesLevels {
		g.EducationLevels = std
	}
	return notes, nil
}

// sortCatalog puts a catalog in its deterministic order.
func sortCatalog(g *cypher.Graph) {
	sort.Slice(g.Skills, func(i, j int) bool { return g.Skills[i].ID < g.Skills[j].ID })
	sort.Slice(g.Credentials, func(i, j int) bool { return g.Credentials[i].ID < g.Credentials[j].ID })
	for i := range g.Credentials {
		c := &g.Credentials[i]
		sort.Slice(c.Certifies, func(a, b int) bool { return c.Certifies[a].Skill < c.Certifies[b].Skill })
		sort.Slice(c.StacksInto, func(a, b int) bool { return c.StacksInto[a].Credential < c.StacksInto[b].Credential })
		for _, group := range c.Prerequisites {
			sort.Strings(group)
		}
		sort.Slice(c.Prerequisites, func(a, b int) bool {
			return strings.Join(c.Prerequisites[a], "\x00") < strings.Join(c.Prerequisites[b], "\x00")
		})
	}
}

// parseAmount reads a number that may carry "$" and thousands separators.
func parseAmount(v string) (float64, error) {
	v = strings.NewReplacer("$", "", ",", "").Replace(strings.TrimSpace(v))
	x, err := strconv.ParseFloat(v, 64)
	if err == nil && (math.IsNaN(x) || math.IsInf(x, 0)) {
		return 0, fmt.Errorf("%q is not a finite number", v)
	}
	return x, err
}

// splitList splits a cell at sep, dropping empty parts.
func splitList(v, sep string) []string {
	var out []string
	for _, p := range strings.Split(v, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// cutLast cuts s around the last sep.
func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// extOf is the file's extension, with its dot.
func extOf(path string) string {
	i := strings.LastIndexAny(path, "./\\")
	if i < 0 || path[i] != '.' {
		return ""
	}
	return path[i:]
}

// jsonPath is where a value sits in a JSON document: object keys (strings)
// and array indexes (ints), outermost first.
type jsonPath []any

// Add is the path extended by steps (a new slice: p is unchanged).
func (p jsonPath) Add(steps ...any) jsonPath {
	out := make(jsonPath, 0, len(p)+len(steps))
	return append(append(out, p...), steps...)
}

// String spells the path as errors name fields: CFItems[3].identifier.
func (p jsonPath) String() string {
	var b strings.Builder
	for _, s := range p {
		switch s := s.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", s)
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			fmt.Fprint(&b, s)
		}
	}
	return b.String()
}

// jsonLine is the line where the value at p starts in data; when p is not
// there, the line of its nearest enclosing value that is. Never 0 for a
// document that starts with a value.
func jsonLine(data []byte, p jsonPath) int {
	for n := len(p); n >= 0; n-- {
		if off, ok := jsonOffset(data, p[:n]); ok {
			return lineAt(data, off)
		}
	}
	return 1
}

// jsonOffset is the byte offset where the value at p starts in data.
func jsonOffset(data []byte, p jsonPath) (int, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	for _, step := range p {
		tok, err := dec.Token()
		if err != nil {
			return 0, false
		}
		d, _ := tok.(json.Delim)
		switch s := step.(type) {
		case string:
			if d != '{' {
				return 0, false
			}
			found := false
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return 0, false
				}
				if k == s {
					found = true
					break
				}
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					return 0, false
				}
			}
			if !found {
				return 0, false
			}
		case int:
			if d != '[' {
				return 0, false
			}
			for i := 0; i < s; i++ {
				var skip json.RawMessage
				if !dec.More() || dec.Decode(&skip) != nil {
					return 0, false
				}
			}
			if !dec.More() {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	off := int(dec.InputOffset())
	for off < len(data) && strings.IndexByte(" \t\r\n:,", data[off]) >= 0 {
		off++
	}
	return off, off < len(data)
}

// lineAt is the 1-based line of byte offset off.
func lineAt(data []byte, off int) int {
	off = min(max(off, 0), len(data))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// jsonDecodeError turns a decoding error into an *Error with the line of the
// offending text and, where the decoder names it, the field.
func jsonDecodeError(path string, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return errorf(path, lineAt(data, int(syn.Offset)-1), "", "not valid JSON: %v", syn)
	case errors.As(err, &typ):
		// The offset is just past a scalar, or just inside an object or array.
		return errorf(path, lineAt(data, int(typ.Offset)-1), typ.Field, "a JSON %s cannot be a %v", typ.Value, typ.Type)
	case errors.Is(err, io.EOF):
		return errorf(path, 1, "", "the file is empty: a JSON object is needed")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errorf(path, lineAt(data, len(data)), "", "the JSON ends early")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return errorf(path, keyLine(data, name), name, "unknown field")
	}
	return errorf(path, 0, "", "%v", err)
}

// keyLine is the line of the first object key named name (the decoder does
// not say where an unknown field is), or 0.
func keyLine(data []byte, name string) int {
	type level struct{ object, wantKey bool }
	var stack []level
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0
		}
		var top *level
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' || t == '[' {
				if top != nil && top.object {
					top.wantKey = true // after this value, a key
				}
				stack = append(stack, level{object: t == '{', wantKey: t == '{'})
			} else {
				stack = stack[:len(stack)-1]
			}
			continue
		case string:
			if top != nil && top.object && top.wantKey {
				if t == name {
					// A key never spans lines: its end is on its line.
					return lineAt(data, int(dec.InputOffset())-1)
				}
				top.wantKey = false
				continue
			}
		}
		if top != nil && top.object {
			top.wantKey = true
		}
	}
}
