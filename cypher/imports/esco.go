package imports

// ESCO importer.
//
// ESCO reads an ESCO classification release in CSV (v1.1.1 and its layout):
// a folder of its CSV files, a zip of one, or a folder holding the release
// zips as the ESCO portal serves them. The portal's English download is two
// zips: "... classification - en - csv.zip" with the English labels
// (occupations_en.csv, skills_en.csv, skillGroups_en.csv, ISCOGroups_en.csv,
// skillsHierarchy_en.csv, ...) and the language-neutral "... classification -
// - csv.zip" with the relations (occupationSkillRelations.csv,
// broaderRelationsSkillPillar.csv, broaderRelationsOccPillar.csv,
// skillSkillRelations.csv), which the English zip does not hold. So files are
// found by name, wherever they are in the folder or its zips: the English
// files ("_en.csv"; other languages are not read) and the neutral relation
// files, each of which must be there once; a note says which zip gave which
// file. occupations_en.csv, skills_en.csv, skillGroups_en.csv,
// occupationSkillRelations.csv and broaderRelationsSkillPillar.csv are
// required; the others are optional, with a note when absent. Columns are
// found by their header names, never by position; quoted multi-line fields
// are read as RFC 4180 UTF-8 CSV (strict quotes: the release needs no lazy
// quoting; every row has the header's columns, except in
// skillsHierarchy_en.csv, whose shallow rows leave out their empty trailing
// columns). Errors name the file as "<zip>!<file>" when it is in a zip. The
// rules:
//
//   - Occupations (occupations_en.csv) become roles with id
//     "esco:occupation/<uuid>" (the last segment of conceptUri), title the
//     preferredLabel, description, occupationCode the ISCO-08 unit group code
//     (iscoGroup, "2512"; ESCO's own code "2512.4" has no field), source
//     "esco". Level and industry stay empty: ESCO does not give them.
//   - Skills (skills_en.csv) become skills with id "esco:skill/<uuid>", name
//     the preferredLabel, sourceCode the concept URI, description, source
//     "esco", reuseLevel the last segment of reuseLevel (transversal,
//     cross-sector, sector-specific, occupation-specific). Type: knowledge ->
//     KNOWLEDGE; skill/competence -> COMMON when transversal (ESCO's
//     transversal skills are the soft, portable ones: "show initiative",
//     "think critically") and SPECIALIZED otherwise. A skill with an empty
//     skillType (v1.1.1 has six) has no type, with a note.
//   - Skill groups (skillGroups_en.csv) are skills too, so that the hierarchy
//     has its upper levels: id "esco:" plus the URI's path
//     ("esco:skill/<uuid>", or "esco:isced-f/<code>" for the ISCED-F fields
//     of education that head the knowledge branch), name, description,
//     sourceCode, source "esco", and no type or reuse level (a group is a
//     heading, not something a role requires). Groups that
//     broaderRelationsSkillPillar.csv names but skillGroups_en.csv lacks (v1.1.1
//     lacks seven) take their label from skillsHierarchy_en.csv, with a note.
//   - broaderRelationsSkillPillar.csv becomes PART_OF edges, narrower ->
//     broader (skill -> group, skill -> broader skill, group -> group). A
//     skill's or group's category is the preferredLabel of its broader group
//     (of several, the one with the smallest id); a skill whose broader
//     concepts are skills takes their category.
//   - occupationSkillRelations.csv becomes REQUIRES edges. ESCO has no levels,
//     only essential and optional: essential -> required, level 3 (working),
//     importance 4; optional -> preferred (required = false), level 2 (basic),
//     importance 2.
//   - broaderRelationsOccPillar.csv: occupation -> broader occupation becomes
//     (:Role)-[:PART_OF]->(:Role). ISCO groups are not roles: an occupation's
//     ISCO group is its occupationCode, and the ISCO hierarchy is in the
//     code itself (2512 is part of 251, of 25, of 2), so those links are
//     counted in a note rather than stored twice.
//   - skillSkillRelations.csv is not stored: "skill A is essential/optional
//     for skill B" is neither a part-of hierarchy, a learning order
//     (PRECEDES) nor an equivalence (SAME_AS); a note counts its rows.
//   - Labels are kept as they are, but for white space around them (v1.1.1
//     has labels ending in spaces or no-break spaces), which is trimmed, with a
//     note; descriptions are trimmed the same way.
//   - Errors: a row that does not parse or is not UTF-8, a missing column, a
//     URI that is not an ESCO URI of the column's kind (an occupation URI
//     where a skill is due), an unknown skillType, reuseLevel, relationType or conceptType, a
//     concept listed twice, an empty label, an iscoGroup that is not an ISCO
//     code (or not in ISCOGroups_en.csv), a relation whose skillType or
//     conceptType contradicts the concept's file, a broader link from a concept
//     to itself, or the same occupation-skill pair both essential and
//     optional refuse the whole import with an *Error naming the file, the
//     1-based line where the record starts and the column.
//   - A relation naming a well-formed URI that the release's label files do
//     not describe cannot be stored (there is no node to hang it on): it is
//     left out and a note counts such rows per file, naming the missing URIs
//     and the first file:line:column. v1.1.1 has one such occupation
//     (67 occupation-skill relations and one hierarchy link), and a partial
//     extract has many at its edges. Rows repeated word for word are kept
//     once, with a note.
//   - Output is deterministic: roles, skills, each role's skills and the
//     skill relations sorted by id.

import (
	"archive/zip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	pathpkg "path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// The release's files.
const (
	escoOccupations  = "occupations_en.csv"
	escoSkills       = "skills_en.csv"
	escoSkillGroups  = "skillGroups_en.csv"
	escoHierarchy    = "skillsHierarchy_en.csv"
	escoISCOGroups   = "ISCOGroups_en.csv"
	escoOccSkills    = "occupationSkillRelations.csv"
	escoSkillBroader = "broaderRelationsSkillPillar.csv"
	escoOccBroader   = "broaderRelationsOccPillar.csv"
	escoSkillSkill   = "skillSkillRelations.csv"
)

// escoURIBase starts every ESCO concept URI.
const escoURIBase = "http://data.europa.eu/esco/"

// What ESCO's occupation-skill relations become on the one proficiency scale.
const (
	ESCOEssentialLevel      = 3 // working
	ESCOEssentialImportance = 4.0
	ESCOOptionalLevel       = 2 // basic
	ESCOOptionalImportance  = 2.0
)

// escoReuseLevels are ESCO's reuse levels, as the last segment of their URI.
var escoReuseLevels = []string{"transversal", "cross-sector", "sector-specific", "occupation-specific"}

// ESCO reads the ESCO CSV release at path: a folder of its CSV files, a zip
// of them, or a folder holding the release zips (the English one and the
// language-neutral one), following the rules at the top of esco.go. Bad
// input gives an *Error naming the file, line and column.
func ESCO(path string) (*Import, error) {
	imp, _, err := readESCO(path)
	return imp, err
}

// escoCounts is what a release held, for tests and notes.
type escoCounts struct {
	occupations, skills, groups int
	relations                   int // occupation-skill rows, stored or not
}

func readESCO(path string) (*Import, escoCounts, error) {
	rel, err := openESCORelease(path)
	if err != nil {
		return nil, escoCounts{}, err
	}
	defer rel.close()
	return rel.read()
}

// read reads the release's files into a graph.
func (rel *escoRelease) read() (*Import, escoCounts, error) {
	r := &escoReader{
		rel:     rel,
		roles:   map[string]*cypher.GraphRole{},
		nodes:   map[string]*escoNode{},
		isco:    map[string]bool{},
		iscoURI: map[string]bool{},
	}
	if err := r.read(); err != nil {
		return nil, r.counts, err
	}
	return &Import{Format: "esco", Graph: r.graph(), Notes: append(rel.notes(), r.notes...), Source: "esco", Partial: r.partial}, r.counts, nil
}

// escoNode is a skill or skill group being read.
type escoNode struct {
	skill  cypher.GraphSkill
	group  bool
	groups []string // ids of broader groups
	skills []string // ids of broader skills
	cat    *string
	catSet bool // cat is computed (or being computed)
}

type escoReader struct {
	rel    *escoRelease
	notes  []string
	counts escoCounts
	// partial names the optional files left out that give nodes or edges.
	partial []string

	roles   map[string]*cypher.GraphRole // by URI
	nodes   map[string]*escoNode         // skills and groups by URI
	byID    map[string]*escoNode
	isco    map[string]bool // ISCO codes, when ISCOGroups_en.csv is there
	iscoURI map[string]bool
	hasISCO bool

	relations     []cypher.GraphSkillRelation
	roleRelations []cypher.GraphRoleRelation
	trimmed       int
}

func (r *escoReader) note(format string, args ...any) {
	r.notes = append(r.notes, fmt.Sprintf(format, args...))
}

func (r *escoReader) read() error {
	steps := []struct {
		file     string
		required bool
		read     func(*escoTable) error
		absent   string // why an optional file's absence is fine
	}{
		{escoISCOGroups, false, r.iscoGroups, "occupations' iscoGroup codes and the occupation hierarchy's ISCO groups are not checked against it"},
		{escoOccupations, true, r.occupations, ""},
		{escoSkills, true, r.skills, ""},
		{escoSkillGroups, true, r.skillGroups, ""},
		{escoHierarchy, false, r.hierarchy, "skill groups missing from skillGroups_en.csv cannot be filled in from it"},
		{escoOccSkills, true, r.occupationSkills, ""},
		{escoSkillBroader, true, r.skillBroader, ""},
		{escoOccBroader, false, r.occupationBroader, "the occupation hierarchy is not stored anyway"},
		{escoSkillSkill, false, r.skillSkill, "skill-skill relations are not stored anyway"},
	}
	// Find every file first, so that a missing one is told at once.
	files := make([]*escoFile, len(steps))
	for i, st := range steps {
		f, err := r.rel.find(st.file, st.required)
		if err != nil {
			return err
		}
		files[i] = f
	}
	for i, st := range steps {
		if files[i] == nil {
			r.note("%s is not in %s: %s", st.file, r.rel.path, st.absent)
			if st.file != escoSkillSkill { // read, never stored
				r.partial = append(r.partial, st.file)
			}
			continue
		}
		t, err := r.rel.table(files[i], st.file)
		if err != nil {
			return err
		}
		err = st.read(t)
		t.close()
		if err != nil {
			return err
		}
	}
	if r.trimmed > 0 {
		r.note("%s had white space (spaces, no-break spaces) around them, trimmed", plural(r.trimmed, "label"))
	}
	return nil
}

// label is a preferredLabel without the white space around it.
func (r *escoReader) label(s string) string {
	t := strings.TrimFunc(s, unicode.IsSpace)
	if t != s {
		r.trimmed++
	}
	return t
}

// escoText is a description without the white space around it, nil when empty.
func escoText(s string) *string {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if s == "" {
		return nil
	}
	return &s
}

func escoStr(s string) *string { return &s }

// escoID turns an ESCO concept URI into a node id, "esco:" and the URI's
// path, if the URI is one of kinds ("occupation", "skill", ...).
func escoID(uri string, kinds ...string) (id, kind string, ok bool) {
	rest, ok := strings.CutPrefix(uri, escoURIBase)
	if !ok {
		return "", "", false
	}
	kind, code, ok := strings.Cut(rest, "/")
	if !ok || code == "" || strings.Contains(code, "/") || !slices.Contains(kinds, kind) {
		return "", "", false
	}
	id = "esco:" + rest
	if pathway.ValidateID("id", id) != nil {
		return "", "", false
	}
	return id, kind, true
}

// uri checks that a column holds an ESCO URI of one of kinds.
func (t *escoTable) uri(col string, kinds ...string) (uri, id, kind string, err error) {
	uri = t.get(col)
	id, kind, ok := escoID(uri, kinds...)
	if !ok {
		want := make([]string, len(kinds))
		for i, k := range kinds {
			want[i] = escoURIBase + k + "/..."
		}
		return "", "", "", t.errorf(col, "%q is not an ESCO URI of the kind this column holds (%s)", uri, strings.Join(want, " or "))
	}
	return uri, id, kind, nil
}

// conceptType checks an optional conceptType-like column against want.
func (t *escoTable) conceptType(col, want string) error {
	if v := t.get(col); t.has(col) && v != want {
		return t.errorf(col, "%q where %s lists only %q", v, t.base, want)
	}
	return nil
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func (r *escoReader) iscoGroups(t *escoTable) error {
	if err := t.need("conceptUri", "code"); err != nil {
		return err
	}
	r.hasISCO = true
	for t.next() {
		uri, _, _, err := t.uri("conceptUri", "isco")
		if err != nil {
			return err
		}
		code := t.get("code")
		if !isDigits(code) || len(code) > 4 {
			return t.errorf("code", "%q is not an ISCO-08 code (1-4 digits)", code)
		}
		if r.iscoURI[uri] {
			return t.errorf("conceptUri", "ISCO group %s appears twice", uri)
		}
		r.iscoURI[uri] = true
		r.isco[code] = true
	}
	return t.err
}

func (r *escoReader) occupations(t *escoTable) error {
	if err := t.need("conceptUri", "preferredLabel", "iscoGroup"); err != nil {
		return err
	}
	lines := map[string]int{}
	for t.next() {
		if err := t.conceptType("conceptType", "Occupation"); err != nil {
			return err
		}
		uri, id, _, err := t.uri("conceptUri", "occupation")
		if err != nil {
			return err
		}
		if l, ok := lines[uri]; ok {
			return t.errorf("conceptUri", "occupation %s appears twice (first on line %d)", uri, l)
		}
		lines[uri] = t.line
		title := r.label(t.get("preferredLabel"))
		if title == "" {
			return t.errorf("preferredLabel", "occupation %s has no label", uri)
		}
		code := t.get("iscoGroup")
		if !isDigits(code) || len(code) > 4 {
			return t.errorf("iscoGroup", "%q is not an ISCO-08 code (1-4 digits)", code)
		}
		if r.hasISCO && !r.isco[code] {
			return t.errorf("iscoGroup", "ISCO group %s is not in %s", code, escoISCOGroups)
		}
		r.roles[uri] = &cypher.GraphRole{
			Role: pathway.Role{
				ID:             id,
				Title:          title,
				OccupationCode: escoStr(code),
				Description:    escoText(t.get("description")),
			},
			Source: escoStr("esco"),
		}
	}
	r.counts.occupations = len(r.roles)
	return t.err
}

// addNode adds a skill or group, refusing a URI seen before.
func (r *escoReader) addNode(t *escoTable, uri string, n *escoNode) error {
	if old, ok := r.nodes[uri]; ok {
		what := "skill"
		if old.group {
			what = "skill group"
		}
		return t.errorf("conceptUri", "%s is already a %s", uri, what)
	}
	r.nodes[uri] = n
	return nil
}

func (r *escoReader) skills(t *escoTable) error {
	if err := t.need("conceptUri", "preferredLabel", "skillType", "reuseLevel"); err != nil {
		return err
	}
	untyped := 0
	for t.next() {
		if err := t.conceptType("conceptType", "KnowledgeSkillCompetence"); err != nil {
			return err
		}
		uri, id, _, err := t.uri("conceptUri", "skill")
		if err != nil {
			return err
		}
		name := r.label(t.get("preferredLabel"))
		if name == "" {
			return t.errorf("preferredLabel", "skill %s has no label", uri)
		}
		reuse := t.get("reuseLevel")
		reuse = reuse[strings.LastIndexByte(reuse, '/')+1:]
		if reuse != "" && !slices.Contains(escoReuseLevels, reuse) {
			return t.errorf("reuseLevel", "%q is not a reuse level (%s)", t.get("reuseLevel"), strings.Join(escoReuseLevels, ", "))
		}
		var typ *string
		switch st := t.get("skillType"); st {
		case "knowledge":
			typ = escoStr("KNOWLEDGE")
		case "skill/competence":
			if reuse == "transversal" {
				typ = escoStr("COMMON")
			} else {
				typ = escoStr("SPECIALIZED")
			}
		case "":
			untyped++
		default:
			return t.errorf("skillType", "%q is not a skill type (skill/competence or knowledge)", st)
		}
		n := &escoNode{skill: cypher.GraphSkill{
			ID:          id,
			Name:        name,
			Type:        typ,
			Description: escoText(t.get("description")),
			Source:      escoStr("esco"),
			SourceCode:  escoStr(uri),
		}}
		if reuse != "" {
			n.skill.ReuseLevel = escoStr(reuse)
		}
		if err := r.addNode(t, uri, n); err != nil {
			return err
		}
		r.counts.skills++
	}
	if untyped > 0 {
		r.note("%s: %s without a skillType, imported without a type", t.name, plural(untyped, "skill"))
	}
	return t.err
}

func (r *escoReader) group(uri, id, name string, desc *string) *escoNode {
	return &escoNode{group: true, skill: cypher.GraphSkill{
		ID:          id,
		Name:        name,
		Description: desc,
		Source:      escoStr("esco"),
		SourceCode:  escoStr(uri),
	}}
}

func (r *escoReader) skillGroups(t *escoTable) error {
	if err := t.need("conceptUri", "preferredLabel"); err != nil {
		return err
	}
	for t.next() {
		if err := t.conceptType("conceptType", "SkillGroup"); err != nil {
			return err
		}
		uri, id, _, err := t.uri("conceptUri", "skill", "isced-f")
		if err != nil {
			return err
		}
		name := r.label(t.get("preferredLabel"))
		if name == "" {
			return t.errorf("preferredLabel", "skill group %s has no label", uri)
		}
		if err := r.addNode(t, uri, r.group(uri, id, name, escoText(t.get("description")))); err != nil {
			return err
		}
		r.counts.groups++
	}
	return t.err
}

// hierarchy fills in the skill groups that skillGroups_en.csv lacks from
// skillsHierarchy_en.csv, whose rows are paths "Level 0 URI", "Level 0
// preferred term", ... down to level 3, with the deepest one's Description.
func (r *escoReader) hierarchy(t *escoTable) error {
	if err := t.need("Level 0 URI", "Level 0 preferred term"); err != nil {
		return err
	}
	var added []string
	for t.next() {
		deepest := -1
		for l := 0; l <= 3; l++ {
			if t.get(fmt.Sprintf("Level %d URI", l)) != "" {
				deepest = l
			}
		}
		for l := 0; l <= deepest; l++ {
			col := fmt.Sprintf("Level %d URI", l)
			if t.get(col) == "" {
				return t.errorf(col, "level %d is empty but level %d is not", l, deepest)
			}
			uri, id, _, err := t.uri(col, "skill", "isced-f")
			if err != nil {
				return err
			}
			if r.nodes[uri] != nil {
				continue
			}
			termCol := fmt.Sprintf("Level %d preferred term", l)
			name := r.label(t.get(termCol))
			if name == "" {
				return t.errorf(termCol, "skill group %s has no label", uri)
			}
			var desc *string
			if l == deepest {
				desc = escoText(t.get("Description"))
			}
			r.nodes[uri] = r.group(uri, id, name, desc)
			added = append(added, fmt.Sprintf("%s %q", id, name))
		}
	}
	if len(added) > 0 {
		r.counts.groups += len(added)
		r.note("%s: %s missing from %s taken from it: %s", t.name, plural(len(added), "skill group"), escoSkillGroups, strings.Join(added, ", "))
	}
	return t.err
}

// escoMissing counts a file's rows left out because they name concepts the
// release does not describe.
type escoMissing struct {
	rows  int
	uris  []string
	seen  map[string]bool
	first string
}

func (m *escoMissing) add(t *escoTable, col, uri string) {
	if m.seen == nil {
		m.seen = map[string]bool{}
	}
	if m.rows == 0 {
		m.first = fmt.Sprintf("%s:%d: %s", t.name, t.line, col)
	}
	m.rows++
	if !m.seen[uri] {
		m.seen[uri] = true
		m.uris = append(m.uris, uri)
	}
}

// noteMissing notes the rows of a file that name concepts the release does
// not describe; what names the rows when they would have been stored, and is
// empty when the file is not stored anyway.
func (r *escoReader) noteMissing(t *escoTable, m *escoMissing, what string) {
	if m.rows == 0 {
		return
	}
	uris := m.uris
	more := ""
	if len(uris) > 3 {
		more = fmt.Sprintf(" and %d more", len(uris)-3)
		uris = uris[:3]
	}
	detail := fmt.Sprintf("%s that the release's label files do not describe (%s%s; the first at %s)",
		plural(len(m.uris), "concept"), strings.Join(uris, ", "), more, m.first)
	if what == "" {
		r.note("%s: %s among them naming %s", t.name, plural(m.rows, "row"), detail)
		return
	}
	r.note("%s: %s left out, naming %s", t.name, plural(m.rows, what), detail)
}

// plural is n and the noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func (r *escoReader) noteRepeats(t *escoTable, n int) {
	if n > 0 {
		r.note("%s: %s repeated an earlier row word for word; kept once", t.name, plural(n, "row"))
	}
}

func (r *escoReader) occupationSkills(t *escoTable) error {
	if err := t.need("occupationUri", "relationType", "skillUri"); err != nil {
		return err
	}
	type pair struct{ occ, skill string }
	seen := map[pair]int{} // line, negated when optional
	profiles := map[string][]cypher.GraphRoleSkill{}
	var missing escoMissing
	repeats := 0
	for t.next() {
		r.counts.relations++
		occURI, _, _, err := t.uri("occupationUri", "occupation")
		if err != nil {
			return err
		}
		skillURI, skillID, _, err := t.uri("skillUri", "skill")
		if err != nil {
			return err
		}
		rt := t.get("relationType")
		if rt != "essential" && rt != "optional" {
			return t.errorf("relationType", "%q is not essential or optional", rt)
		}
		n := r.nodes[skillURI]
		if n != nil && n.group {
			return t.errorf("skillUri", "%s is a skill group, not a skill", skillURI)
		}
		if st := t.get("skillType"); n != nil && st != "" {
			want := "skill/competence"
			if n.skill.Type != nil && *n.skill.Type == "KNOWLEDGE" {
				want = "knowledge"
			}
			if n.skill.Type == nil || st != want {
				return t.errorf("skillType", "%q, but %s lists %s as %s", st, escoSkills, skillURI, escoSkillTypeOf(n))
			}
		}
		role := r.roles[occURI]
		switch {
		case role == nil:
			missing.add(t, "occupationUri", occURI)
			continue
		case n == nil:
			missing.add(t, "skillUri", skillURI)
			continue
		}
		line := t.line
		if rt == "optional" {
			line = -line
		}
		if prev, ok := seen[pair{occURI, skillURI}]; ok {
			if (prev < 0) != (line < 0) {
				return t.errorf("relationType", "%s, but line %d makes the same pair %s", rt, max(prev, -prev), map[bool]string{true: "optional", false: "essential"}[prev < 0])
			}
			repeats++
			continue
		}
		seen[pair{occURI, skillURI}] = line
		rs := cypher.GraphRoleSkill{Skill: skillID, Required: rt == "essential"}
		if rs.Required {
			rs.Level, rs.Importance = ESCOEssentialLevel, escoFloat(ESCOEssentialImportance)
		} else {
			rs.Level, rs.Importance = ESCOOptionalLevel, escoFloat(ESCOOptionalImportance)
		}
		profiles[occURI] = append(profiles[occURI], rs)
	}
	if t.err != nil {
		return t.err
	}
	for uri, skills := range profiles {
		sort.Slice(skills, func(i, j int) bool { return skills[i].Skill < skills[j].Skill })
		r.roles[uri].Skills = skills
	}
	r.noteMissing(t, &missing, "occupation-skill relation")
	r.noteRepeats(t, repeats)
	return nil
}

func escoSkillTypeOf(n *escoNode) string {
	switch {
	case n.skill.Type == nil:
		return "having no skillType"
	case *n.skill.Type == "KNOWLEDGE":
		return "knowledge"
	}
	return "skill/competence"
}

func escoFloat(f float64) *float64 { return &f }

// escoConceptTypes maps the hierarchy files' conceptType values to whether
// the concept is a group.
var escoConceptTypes = map[string]bool{"KnowledgeSkillCompetence": false, "SkillGroup": true}

func (r *escoReader) skillBroader(t *escoTable) error {
	if err := t.need("conceptType", "conceptUri", "broaderType", "broaderUri"); err != nil {
		return err
	}
	type pair struct{ from, to string }
	seen := map[pair]bool{}
	var missing escoMissing
	repeats := 0
	ends := [2]struct{ typeCol, uriCol string }{{"conceptType", "conceptUri"}, {"broaderType", "broaderUri"}}
	for t.next() {
		var nodes [2]*escoNode
		var uris [2]string
		for i, e := range ends {
			group, ok := escoConceptTypes[t.get(e.typeCol)]
			if !ok {
				return t.errorf(e.typeCol, "%q is not KnowledgeSkillCompetence or SkillGroup", t.get(e.typeCol))
			}
			uri, _, _, err := t.uri(e.uriCol, "skill", "isced-f")
			if err != nil {
				return err
			}
			uris[i] = uri
			nodes[i] = r.nodes[uri]
			if nodes[i] != nil && nodes[i].group != group {
				return t.errorf(e.typeCol, "%s, but %s is a %s", t.get(e.typeCol), uri, map[bool]string{true: "skill group", false: "skill"}[nodes[i].group])
			}
		}
		if uris[0] == uris[1] {
			return t.errorf("broaderUri", "%s is broader than itself", uris[0])
		}
		switch {
		case nodes[0] == nil:
			missing.add(t, "conceptUri", uris[0])
			continue
		case nodes[1] == nil:
			missing.add(t, "broaderUri", uris[1])
			continue
		}
		p := pair{uris[0], uris[1]}
		if seen[p] {
			repeats++
			continue
		}
		seen[p] = true
		child, broader := nodes[0], nodes[1]
		if broader.group {
			child.groups = append(child.groups, broader.skill.ID)
		} else {
			child.skills = append(child.skills, broader.skill.ID)
		}
		r.relations = append(r.relations, cypher.GraphSkillRelation{From: child.skill.ID, To: broader.skill.ID, Kind: cypher.PartOf})
	}
	if t.err != nil {
		return t.err
	}
	r.noteMissing(t, &missing, "broader link")
	r.noteRepeats(t, repeats)
	return nil
}

func (r *escoReader) occupationBroader(t *escoTable) error {
	if err := t.need("conceptType", "conceptUri", "broaderType", "broaderUri"); err != nil {
		return err
	}
	kinds := map[string]string{"Occupation": "occupation", "ISCOGroup": "isco"}
	counts := map[[2]string]int{}
	var missing escoMissing
	total := 0
	for t.next() {
		var types [2]string
		for i, e := range [2]struct{ typeCol, uriCol string }{{"conceptType", "conceptUri"}, {"broaderType", "broaderUri"}} {
			typ := t.get(e.typeCol)
			kind, ok := kinds[typ]
			if !ok {
				return t.errorf(e.typeCol, "%q is not Occupation or ISCOGroup", typ)
			}
			uri, _, _, err := t.uri(e.uriCol, kind)
			if err != nil {
				return err
			}
			types[i] = typ
			if (kind == "occupation" && r.roles[uri] == nil) || (kind == "isco" && r.hasISCO && !r.iscoURI[uri]) {
				missing.add(t, e.uriCol, uri)
			}
		}
		if t.get("conceptUri") == t.get("broaderUri") {
			return t.errorf("broaderUri", "%s is broader than itself", t.get("conceptUri"))
		}
		counts[types]++
		total++
		if types == [2]string{"Occupation", "Occupation"} {
			child, broader := r.roles[t.get("conceptUri")], r.roles[t.get("broaderUri")]
			if child != nil && broader != nil {
				r.roleRelations = append(r.roleRelations, cypher.GraphRoleRelation{From: child.ID, To: broader.ID})
			}
		}
	}
	if t.err != nil {
		return t.err
	}
	if total > 0 {
		r.note("%s: %d hierarchy links: %d occupation -> broader occupation stored as role PART_OF edges; %d occupation -> ISCO group and %d ISCO group -> ISCO group not stored, since each role keeps its ISCO group as occupationCode and ISCO codes nest by their digits",
			t.name, total, counts[[2]string{"Occupation", "Occupation"}], counts[[2]string{"Occupation", "ISCOGroup"}], counts[[2]string{"ISCOGroup", "ISCOGroup"}])
	}
	r.noteMissing(t, &missing, "")
	return nil
}

func (r *escoReader) skillSkill(t *escoTable) error {
	if err := t.need("originalSkillUri", "relationType", "relatedSkillUri"); err != nil {
		return err
	}
	counts := map[string]int{}
	var missing escoMissing
	for t.next() {
		for _, col := range []string{"originalSkillUri", "relatedSkillUri"} {
			uri, _, _, err := t.uri(col, "skill")
			if err != nil {
				return err
			}
			if r.nodes[uri] == nil {
				missing.add(t, col, uri)
			}
		}
		rt := t.get("relationType")
		if rt != "essential" && rt != "optional" {
			return t.errorf("relationType", "%q is not essential or optional", rt)
		}
		counts[rt]++
	}
	if t.err != nil {
		return t.err
	}
	if n := counts["essential"] + counts["optional"]; n > 0 {
		r.note("%s: %d relations not stored (%d essential, %d optional): \"skill A is essential/optional for skill B\" is neither a part-of hierarchy, a learning order (PRECEDES) nor an equivalence (SAME_AS)",
			t.name, n, counts["essential"], counts["optional"])
	}
	r.noteMissing(t, &missing, "")
	return nil
}

// category is the label of a node's broader group (the smallest id of
// several), or else its broader skills' category.
func (r *escoReader) category(n *escoNode) *string {
	if n.catSet {
		return n.cat
	}
	n.catSet = true // a cycle ends here, with no category
	if len(n.groups) > 0 {
		n.cat = escoStr(r.byID[slices.Min(n.groups)].skill.Name)
		return n.cat
	}
	broader := slices.Clone(n.skills)
	slices.Sort(broader)
	for _, id := range broader {
		if c := r.category(r.byID[id]); c != nil {
			n.cat = c
			break
		}
	}
	return n.cat
}

func (r *escoReader) graph() *cypher.Graph {
	g := &cypher.Graph{}
	r.byID = make(map[string]*escoNode, len(r.nodes))
	for _, n := range r.nodes {
		r.byID[n.skill.ID] = n
	}
	for _, n := range r.nodes {
		n.skill.Category = r.category(n)
		g.Skills = append(g.Skills, n.skill)
	}
	sort.Slice(g.Skills, func(i, j int) bool { return g.Skills[i].ID < g.Skills[j].ID })
	for _, role := range r.roles {
		g.Roles = append(g.Roles, *role)
	}
	sort.Slice(g.Roles, func(i, j int) bool { return g.Roles[i].ID < g.Roles[j].ID })
	g.SkillRelations = r.relations
	g.RoleRelations = r.roleRelations
	sort.Slice(g.RoleRelations, func(i, j int) bool {
		a, b := g.RoleRelations[i], g.RoleRelations[j]
		if a.From != b.From {
			return a.From < b.From
		}
		return a.To < b.To
	})
	sort.Slice(g.SkillRelations, func(i, j int) bool {
		a, b := g.SkillRelations[i], g.SkillRelations[j]
		if a.From != b.From {
			return a.From < b.From
		}
		return a.To < b.To
	})
	return g
}

// escoRelease is the set of files a release path offers, by base name.
type escoRelease struct {
	path    string
	files   map[string][]escoFile
	used    []escoFile
	closers []io.Closer
}

// escoFile is one file of a release: in the folder or in a zip.
type escoFile struct {
	name      string // as errors name it: "skills_en.csv" or "x.zip!skills_en.csv"
	container string // the folder or zip it is in
	open      func() (io.ReadCloser, error)
}

func openESCORelease(path string) (_ *escoRelease, err error) {
	rel := &escoRelease{path: path, files: map[string][]escoFile{}}
	defer func() {
		if err != nil {
			rel.close()
		}
	}()
	info, err := os.Stat(path)
	if err != nil {
		return nil, errorf(path, 0, "", "cannot read the ESCO release: %v", err)
	}
	if !info.IsDir() {
		if err := rel.addZip(path); err != nil {
			return nil, err
		}
		return rel, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, errorf(path, 0, "", "cannot read the ESCO release: %v", err)
	}
	for _, e := range entries {
		full := filepath.Join(path, e.Name())
		switch ext := strings.ToLower(filepath.Ext(e.Name())); {
		case e.IsDir():
		case ext == ".csv":
			rel.add(e.Name(), escoFile{name: e.Name(), container: "the folder", open: func() (io.ReadCloser, error) { return os.Open(full) }})
		case ext == ".zip":
			if err := rel.addZip(full); err != nil {
				return nil, err
			}
		}
	}
	return rel, nil
}

func (rel *escoRelease) add(base string, f escoFile) {
	rel.files[base] = append(rel.files[base], f)
}

func (rel *escoRelease) addZip(path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return errorf(filepath.Base(path), 0, "", "not a zip of an ESCO CSV release (nor a folder): %v", err)
	}
	rel.closers = append(rel.closers, zr)
	zipName := filepath.Base(path)
	for _, f := range zr.File {
		base := pathpkg.Base(f.Name)
		if f.FileInfo().IsDir() || strings.HasPrefix(f.Name, "__MACOSX/") || strings.HasPrefix(base, "._") ||
			!strings.EqualFold(pathpkg.Ext(base), ".csv") {
			continue
		}
		rel.add(base, escoFile{name: zipName + "!" + f.Name, container: zipName, open: f.Open})
	}
	return nil
}

func (rel *escoRelease) close() {
	for _, c := range rel.closers {
		c.Close()
	}
	rel.closers = nil
}

// find finds a file of the release by its base name; nil when an optional
// file is absent.
func (rel *escoRelease) find(base string, required bool) (*escoFile, error) {
	fs := rel.files[base]
	switch {
	case len(fs) > 1:
		names := make([]string, len(fs))
		for i, f := range fs {
			names[i] = f.name
		}
		return nil, errorf(base, 0, "", "found %d times in %s (%s): one release at a time", len(fs), rel.path, strings.Join(names, ", "))
	case len(fs) == 0 && required:
		msg := fmt.Sprintf("not found in %s", rel.path)
		if lang := rel.otherLanguages(base); lang != "" {
			msg += fmt.Sprintf(" (only %s: the importer reads the English release)", lang)
		} else if !strings.HasSuffix(base, "_en.csv") {
			msg += ": ESCO ships the relation files in the language-neutral zip (\"ESCO dataset - <version> - classification -  - csv.zip\"); give the folder that holds it and the English zip"
		}
		return nil, errorf(base, 0, "", "%s", msg)
	case len(fs) == 0:
		return nil, nil
	}
	rel.used = append(rel.used, fs[0])
	return &fs[0], nil
}

// table opens a file of the release and reads its header.
func (rel *escoRelease) table(f *escoFile, base string) (*escoTable, error) {
	rc, err := f.open()
	if err != nil {
		return nil, errorf(f.name, 0, "", "cannot open: %v", err)
	}
	t := &escoTable{name: f.name, base: base, rc: rc, r: csv.NewReader(rc)}
	t.r.ReuseRecord = true
	if base == escoHierarchy {
		// ESCO leaves out the empty columns at the end of a shallow path.
		t.ragged = true
		t.r.FieldsPerRecord = -1
	}
	header, err := t.r.Read()
	if err != nil {
		rc.Close()
		if err == io.EOF {
			return nil, errorf(f.name, 1, "", "the file is empty: a header line is needed")
		}
		return nil, t.csvError(err, 0)
	}
	header = slices.Clone(header)
	header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	t.header = header
	t.cols = make(map[string]int, len(header))
	for i, h := range header {
		if _, ok := t.cols[h]; ok {
			rc.Close()
			return nil, errorf(f.name, 1, h, "the header names this column twice")
		}
		t.cols[h] = i
	}
	return t, nil
}

// otherLanguages names the files like base in other languages, if any.
func (rel *escoRelease) otherLanguages(base string) string {
	stem, ok := strings.CutSuffix(base, "_en.csv")
	if !ok {
		return ""
	}
	var found []string
	for name := range rel.files {
		if strings.HasPrefix(name, stem+"_") && name != base {
			found = append(found, name)
		}
	}
	sort.Strings(found)
	return strings.Join(found, ", ")
}

// notes says which file came from where when a release spans containers.
func (rel *escoRelease) notes() []string {
	by := map[string][]string{}
	var containers []string
	for _, f := range rel.used {
		if by[f.container] == nil {
			containers = append(containers, f.container)
		}
		by[f.container] = append(by[f.container], strings.TrimPrefix(f.name, f.container+"!"))
	}
	if len(containers) < 2 {
		return nil
	}
	parts := make([]string, len(containers))
	for i, c := range containers {
		parts[i] = fmt.Sprintf("%s from %s", strings.Join(by[c], ", "), c)
	}
	return []string{fmt.Sprintf("read %s: ESCO's English zip holds the English labels, its language-neutral zip the relations", strings.Join(parts, "; "))}
}

// escoTable reads a CSV file of the release record by record.
type escoTable struct {
	name   string // as errors name it
	base   string
	rc     io.ReadCloser
	r      *csv.Reader
	header []string
	cols   map[string]int
	rec    []string
	line   int  // where the current record starts
	ragged bool // rows may end early, their missing columns empty
	err    error
}

func (t *escoTable) close() { t.rc.Close() }

// need checks that the header has the columns.
func (t *escoTable) need(cols ...string) error {
	for _, c := range cols {
		if _, ok := t.cols[c]; !ok {
			return errorf(t.name, 1, c, "missing column in the header (it has %s)", strings.Join(t.header, ", "))
		}
	}
	return nil
}

// next reads the next record; false at the end or on an error, left in t.err.
func (t *escoTable) next() bool {
	rec, err := t.r.Read()
	if err == io.EOF {
		return false
	}
	if err != nil {
		t.err = t.csvError(err, len(rec))
		return false
	}
	t.rec = rec
	t.line, _ = t.r.FieldPos(0)
	if t.ragged && len(rec) > len(t.header) {
		t.err = errorf(t.name, t.line, t.header[len(t.header)-1], "the row has %d fields, the header %d columns", len(rec), len(t.header))
		return false
	}
	for i, v := range rec {
		if !utf8.ValidString(v) {
			t.err = errorf(t.name, t.line, t.header[i], "not UTF-8 text (ESCO's CSV files are UTF-8)")
			return false
		}
	}
	return true
}

// csvError makes a CSV syntax error an *Error; got is the number of fields
// of a record with the wrong count.
func (t *escoTable) csvError(err error, got int) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return errorf(t.name, 0, "", "cannot read: %v", err)
	}
	if errors.Is(pe.Err, csv.ErrFieldCount) && len(t.header) > 0 {
		if got < len(t.header) {
			return errorf(t.name, pe.StartLine, t.header[got], "the row ends after %d of the header's %d columns", got, len(t.header))
		}
		return errorf(t.name, pe.StartLine, t.header[len(t.header)-1], "the row has %d fields, the header %d columns", got, len(t.header))
	}
	return errorf(t.name, pe.StartLine, "", "line %d, column %d: %v", pe.Line, pe.Column, pe.Err)
}

func (t *escoTable) has(col string) bool { _, ok := t.cols[col]; return ok }

// get is a column of the current record; "" when the header lacks it.
func (t *escoTable) get(col string) string {
	i, ok := t.cols[col]
	if !ok || i >= len(t.rec) {
		return ""
	}
	return t.rec[i]
}

func (t *escoTable) errorf(col, format string, args ...any) error {
	return errorf(t.name, t.line, col, format, args...)
}
