// Roles reads a role table: the workshop's "list of open roles" as a CSV.
//
// # Columns
//
// Header names are matched ignoring case, spaces and punctuation, so that the
// workshop's spellings all work. A row's cells are trimmed of surrounding
// spaces. The file may be comma- or tab-separated: a header line with a tab
// and no comma is read as tab-separated (a table pasted from a document).
//
//	column                       accepted headers                                   required
//	title                        Role, Role Title, Title, Job Title, Role Name      yes
//	level                        Level, Job Level, Role Level                       no
//	vacancies                    Vacancies, Vacancies (12 months), Openings         no
//	turnover                     Turnover, Turnover Rate, Turnover Rate (%)         no
//	degree required              Degree Required, Degree Requirement,
//	                             Posted w/ a degree requirement, Requires Degree    no
//	advancement potential        Advancement Potential, Advancement                 no
//	id                           ID, Role ID                                        no
//	industry                     Industry                                           no
//	wage min, max, median        Wage Min, Min Wage, Minimum Wage, Wage Max, Max
//	                             Wage, Maximum Wage, Wage Median, Median Wage       no
//
// Any other column is not imported, and the import says so in a note. A
// column named twice is refused.
//
// # Values
//
//   - id: the id column when it has a value, else the kebab-case slug of the
//     title: lower-case ASCII letters and digits, every other run of
//     characters one hyphen ("Web Designer/Programmer" ->
//     "web-designer-programmer"), as the sample graph's ids are made. Ids
//     must be valid (pathway.ValidateID) and unique in the file.
//   - title: verbatim (trimmed).
//   - level: Entry -> ENTRY; Middle-Skill, Middle-skills, Middle -> MIDDLE_SKILL;
//     Professional -> PROFESSIONAL; Executive -> EXECUTIVE (the enum values
//     themselves are accepted too). Empty: unknown.
//   - vacancies: a whole number >= 0 (thousands separators allowed).
//   - turnover: percent of incumbents who leave in a year, 0 to 100, an
//     optional trailing "%". A value like 0.18 is read as 0.18 percent: the
//     column is in percent, nothing is guessed.
//   - degree required: yes/y/true/1 or no/n/false/0. Yes becomes the role's
//     education requirement, following the sample graph: "associate" for
//     ENTRY and MIDDLE_SKILL roles (middle-skill roles need less than a
//     four-year degree), "bachelor" for PROFESSIONAL and EXECUTIVE roles, and
//     "associate" (the lowest rung that counts as a degree) when the level is
//     unknown. No, or an empty cell, means no education requirement.
//   - advancement potential: yes/y/true/1 -> true; no, "No/Limited",
//     limited, none, n, false, 0 -> false. Empty: unknown.
//   - wages: annual amounts >= 0; "$" and thousands separators are allowed.
//     The role must keep pathway's rules (pathway.Role.Validate): a minimum
//     above the median or the maximum, or a median above the maximum, is refused.
//   - industry: verbatim; empty means unknown.
//
// When any role requires education, the graph includes the standard education
// levels (StandardLevels), so the requirement's level is in the same write.
// Roles come out sorted by id. Errors name the file, the line and the column.

package imports

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// roleColumns maps normalized header names (see headerKey) to a field.
var roleColumns = byAlias(map[string][]string{
	"title":       {"role", "roletitle", "title", "jobtitle", "rolename"},
	"level":       {"level", "joblevel", "rolelevel"},
	"vacancies":   {"vacancies", "vacancies12months", "vacanciesnext12months", "openings"},
	"turnover":    {"turnover", "turnoverrate"},
	"degree":      {"degreerequired", "degreerequirement", "postedwadegreerequirement", "postedwithadegreerequirement", "requiresdegree"},
	"advancement": {"advancementpotential", "advancement"},
	"id":          {"id", "roleid"},
	"industry":    {"industry"},
	"wageMin":     {"wagemin", "minwage", "minimumwage", "wageminimum"},
	"wageMax":     {"wagemax", "maxwage", "maximumwage", "wagemaximum"},
	"wageMedian":  {"wagemedian", "medianwage"},
})

// byAlias turns field -> aliases into alias -> field.
func byAlias(m map[string][]string) map[string]string {
	out := map[string]string{}
	for f, aliases := range m {
		for _, a := range aliases {
			out[a] = f
		}
	}
	return out
}

// Roles reads a role table (see the file comment for its columns and rules).
func Roles(path string) (*Import, error) {
	sh, err := readSheet(path)
	if err != nil {
		return nil, err
	}
	cols := map[string]int{}
	var notes []string
	for i, h := range sh.header {
		f, ok := roleColumns[headerKey(h)]
		if !ok {
			notes = append(notes, fmt.Sprintf("%s: column %q is not a role column: not imported", sh.name, h))
			continue
		}
		if j, dup := cols[f]; dup {
			return nil, errorf(sh.name, sh.headerLine, h, "names the %s column again (column %d is %q)", f, j+1, sh.header[j])
		}
		cols[f] = i
	}
	if _, ok := cols["title"]; !ok {
		return nil, errorf(sh.name, sh.headerLine, "", "no title column (Role, Role Title or Title) in the header: %s", strings.Join(sh.header, ", "))
	}
	g := &cypher.Graph{}
	seen := map[string]int{}
	for _, row := range sh.rows {
		get := func(f string) (string, string) {
			i, ok := cols[f]
			if !ok {
				return "", ""
			}
			return row.cell(i), sh.header[i]
		}
		fail := func(f, format string, args ...any) error {
			_, h := get(f)
			return errorf(sh.name, row.line(cols[f]), h, format, args...)
		}
		var r cypher.GraphRole
		title, _ := get("title")
		if title == "" {
			return nil, fail("title", "a role needs a title")
		}
		r.Title = title
		if id, h := get("id"); id != "" {
			r.ID = id
			if err := pathway.ValidateID("role id", id); err != nil {
				return nil, errorf(sh.name, row.line(cols["id"]), h, "%v", trimInvalid(err))
			}
		} else {
			r.ID = kebabSlug(title)
			if r.ID == "" {
				return nil, fail("title", "title %q has no letters or digits to make an id from: give the row an id column", title)
			}
			if err := pathway.ValidateID("role id", r.ID); err != nil {
				return nil, fail("title", "the id made from the title is not valid (%v): give the row an id column", trimInvalid(err))
			}
		}
		idField := "title"
		if _, ok := cols["id"]; ok {
			idField = "id"
		}
		if first, dup := seen[r.ID]; dup {
			return nil, fail(idField, "role id %q is already on line %d", r.ID, first)
		}
		seen[r.ID] = row.line(0)
		if v, _ := get("level"); v != "" {
			l, ok := roleLevel(v)
			if !ok {
				return nil, fail("level", "level %q is not Entry, Middle-Skill, Professional or Executive", v)
			}
			r.Level = &l
		}
		if v, _ := get("vacancies"); v != "" {
			n, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
			if err != nil || n < 0 || n != float64(int(n)) {
				return nil, fail("vacancies", "vacancies %q is not a whole number >= 0", v)
			}
			k := int(n)
			r.Vacancies = &k
		}
		if v, _ := get("turnover"); v != "" {
			n, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(v, "%")), 64)
			if err != nil || n < 0 || n > 100 {
				return nil, fail("turnover", "turnover rate %q is not a percent from 0 to 100", v)
			}
			r.TurnoverRate = &n
		}
		if v, _ := get("degree"); v != "" {
			yes, ok := yesNo(v)
			if !ok {
				return nil, fail("degree", "degree required %q is not yes or no", v)
			}
			if yes {
				r.Education = "associate"
				if r.Level != nil && (*r.Level == pathway.LevelProfessional || *r.Level == pathway.LevelExecutive) {
					r.Education = "bachelor"
				}
			}
		}
		if v, _ := get("advancement"); v != "" {
			yes, ok := yesNo(v)
			if !ok {
				switch letters(v) {
				case "nolimited", "limited", "none":
					yes, ok = false, true
				}
			}
			if !ok {
				return nil, fail("advancement", "advancement potential %q is not yes, no or No/Limited", v)
			}
			r.AdvancementPotential = &yes
		}
		if v, _ := get("industry"); v != "" {
			r.Industry = &v
		}
		for _, w := range []struct {
			f   string
			dst **float64
		}{{"wageMin", &r.WageMin}, {"wageMax", &r.WageMax}, {"wageMedian", &r.WageMedian}} {
			v, _ := get(w.f)
			if v == "" {
				continue
			}
			n, err := strconv.ParseFloat(strings.NewReplacer("$", "", ",", "").Replace(v), 64)
			if err != nil || n < 0 {
				return nil, fail(w.f, "wage %q is not an amount >= 0", v)
			}
			*w.dst = &n
		}
		if err := r.Validate(); err != nil {
			f := pathway.InvalidField(err)
			if f == "id" {
				f = idField
			}
			return nil, fail(cmp.Or(roleFieldColumns[f], f), "%v", trimInvalid(err))
		}
		g.Roles = append(g.Roles, r)
	}
	sort.Slice(g.Roles, func(i, j int) bool { return g.Roles[i].ID < g.Roles[j].ID })
	for _, r := range g.Roles {
		if r.Education != "" {
			levels, err := StandardLevels()
			if err != nil {
				return nil, err
			}
			g.EducationLevels = levels
			break
		}
	}
	if err := g.Validate(); err != nil {
		return nil, errorf(sh.name, 0, "", "%v", err)
	}
	return &Import{Format: "roles", Graph: g, Notes: notes}, nil
}

// roleFieldColumns maps the fields pathway's validators name to the
// columns above, where the names differ.
var roleFieldColumns = map[string]string{"turnoverRate": "turnover", "advancementPotential": "advancement"}

// roleLevel reads a role level as the workshop spells it.
func roleLevel(v string) (pathway.RoleLevel, bool) {
	switch letters(v) {
	case "entry", "entrylevel":
		return pathway.LevelEntry, true
	case "middleskill", "middleskills", "middle", "midlevel", "middlelevel":
		return pathway.LevelMiddleSkill, true
	case "professional":
		return pathway.LevelProfessional, true
	case "executive":
		return pathway.LevelExecutive, true
	}
	return "", false
}

// yesNo reads a yes/no cell.
func yesNo(v string) (yes, ok bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "yes", "y", "true", "1":
		return true, true
	case "no", "n", "false", "0":
		return false, true
	}
	return false, false
}

// letters is v lower-cased with everything but letters and digits removed.
func letters(v string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(v) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headerKey normalizes a column header: case, spaces and punctuation do not
// count ("Turnover Rate (%)" -> "turnoverrate").
func headerKey(h string) string { return letters(h) }

// kebabSlug is the sample graph's id for a name: lower-case ASCII letters and
// digits, every other run of characters one hyphen, none at the ends.
func kebabSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// trimInvalid is a validation error's message without the sentinel's text
// (an *Error already unwraps to pathway.ErrInvalid).
func trimInvalid(err error) string {
	return strings.TrimSuffix(err.Error(), ": "+pathway.ErrInvalid.Error())
}

// sheet is a CSV file read whole: its header and data rows, with lines.
type sheet struct {
	name       string // the path, as errors name the file
	header     []string
	headerLine int
	rows       []sheetRow
}

// sheetRow is one data row; pos[i] is the line cell i starts on.
type sheetRow struct {
	cells []string
	pos   []int
}

// cell is cell i trimmed, "" when the row is shorter.
func (r sheetRow) cell(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// line is the line cell i starts on (the row's first line for a missing cell).
func (r sheetRow) line(i int) int {
	if i >= 0 && i < len(r.pos) {
		return r.pos[i]
	}
	return r.pos[0]
}

// readSheet reads a CSV (or tab-separated) file with a header line. Blank
// lines are skipped; a row may be shorter than the header (the missing cells
// are empty) but not longer, unless its extra cells are empty.
func readSheet(path string) (*sheet, error) { return readSheetWith(path, false) }

// readSheetWith is readSheet; lazy reads quotes inside unquoted cells as
// written (the CIP list's Excel-style codes, ="51.3801").
func readSheetWith(path string, lazy bool) (*sheet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	sh := &sheet{name: path}
	rd := csv.NewReader(bytes.NewReader(data))
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.IndexByte(first, '\t') >= 0 && bytes.IndexByte(first, ',') < 0 {
		rd.Comma = '\t'
		rd.LazyQuotes = true
	}
	rd.FieldsPerRecord = -1
	rd.LazyQuotes = rd.LazyQuotes || lazy
	for {
		rec, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, errorf(path, pe.Line, "", "%v", pe.Err)
			}
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		pos := make([]int, len(rec))
		for i := range rec {
			pos[i], _ = rd.FieldPos(i)
		}
		if sh.header == nil {
			sh.header = make([]string, len(rec))
			for i, h := range rec {
				sh.header[i] = strings.TrimSpace(h)
			}
			sh.headerLine = pos[0]
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		for i := len(sh.header); i < len(rec); i++ {
			if strings.TrimSpace(rec[i]) != "" {
				return nil, errorf(path, pos[i], "", "the row has %d cells, the header %d columns", len(rec), len(sh.header))
			}
		}
		sh.rows = append(sh.rows, sheetRow{cells: rec, pos: pos})
	}
	if sh.header == nil {
		return nil, errorf(path, 0, "", "the file is empty: a header line is needed")
	}
	return sh, nil
}
