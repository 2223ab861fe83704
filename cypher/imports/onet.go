package imports

// O*NET importer.
//
// ONET reads a folder holding an O*NET database release, either the text
// release (db_29_3_text.zip and later: tab-separated ".txt" files) or files
// converted from the Excel release (".tsv", which add the columns Title and
// Scale Name). Columns are found by their header names, never by position,
// and each logical file may be "<Name>.txt" or "<Name>.tsv" (the ".txt" wins
// when both are there, with a note). Fields quoted the text release's way
// ("a ""quoted"" word", on one line) are unquoted; CRLF line ends and a
// byte-order mark are fine. The files and what becomes of them:
//
//   - Occupation Data (required): each occupation becomes a role with id
//     "onet:<O*NET-SOC code>" (onet:29-1141.00), its title verbatim, its
//     occupationCode, description and source "onet". Industry and level are
//     left empty: O*NET does not give them. Occupations O*NET has no data
//     for (93 in release 29.3: "All Other" codes and military occupations)
//     are roles without a profile.
//   - Job Zones: the role's jobZone (1-5).
//   - Skills and Knowledge: each element becomes a skill with id
//     "onet:<Element ID>" (onet:2.A.1.a), its Element Name verbatim, type
//     SPECIALIZED (Skills) or KNOWLEDGE (Knowledge), sourceCode the element id,
//     source "onet", and category the name of its parent element in the
//     content model (2.A.1.a Reading Comprehension is in 2.A.1 "Content";
//     2.C.3.a Computers and Electronics is in 2.C.3 "Engineering and
//     Technology"), from Content Model Reference when present, else from a
//     fixed table of O*NET's groups; the description comes from Content Model
//     Reference too.
//   - The REQUIRES edge of an (occupation, element) pair takes the pair's two
//     rows: importance is the IM value (1-5) as it is; level is the LV value
//     (0-7) put on the 1-5 scale by level = clamp(round(LV*4/7)+1, 1, 5),
//     which sends O*NET's typical anchor points to ours (LV 0 -> 1, LV 2 -> 2
//     basic, LV 4 -> 3 working, LV 6 -> 4 advanced, LV 7 -> 5 expert; LV
//     0-0.87 -> 1, 0.88-2.62 -> 2, 2.63-4.37 -> 3, 4.38-6.12 -> 4, 6.13-7 ->
//     5); required is IM >= 3.0 ("important" or more on O*NET's importance
//     scale is needed on day one; below that the skill is preferred,
//     teachable on the job).
//   - Pairs are skipped when their LV row says Not Relevant = Y (O*NET's own
//     statement that no level applies) or their IM is below 2.0 (below
//     "somewhat important": listing every one of the 68 elements for every role
//     would make every role look alike and bury what a role is about); pairs
//     lacking one of the two rows are skipped too. Notes count the skips.
//   - Rows marked Recommend Suppress = Y are kept: O*NET flags them for a small
//     sample or a wide error, but they are the only estimate there is, and
//     dropping one would remove a requirement rather than make it more exact.
//     A note counts them.
//   - Interests (optional): the Scale ID "OI" rows give each occupation its
//     RIASEC profile, six scores from 1 to 7 in the order Realistic,
//     Investigative, Artistic, Social, Enterprising, Conventional (Element IDs
//     1.B.1.a to 1.B.1.f), set only when all six are there; the "IH" rows
//     (high-point interests) follow from them and are not stored. A note
//     counts the roles with interests.
//   - Technology Skills (optional): each distinct Example becomes a SOFTWARE
//     skill "onet:tech:<slug>", the slug being the example lower-cased, "+"
//     spelled "plus" and "#" spelled "sharp" (so that C, C# and C++ stay
//     apart), every other run of non-alphanumerics turned into one "-", no "-"
//     at either end (Microsoft Visual C++ -> microsoft-visual-c-plus-plus). Two
//     examples that would still share a slug get "-2", "-3" (in name order)
//     with a note. Name verbatim, category the Commodity Title and sourceCode
//     the Commodity Code (an example filed under several commodities takes
//     the one most occupations use, then the lowest code). The edge is
//     preferred (required = false) at level 2 (basic), importance 3, or 4 when
//     Hot Technology = Y, with the hot and inDemand flags of the file.
//   - Education, Training, and Experience (optional) with its Categories file:
//     the Scale ID "RL" rows (required level of education, categories 1-12,
//     percent of respondents). The role's education is the standard level of
//     the category with the largest share (a tie goes to the lower category):
//     1 less than high school -> none; 2 high school, 4 some college ->
//     high-school; 3 post-secondary certificate -> postsecondary-certificate;
//     5 associate -> associate; 6 bachelor, 7 post-baccalaureate certificate
//     -> bachelor; 8 master, 9 post-master's certificate -> master; 10 first
//     professional degree, 11 doctoral, 12 post-doctoral -> doctorate. Its
//     degreeShare is the sum of the shares of categories 5-12 (an associate
//     degree or more) over 100, at most 1. When the Categories file is present
//     its RL categories must mean what this mapping assumes, else the import
//     stops rather than map degrees wrongly. The graph's education levels are
//     StandardLevels().
//   - Errors: a row with the wrong number of fields, a Data Value or Job Zone
//     that is not a number in range, an occupation code that Occupation Data
//     does not list, a missing header, a duplicate occupation or a duplicate
//     IM or LV row refuse the whole import with an *Error naming the file, the
//     1-based line and the column. A missing optional file is a note; a missing
//     Occupation Data is an error.
//   - The sample graph's crosswalk to O*NET (cypher.ONETCrosswalk) comes
//     along: its SAME_AS edges into the skills this release has, written
//     where the sample's skill is in the database and skipped otherwise (the
//     sample writes them when it is loaded later).
//   - Output is deterministic: roles, skills and each role's skills sorted by id.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// The O*NET rules, as constants the tests and the README can quote.
const (
	// ONETMinImportance is the importance below which an element is left out
	// of a role's profile.
	ONETMinImportance = 2.0
	// ONETRequiredImportance is the importance from which an element is
	// required on day one; below it, preferred.
	ONETRequiredImportance = 3.0
	// ONETTechLevel is the level of a technology edge; ONETTechImportance its
	// importance, ONETHotTechImportance when O*NET marks it a hot technology.
	ONETTechLevel         = 2
	ONETTechImportance    = 3.0
	ONETHotTechImportance = 4.0
)

// ONETLevel puts an O*NET level (LV, 0-7) on the 1-5 proficiency scale:
// clamp(round(LV*4/7)+1, 1, 5).
func ONETLevel(lv float64) int {
	l := int(math.Round(lv*4/7)) + 1
	return max(pathway.MinLevel, min(pathway.MaxLevel, l))
}

// onetEducation maps the RL categories (1-12) to the standard education
// levels, with the words each category's description must contain.
var onetEducation = [13]struct {
	level string
	word  string // in the Categories file's description, lower-cased
}{
	1:  {"none", "less than a high school"},
	2:  {"high-school", "high school"},
	3:  {"postsecondary-certificate", "post-secondary certificate"},
	4:  {"high-school", "some college"},
	5:  {"associate", "associate"},
	6:  {"bachelor", "bachelor"},
	7:  {"bachelor", "post-baccalaureate"},
	8:  {"master", "master"},
	9:  {"master", "post-master"},
	10: {"doctorate", "first professional"},
	11: {"doctorate", "doctoral"},
	12: {"doctorate", "post-doctoral"},
}

// onetGroups names O*NET's skill and knowledge groups, for a release folder
// without Content Model Reference.
var onetGroups = map[string]string{
	"2.A.1":  "Content",
	"2.A.2":  "Process",
	"2.B.1":  "Social Skills",
	"2.B.2":  "Complex Problem Solving Skills",
	"2.B.3":  "Technical Skills",
	"2.B.4":  "Systems Skills",
	"2.B.5":  "Resource Management Skills",
	"2.C.1":  "Business and Management",
	"2.C.2":  "Manufacturing and Production",
	"2.C.3":  "Engineering and Technology",
	"2.C.4":  "Mathematics and Science",
	"2.C.5":  "Health Services",
	"2.C.6":  "Education and Training",
	"2.C.7":  "Arts and Humanities",
	"2.C.8":  "Law and Public Safety",
	"2.C.9":  "Communications",
	"2.C.10": "Transportation",
}

// O*NET column names.
const (
	onetColCode          = "O*NET-SOC Code"
	onetColTitle         = "Title"
	onetColDescription   = "Description"
	onetColElementID     = "Element ID"
	onetColElementName   = "Element Name"
	onetColScaleID       = "Scale ID"
	onetColDataValue     = "Data Value"
	onetColNotRelevant   = "Not Relevant"
	onetColSuppress      = "Recommend Suppress"
	onetColJobZone       = "Job Zone"
	onetColCategory      = "Category"
	onetColCategoryDesc  = "Category Description"
	onetColExample       = "Example"
	onetColCommodityCode = "Commodity Code"
	onetColCommodity     = "Commodity Title"
	onetColHot           = "Hot Technology"
	onetColInDemand      = "In Demand"
)

// ONET reads the O*NET release in the folder dir (see the rules above).
func ONET(dir string) (*Import, error) {
	r := &onetReader{dir: dir, roles: map[string]*cypher.GraphRole{}, skills: map[string]*cypher.GraphSkill{}}
	if err := r.read(); err != nil {
		return nil, err
	}
	levels, err := StandardLevels()
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, l := range levels {
		known[l.ID] = true
	}
	for c, e := range onetEducation[1:] {
		if !known[e.level] {
			return nil, fmt.Errorf("O*NET: education category %d maps to %q, which is not a standard level", c+1, e.level)
		}
	}
	g := &cypher.Graph{EducationLevels: levels}
	for _, s := range r.skills {
		g.Skills = append(g.Skills, *s)
	}
	sort.Slice(g.Skills, func(i, j int) bool { return g.Skills[i].ID < g.Skills[j].ID })
	for _, code := range r.codes {
		role := r.roles[code]
		sort.Slice(role.Skills, func(i, j int) bool { return role.Skills[i].Skill < role.Skills[j].Skill })
		g.Roles = append(g.Roles, *role)
	}
	sort.Slice(g.Roles, func(i, j int) bool { return g.Roles[i].ID < g.Roles[j].ID })
	crosswalk, err := cypher.ONETCrosswalk()
	if err != nil {
		return nil, err
	}
	for _, x := range crosswalk {
		if r.skills[x.To] != nil {
			g.Crosswalks = append(g.Crosswalks, x)
		}
	}
	r.note("crosswalk: %d of the sample graph's %d SAME_AS edges to O*NET name skills of this release; written where the sample's skill is loaded",
		len(g.Crosswalks), len(crosswalk))
	return &Import{Format: "onet", Graph: g, Notes: r.notes, Source: "onet", Partial: r.partial}, nil
}

type onetReader struct {
	dir    string
	codes  []string // occupation codes in file order
	roles  map[string]*cypher.GraphRole
	skills map[string]*cypher.GraphSkill
	groups map[string]onetElement // content model elements by id
	notes  []string
	// partial names the files left out that give nodes or edges.
	partial []string
}

type onetElement struct{ name, description string }

func (r *onetReader) note(format string, args ...any) {
	r.notes = append(r.notes, fmt.Sprintf(format, args...))
}

func (r *onetReader) read() error {
	if st, err := os.Stat(r.dir); err != nil || !st.IsDir() {
		return errorf(r.dir, 0, "", "not an O*NET release folder")
	}
	occ, err := r.open("Occupation Data", onetColCode, onetColTitle, onetColDescription)
	if err != nil {
		return err
	}
	if occ == nil {
		return errorf("Occupation Data.txt", 0, "", "not found in %s (nor Occupation Data.tsv): it lists the occupations every other file refers to", r.dir)
	}
	if err := r.occupations(occ); err != nil {
		return err
	}
	steps := []struct {
		name string
		cols []string
		read func(*onetTable) error
		// edges: the file gives nodes or edges, not only properties.
		edges bool
	}{
		{"Job Zones", []string{onetColCode, onetColJobZone}, r.jobZones, false},
		{"Interests", []string{onetColCode, onetColElementID, onetColScaleID, onetColDataValue}, r.interests, false},
		{"Content Model Reference", []string{onetColElementID, onetColElementName}, r.contentModel, false},
		{"Skills", []string{onetColCode, onetColElementID, onetColElementName, onetColScaleID, onetColDataValue, onetColNotRelevant}, func(t *onetTable) error { return r.elements(t, "SPECIALIZED") }, true},
		{"Knowledge", []string{onetColCode, onetColElementID, onetColElementName, onetColScaleID, onetColDataValue, onetColNotRelevant}, func(t *onetTable) error { return r.elements(t, "KNOWLEDGE") }, true},
		{"Technology Skills", []string{onetColCode, onetColExample, onetColCommodityCode, onetColCommodity}, r.technologies, true},
		{"Education, Training, and Experience Categories", []string{onetColElementID, onetColScaleID, onetColCategory, onetColCategoryDesc}, r.educationCategories, false},
		{"Education, Training, and Experience", []string{onetColCode, onetColScaleID, onetColCategory, onetColDataValue}, r.education, true},
	}
	for _, st := range steps {
		t, err := r.open(st.name, st.cols...)
		if err != nil {
			return err
		}
		if t == nil {
			r.note("%s: not in the folder; left out", st.name)
			if st.edges {
				r.partial = append(r.partial, st.name)
			}
			continue
		}
		if err := st.read(t); err != nil {
			return err
		}
	}
	return nil
}

// occupations reads Occupation Data into roles.
func (r *onetReader) occupations(t *onetTable) error {
	return t.each(func(row onetRow) error {
		code := row.get(onetColCode)
		id := "onet:" + code
		if err := pathway.ValidateID("role id", id); err != nil || code == "" {
			return row.errorf(onetColCode, "%q is not an O*NET-SOC code", code)
		}
		if _, dup := r.roles[code]; dup {
			return row.errorf(onetColCode, "occupation %s appears twice", code)
		}
		title := row.get(onetColTitle)
		if title == "" {
			return row.errorf(onetColTitle, "occupation %s has no title", code)
		}
		role := &cypher.GraphRole{Role: pathway.Role{ID: id, Title: title, OccupationCode: onetPtr(code)}, Source: onetPtr("onet")}
		if d := row.get(onetColDescription); d != "" {
			role.Description = onetPtr(d)
		}
		r.roles[code] = role
		r.codes = append(r.codes, code)
		return nil
	})
}

// role finds the role of a data row's occupation code.
func (r *onetReader) role(row onetRow) (*cypher.GraphRole, error) {
	code := row.get(onetColCode)
	role := r.roles[code]
	if role == nil {
		return nil, row.errorf(onetColCode, "occupation %q is not in Occupation Data", code)
	}
	return role, nil
}

func (r *onetReader) jobZones(t *onetTable) error {
	return t.each(func(row onetRow) error {
		role, err := r.role(row)
		if err != nil {
			return err
		}
		z, err := strconv.Atoi(row.get(onetColJobZone))
		if err != nil || z < 1 || z > 5 {
			return row.errorf(onetColJobZone, "%q is not a job zone (1-5)", row.get(onetColJobZone))
		}
		role.JobZone = &z
		return nil
	})
}

// onetInterests are the Element IDs of the six RIASEC interests, in order.
var onetInterests = [...]string{"1.B.1.a", "1.B.1.b", "1.B.1.c", "1.B.1.d", "1.B.1.e", "1.B.1.f"}

// interests reads each occupation's RIASEC profile: the six Scale ID "OI"
// rows (1-7); the "IH" rows (the high-point interests) follow from them. A
// role gets its interests only when all six are there.
func (r *onetReader) interests(t *onetTable) error {
	scores := map[string]*[6]float64{}
	seen := map[string]int{}
	err := t.each(func(row onetRow) error {
		if row.get(onetColScaleID) != "OI" {
			return nil
		}
		role, err := r.role(row)
		if err != nil {
			return err
		}
		i := slices.Index(onetInterests[:], row.get(onetColElementID))
		if i < 0 {
			return row.errorf(onetColElementID, "%q is not one of the six RIASEC interests (1.B.1.a to 1.B.1.f)", row.get(onetColElementID))
		}
		v, err := strconv.ParseFloat(row.get(onetColDataValue), 64)
		if err != nil || v < pathway.MinInterest || v > pathway.MaxInterest {
			return row.errorf(onetColDataValue, "%q is not an interest score (1-7)", row.get(onetColDataValue))
		}
		if scores[role.ID] == nil {
			scores[role.ID] = &[6]float64{}
		}
		scores[role.ID][i] = v
		seen[role.ID] |= 1 << i
		return nil
	})
	if err != nil {
		return err
	}
	n := 0
	for _, role := range r.roles {
		if seen[role.ID] == 1<<len(onetInterests)-1 {
			role.Interests = scores[role.ID][:]
			n++
		}
	}
	r.note("%s: interests for %d of %d roles", t.name, n, len(r.roles))
	return nil
}

func (r *onetReader) contentModel(t *onetTable) error {
	r.groups = map[string]onetElement{}
	return t.each(func(row onetRow) error {
		r.groups[row.get(onetColElementID)] = onetElement{row.get(onetColElementName), row.get(onetColDescription)}
		return nil
	})
}

// category is the name of an element's parent group.
func (r *onetReader) category(id string) *string {
	i := strings.LastIndexByte(id, '.')
	if i < 0 {
		return nil
	}
	parent := id[:i]
	if r.groups != nil {
		if g, ok := r.groups[parent]; ok && g.name != "" {
			return onetPtr(g.name)
		}
		return nil
	}
	if name, ok := onetGroups[parent]; ok {
		return onetPtr(name)
	}
	return nil
}

// onetPair is what the IM and LV rows of one (occupation, element) say.
type onetPair struct {
	role           *cypher.GraphRole
	element        string
	im, lv         float64
	hasIM, hasLV   bool
	notRelevant    bool
	suppressed     bool
	imLine, lvLine int
}

// elements reads Skills or Knowledge: the elements as skills of type kind,
// and each (occupation, element) pair as a REQUIRES edge.
func (r *onetReader) elements(t *onetTable, kind string) error {
	pairs := map[[2]string]*onetPair{}
	var order []*onetPair
	other := 0
	err := t.each(func(row onetRow) error {
		role, err := r.role(row)
		if err != nil {
			return err
		}
		el := row.get(onetColElementID)
		if el == "" || pathway.ValidateID("skill id", "onet:"+el) != nil {
			return row.errorf(onetColElementID, "%q is not an O*NET element id", el)
		}
		scale := row.get(onetColScaleID)
		if scale != "IM" && scale != "LV" {
			other++
			return nil
		}
		v, err := strconv.ParseFloat(row.get(onetColDataValue), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return row.errorf(onetColDataValue, "%q is not a number", row.get(onetColDataValue))
		}
		id := "onet:" + el
		if s, ok := r.skills[id]; !ok {
			name := row.get(onetColElementName)
			if name == "" {
				return row.errorf(onetColElementName, "element %s has no name", el)
			}
			s = &cypher.GraphSkill{ID: id, Name: name, Type: onetPtr(kind), Category: r.category(el),
				Source: onetPtr("onet"), SourceCode: onetPtr(el)}
			if g, ok := r.groups[el]; ok && g.description != "" {
				s.Description = onetPtr(g.description)
			}
			r.skills[id] = s
		} else if *s.Type != kind {
			return row.errorf(onetColElementID, "element %s is already a %s skill", el, *s.Type)
		}
		key := [2]string{role.ID, el}
		p := pairs[key]
		if p == nil {
			p = &onetPair{role: role, element: id}
			pairs[key] = p
			order = append(order, p)
		}
		if row.get(onetColSuppress) == "Y" {
			p.suppressed = true
		}
		switch scale {
		case "IM":
			if p.hasIM {
				return row.errorf(onetColScaleID, "a second IM row for %s %s (the first is line %d)", role.ID, el, p.imLine)
			}
			if v < 1 || v > 5 {
				return row.errorf(onetColDataValue, "importance %v is outside 1-5", v)
			}
			p.im, p.hasIM, p.imLine = v, true, row.line
		case "LV":
			if p.hasLV {
				return row.errorf(onetColScaleID, "a second LV row for %s %s (the first is line %d)", role.ID, el, p.lvLine)
			}
			if v < 0 || v > 7 {
				return row.errorf(onetColDataValue, "level %v is outside 0-7", v)
			}
			p.lv, p.hasLV, p.lvLine = v, true, row.line
			switch nr := row.get(onetColNotRelevant); nr {
			case "Y":
				p.notRelevant = true
			case "N", "", "n/a":
			default:
				return row.errorf(onetColNotRelevant, "%q is not Y or N", nr)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	var kept, incomplete, notRelevant, unimportant, required, suppressed int
	for _, p := range order {
		switch {
		case !p.hasIM || !p.hasLV:
			incomplete++
			continue
		case p.notRelevant:
			notRelevant++
			continue
		case p.im < ONETMinImportance:
			unimportant++
			continue
		}
		im := p.im
		rs := cypher.GraphRoleSkill{Skill: p.element, Level: ONETLevel(p.lv), Importance: &im,
			Required: p.im >= ONETRequiredImportance}
		p.role.Skills = append(p.role.Skills, rs)
		kept++
		if rs.Required {
			required++
		}
		if p.suppressed {
			suppressed++
		}
	}
	r.note("%s: %d role-skill edges (%d required, %d preferred); skipped %d pairs marked Not Relevant, %d with importance below %.1f, %d lacking an IM or LV row; kept %d with Recommend Suppress = Y",
		t.name, kept, required, kept-required, notRelevant, unimportant, ONETMinImportance, incomplete, suppressed)
	if other > 0 {
		r.note("%s: %d rows of scales other than IM and LV ignored", t.name, other)
	}
	return nil
}

// onetTech is one technology example across the occupations that list it.
type onetTech struct {
	name        string
	commodities map[string]int // commodity code -> occupations using it
	titles      map[string]string
	edges       []onetTechEdge
}

type onetTechEdge struct {
	role          *cypher.GraphRole
	hot, inDemand *bool
}

func (r *onetReader) technologies(t *onetTable) error {
	techs := map[string]*onetTech{}
	dups := 0
	seen := map[[2]string]int{} // (role, example) -> index of its edge
	flag := func(row onetRow, col string) (*bool, error) {
		if !row.has(col) {
			return nil, nil
		}
		switch v := row.get(col); v {
		case "Y":
			return onetPtr(true), nil
		case "N":
			return onetPtr(false), nil
		default:
			return nil, row.errorf(col, "%q is not Y or N", v)
		}
	}
	err := t.each(func(row onetRow) error {
		role, err := r.role(row)
		if err != nil {
			return err
		}
		ex := row.get(onetColExample)
		if ex == "" {
			return row.errorf(onetColExample, "empty technology example")
		}
		code := row.get(onetColCommodityCode)
		if code == "" {
			return row.errorf(onetColCommodityCode, "empty commodity code")
		}
		hot, err := flag(row, onetColHot)
		if err != nil {
			return err
		}
		inDemand, err := flag(row, onetColInDemand)
		if err != nil {
			return err
		}
		tc := techs[ex]
		if tc == nil {
			tc = &onetTech{name: ex, commodities: map[string]int{}, titles: map[string]string{}}
			techs[ex] = tc
		}
		tc.commodities[code]++
		if _, ok := tc.titles[code]; !ok {
			tc.titles[code] = row.get(onetColCommodity)
		}
		key := [2]string{role.ID, ex}
		if i, ok := seen[key]; ok {
			// The same example under a second commodity: one edge, flags or'ed.
			e := &tc.edges[i]
			e.hot, e.inDemand = onetOrFlag(e.hot, hot), onetOrFlag(e.inDemand, inDemand)
			dups++
			return nil
		}
		seen[key] = len(tc.edges)
		tc.edges = append(tc.edges, onetTechEdge{role, hot, inDemand})
		return nil
	})
	if err != nil {
		return err
	}
	bySlug := map[string]bool{}
	edges, empty := 0, 0
	for _, n := range slices.Sorted(maps.Keys(techs)) {
		tc := techs[n]
		slug := onetSlug(n)
		if slug == "" {
			empty++
			continue
		}
		if bySlug[slug] {
			base := slug
			for k := 2; bySlug[slug]; k++ {
				slug = fmt.Sprintf("%s-%d", base, k)
			}
			r.note("%s: %q has the slug of an earlier example; its id is onet:tech:%s", t.name, n, slug)
		}
		bySlug[slug] = true
		codes := make([]string, 0, len(tc.commodities))
		for c := range tc.commodities {
			codes = append(codes, c)
		}
		sort.Slice(codes, func(i, j int) bool {
			if a, b := tc.commodities[codes[i]], tc.commodities[codes[j]]; a != b {
				return a > b
			}
			return codes[i] < codes[j]
		})
		id := "onet:tech:" + slug
		if err := pathway.ValidateID("skill id", id); err != nil {
			return errorf(t.name, 0, onetColExample, "%q makes the invalid id %q", n, id)
		}
		s := &cypher.GraphSkill{ID: id, Name: n, Type: onetPtr("SOFTWARE"), Source: onetPtr("onet"), SourceCode: onetPtr(codes[0])}
		if title := tc.titles[codes[0]]; title != "" {
			s.Category = onetPtr(title)
		}
		r.skills[id] = s
		for _, e := range tc.edges {
			imp := ONETTechImportance
			if e.hot != nil && *e.hot {
				imp = ONETHotTechImportance
			}
			e.role.Skills = append(e.role.Skills, cypher.GraphRoleSkill{Skill: id, Level: ONETTechLevel,
				Importance: &imp, Required: false, Hot: e.hot, InDemand: e.inDemand})
			edges++
		}
	}
	r.note("%s: %d technologies, %d role-technology edges (preferred)", t.name, len(techs)-empty, edges)
	if dups > 0 {
		r.note("%s: %d rows repeat an occupation's example under another commodity; merged", t.name, dups)
	}
	if empty > 0 {
		r.note("%s: %d examples without a letter or digit left out", t.name, empty)
	}
	return nil
}

func onetOrFlag(a, b *bool) *bool {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	return onetPtr(*a || *b)
}

// onetSlug is the id part of a technology example: lower-case, "+" as "plus"
// and "#" as "sharp", runs of anything else that is not a letter or digit as
// one "-", none at the ends.
func onetSlug(s string) string {
	var b strings.Builder
	dash := false
	word := func(w string) {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
		dash = false
	}
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
		case c == '+':
			word("plus")
			dash = true
		case c == '#':
			word("sharp")
			dash = true
		default:
			dash = true
		}
	}
	return b.String()
}

// educationCategories checks that the RL categories mean what onetEducation
// assumes.
func (r *onetReader) educationCategories(t *onetTable) error {
	seen := 0
	err := t.each(func(row onetRow) error {
		if row.get(onetColScaleID) != "RL" {
			return nil
		}
		c, err := strconv.Atoi(row.get(onetColCategory))
		if err != nil || c < 1 || c >= len(onetEducation) {
			return row.errorf(onetColCategory, "%q is not a required-level category (1-12)", row.get(onetColCategory))
		}
		desc := strings.ToLower(row.get(onetColCategoryDesc))
		if !strings.Contains(desc, onetEducation[c].word) {
			return row.errorf(onetColCategoryDesc, "category %d is %q, not the %q this importer maps to %s",
				c, row.get(onetColCategoryDesc), onetEducation[c].word, onetEducation[c].level)
		}
		seen++
		return nil
	})
	if err != nil {
		return err
	}
	if seen == 0 {
		r.note("%s: no RL categories; the standard meanings assumed", t.name)
	}
	return nil
}

// education reads the RL distributions into each role's education and
// degree share.
func (r *onetReader) education(t *onetTable) error {
	shares := map[*cypher.GraphRole]*[13]float64{}
	var order []*cypher.GraphRole
	err := t.each(func(row onetRow) error {
		role, err := r.role(row)
		if err != nil {
			return err
		}
		if row.get(onetColScaleID) != "RL" {
			return nil
		}
		c, err := strconv.Atoi(row.get(onetColCategory))
		if err != nil || c < 1 || c >= len(onetEducation) {
			return row.errorf(onetColCategory, "%q is not a required-level category (1-12)", row.get(onetColCategory))
		}
		v, err := strconv.ParseFloat(row.get(onetColDataValue), 64)
		if err != nil || math.IsNaN(v) || v < 0 || v > 100 {
			return row.errorf(onetColDataValue, "%q is not a percentage", row.get(onetColDataValue))
		}
		s := shares[role]
		if s == nil {
			s = new([13]float64)
			shares[role] = s
			order = append(order, role)
		}
		s[c] += v
		return nil
	})
	if err != nil {
		return err
	}
	for _, role := range order {
		s := shares[role]
		best, degree := 0, 0.0
		for c := 1; c < len(s); c++ {
			if s[c] > 0 && (best == 0 || s[c] > s[best]) {
				best = c
			}
			if c >= 5 {
				degree += s[c]
			}
		}
		if best == 0 {
			continue // every share zero: nothing known
		}
		role.Education = onetEducation[best].level
		d := math.Round(min(1, degree/100)*10000) / 10000
		role.DegreeShare = &d
	}
	r.note("%s: education for %d of %d roles", t.name, len(order), len(r.codes))
	return nil
}

func onetPtr[T any](v T) *T { return &v }

// onetTable is an O*NET file: its name as found and its header.
type onetTable struct {
	name   string // file name, e.g. "Skills.txt"
	path   string
	header []string
	cols   map[string]int
	data   []byte // the file, from the line after the header
	line   int    // the line data starts on
}

// open finds the logical file name as .txt or .tsv in the folder and reads
// its header, checking that it has the columns need. It returns nil, nil
// when neither file is there.
func (r *onetReader) open(name string, need ...string) (*onetTable, error) {
	var found []string
	for _, ext := range []string{".txt", ".tsv"} {
		p := filepath.Join(r.dir, name+ext)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			found = append(found, name+ext)
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("O*NET %s: %w", name+ext, err)
		}
	}
	if len(found) == 0 {
		return nil, nil
	}
	if len(found) > 1 {
		r.note("%s: both %s and %s are in the folder; read %s", name, found[0], found[1], found[0])
	}
	t := &onetTable{name: found[0], path: filepath.Join(r.dir, found[0])}
	data, err := os.ReadFile(t.path)
	if err != nil {
		return nil, fmt.Errorf("O*NET %s: %w", t.name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	rd := onetLines{data: data}
	header, line, ok := rd.record()
	if !ok {
		return nil, errorf(t.name, 1, "", "the file is empty: a header line is needed")
	}
	t.header, t.line, t.data = header, line+1, data[rd.off:]
	t.cols = make(map[string]int, len(header))
	for i, h := range header {
		h = strings.TrimSpace(h)
		if _, dup := t.cols[h]; dup {
			return nil, errorf(t.name, 1, h, "the header names this column twice")
		}
		t.cols[h] = i
	}
	for _, c := range need {
		if _, ok := t.cols[c]; !ok {
			return nil, errorf(t.name, 1, c, "missing column in the header (%s has %s)", t.name, strings.Join(header, ", "))
		}
	}
	return t, nil
}

// onetRow is one data row of a table.
type onetRow struct {
	t      *onetTable
	line   int
	fields []string
}

func (row onetRow) has(col string) bool { _, ok := row.t.cols[col]; return ok }

// get is the row's value in a column; "" when the file has no such column.
func (row onetRow) get(col string) string {
	i, ok := row.t.cols[col]
	if !ok {
		return ""
	}
	return strings.TrimSpace(row.fields[i])
}

func (row onetRow) errorf(col, format string, args ...any) error {
	return errorf(row.t.name, row.line, col, format, args...)
}

// each calls fn on every data row, refusing rows whose field count is not
// the header's. Blank lines are skipped.
func (t *onetTable) each(fn func(onetRow) error) error {
	rd := onetLines{data: t.data, line: t.line - 1}
	for {
		fields, line, ok := rd.record()
		if !ok {
			return nil
		}
		if len(fields) == 1 && strings.TrimSpace(fields[0]) == "" {
			continue
		}
		if len(fields) < len(t.header) {
			return errorf(t.name, line, t.header[len(fields)], "the row ends after %d of the header's %d columns", len(fields), len(t.header))
		}
		if len(fields) > len(t.header) {
			return errorf(t.name, line, t.header[len(t.header)-1], "the row has %d fields, the header %d columns", len(fields), len(t.header))
		}
		if err := fn(onetRow{t, line, fields}); err != nil {
			return err
		}
	}
}

// onetLines splits O*NET's tab-separated text into records: fields split at
// tabs, lines ending in "\n" or "\r\n". A field that starts with a double
// quote and closes it on the same line is unquoted, "" inside standing for
// one quote (the text release quotes fields that contain quotes); any other
// quote is read as written.
type onetLines struct {
	data []byte
	off  int
	line int // the last line read
}

// record reads the next record, with its line.
func (l *onetLines) record() (fields []string, line int, ok bool) {
	if l.off >= len(l.data) {
		return nil, 0, false
	}
	l.line++
	for {
		end := bytes.IndexAny(l.data[l.off:], "\t\n")
		if end < 0 {
			end = len(l.data) - l.off
		}
		raw := l.data[l.off : l.off+end]
		if len(raw) > 0 && raw[0] == '"' {
			if f, n, ok := unquoteONET(l.data[l.off:]); ok {
				fields = append(fields, f)
				l.off += n
				end = bytes.IndexAny(l.data[l.off:], "\t\n")
				if end < 0 {
					end = len(l.data) - l.off
				}
				// Text after the closing quote stays part of the field.
				fields[len(fields)-1] += string(bytes.TrimSuffix(l.data[l.off:l.off+end], []byte("\r")))
				raw = nil
			}
		}
		if raw != nil {
			fields = append(fields, string(bytes.TrimSuffix(raw, []byte("\r"))))
		}
		l.off += end
		if l.off >= len(l.data) {
			return fields, l.line, true
		}
		sep := l.data[l.off]
		l.off++
		if sep == '\n' {
			return fields, l.line, true
		}
	}
}

// unquoteONET reads a quoted field at the start of b, returning it and the
// bytes it took, or false when the quote does not close on its line.
func unquoteONET(b []byte) (string, int, bool) {
	var sb strings.Builder
	for i := 1; i < len(b); i++ {
		switch b[i] {
		case '"':
			if i+1 < len(b) && b[i+1] == '"' {
				sb.WriteByte('"')
				i++
				continue
			}
			return sb.String(), i + 1, true
		case '\n':
			return "", 0, false
		default:
			sb.WriteByte(b[i])
		}
	}
	return "", 0, false
}
