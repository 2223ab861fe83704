package imports

// CIP importer: programs that lead to occupations.
//
// CIP reads a folder holding the NCES CIP 2020 list (CIPCode2020.csv) and the
// CIP 2020 to SOC 2018 crosswalk (CIP2020_SOC2018_Crosswalk.csv). Columns are
// found by header name (CIPCode, Action, CIPTitle and, optionally,
// CIPDefinition; CIP2020Code and SOC2018Code); codes may be written plainly
// or Excel-style (="51.3801"); a byte-order mark is fine. The rules:
//
//   - Programs: the six-digit codes (51.3801) whose Action is "No
//     substantive changes", "New" or "Moved to". In the NCES file "Moved to"
//     marks a moved program at its new, live code (01.1004 Viticulture and
//     Enology, with its definition, and the code the crosswalk uses) and
//     "Moved from" its old code (01.0309, whose definition reads "Moved from
//     01.0309 to 01.1004"). Dropped: the two-digit families and four-digit
//     series (groupings, not programs), and the six-digit rows marked "Moved
//     from" or "Deleted". Any other Action refuses the file: a new release's
//     vocabulary must be read, not guessed.
//   - Occupations: the crosswalk's SOC codes of each kept program, leaving
//     out 99-9999 ("no occupation") and the postsecondary teachers 25-1xxx
//     (see Teachers). Rows naming a code that is not a kept program are
//     counted in a note. The credential's occupations connect it
//     (PREPARES_FOR) to every role whose occupation code starts with one of
//     them, whichever is imported first (connect_occupations, which also
//     removes the edges it made to roles a re-imported program no longer
//     names). ESCO roles, coded by ISCO, are not matched.
//   - Split SOC codes: where O*NET splits a SOC code into detailed
//     occupations (29-2099 into 29-2099.00, .01 Neurodiagnostic
//     Technologists, .05 Ophthalmic Medical Technologists, .08 Patient
//     Representatives...), the crosswalk's program of the code prepares for
//     its general occupation (.00) and for those detailed ones its title and
//     definition match (cipmatch.go: Electroneurodiagnostic Technology for
//     Neurodiagnostic Technologists, Registered Nursing for every RN
//     specialty, Radiologist Assistant for none), named by O*NET-SOC code in
//     its occupations; an unsplit code is named whole (29-1141 before O*NET
//     is in the graph: import CIP again after O*NET). A detailed occupation
//     no program matches takes the programs of its code that match the
//     general occupation (Mechanical Engineering, which matches Mechanical
//     Engineers, for Automotive Engineers). One that neither way gives a
//     program, when no program matches the general occupation either
//     (Urologists and Hospitalists of 29-1229 Physicians, All Other;
//     Patient Representatives of 29-2099), takes the programs of its code
//     whose skills fit it (cipmatch.go's skills test): the crosswalk maps
//     most programs to other codes as well (Medicine to Anesthesiologists,
//     Family Medicine Physicians and the other physician codes), and the
//     program fits when the mean skills profile of those other occupations
//     is close to the occupation's (centred cosine at least
//     CIPSkillsThreshold: Medicine for Urologists and Hospitalists; not
//     Respiratory Care Therapy, whose Respiratory Therapists are far from
//     Patient Representatives). The other occupations are those of its
//     unsplit codes and, of its other split codes, the detailed ones its
//     words match. A program with no other occupation is judged by its
//     words alone (Respiratory Therapy Technician names only 29-2099): it
//     does not fit. An occupation neither test gives a program has none,
//     and so accepts a degree of any field (pathway's field rule): nothing
//     says which field leads to it, and a note names these occupations.
//   - Namesakes: of a program's occupations, those whose title its title
//     names by a specific word (the matcher's shared title word: Pharmacy
//     for Pharmacists, Funeral Direction/Service for Morticians,
//     Undertakers, and Funeral Arrangers; not Agricultural Business
//     Technology for Computer User Support Specialists): the work it is
//     made for, whatever else the crosswalk lists (Pharmacy also leads to
//     Medical and Health Services Managers). The planner counts a program
//     as dedicated to its namesakes (pathway's field.go).
//     A program that trains teachers (its title says Education, Teacher or
//     Teaching: Nursing Education, Music Teacher Education) has the
//     teachers it names among its namesakes too: a nursing instructor's
//     plan names Nursing Education, not whichever nursing master's lists
//     most of the instructor's skills.
//   - Teachers: the crosswalk maps each subject to its postsecondary
//     teachers (51.3801 Registered Nursing to 25-1072 Nursing Instructors).
//     Teaching a subject at a college is not what its program leads to, so
//     the program does not prepare for them; it names them in fieldFor, and
//     connect_fields gives each teacher role the CIP codes of the programs
//     that name it (acceptsFields): a degree in one meets the teacher's
//     education requirement (pathway's field rule).
//   - One credential per program and award level, id cip:<code>:<level>
//     (cip:51.3801:associate), named with the CIP title without its trailing
//     period and the level in words ("Registered Nursing/Registered Nurse
//     (associate degree)"), its kind, field the CIP code, source "cip", no
//     issuer, description the CIP definition, estimated true, conferring the
//     standard level (cipAwards).
//   - Award levels: the education the program's O*NET occupations require
//     (the roles of source onet whose occupation code starts with one of its
//     occupations, as the graph holds them when the import runs): one award per
//     distinct level from the postsecondary certificate up, at most
//     CIPMaxLevels (the levels most of those roles require, a tie to the
//     lower); a certificate when they all require less. A program with no
//     such role in the graph (CIP imported before O*NET, or its occupations
//     missing from O*NET) takes the levels typical of its CIP series
//     (cipTypical). A program that names teachers takes one more award, the
//     graduate degree most of them require (a master's or doctorate), when
//     its levels stop below it: a nursing instructor's plan goes through a
//     graduate nursing program.
//   - Cost, hours and weeks: the award's typical figures (cipAwards), the
//     same for every program: estimates, said so by estimated = true. A
//     credential catalog row with the program's field and award level
//     overrides them (see Credentials).
//   - Prerequisites: a high school diploma for a certificate, associate or
//     bachelor's; a bachelor's for a master's or a doctorate (first
//     professional doctorates, medicine, law, pharmacy, follow a bachelor's,
//     and research doctorates often do); of any field.
//     A residency or fellowship (CIP series 60 and 61: Dermatology
//     Residency, Pharmacy Residency) trains those who hold their
//     profession's first degree: it requires one of the credentials of
//     that degree's programs in the import (cipResidencyDegrees: Medicine or
//     Osteopathic Medicine for a medical residency), not a bachelor's, or a
//     dermatologist's plan would skip medical school.
//   - Stacking: a certificate or associate degree stacks into the program's
//     next award up to the bachelor's, with credit for its hours up to half
//     the higher award's, at the higher award's cost per hour (an associate
//     degree carries half a bachelor's hours and cost). Graduate awards do not
//     stack: the lower degree is their prerequisite already.
//   - Certifies: the skills distinctive of the program's O*NET occupations.
//     For each skill or knowledge area (technologies left out: O*NET lists
//     them as preferred, and they are tools, not what a program teaches) that
//     at least one of those roles requires, distinctiveness is its mean
//     importance over the program's roles minus its mean importance over
//     every O*NET role with a profile, a role that does not list it counting
//     as importance 1 (the scale's floor: the O*NET import leaves out
//     importance below 2). The CIPMaxCertifies most distinctive with
//     distinctiveness > 0 (a tie to the lower id) are certified at the highest
//     level those roles require, capped by the award (certificate 3,
//     associate 4, else 5). Reading Comprehension, which every occupation
//     needs, is never distinctive. Before O*NET is imported, programs certify
//     nothing: import CIP again after O*NET (a note says so).
//   - Errors: a missing file or column, an unknown Action, a code that is
//     not a CIP or SOC code, a program listed twice or a row with the wrong
//     number of fields refuse the whole import with an *Error naming the file,
//     the line and the column.
//   - Notes count the pairs of split codes kept (by words, through the
//     general occupation, by skills) and dropped, name the detailed
//     occupations that accept any field, and count the programs that name
//     teachers.
//   - Output is deterministic: credentials by id, certifies by skill.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// The CIP rules, as constants the tests and the README quote.
const (
	// CIPMaxLevels bounds the award levels of one program.
	CIPMaxLevels = 3
	// CIPMaxCertifies bounds the skills one program certifies.
	CIPMaxCertifies = 8
	// cipAbsentImportance is the importance of a skill a role does not list.
	cipAbsentImportance = 1.0
)

// The CIP files and their columns.
const (
	cipListFile      = "CIPCode2020.csv"
	cipCrosswalkFile = "CIP2020_SOC2018_Crosswalk.csv"
	cipColCode       = "CIPCode"
	cipColAction     = "Action"
	cipColTitle      = "CIPTitle"
	cipColDefinition = "CIPDefinition"
	cipColXCode      = "CIP2020Code"
	cipColSOC        = "SOC2018Code"
)

// cipActions says which Actions keep a six-digit row.
var cipActions = map[string]bool{
	"No substantive changes": true,
	"New":                    true,
	"Moved to":               true,  // the new code of a moved program
	"Moved from":             false, // its old code
	"Deleted":                false,
}

// CIPAward is an award level: its id part, kind, standard education level and
// typical figures. Hours are credit hours at 30 learning hours each (the
// sample's degrees: 60 credits, 1,800 hours for an associate degree; the
// federal credit hour's 45 counts all study out of class); weeks are
// academic years of 32 weeks; costs are tuition and fees at the order of
// NCES's published averages (Digest of Education Statistics, tables 330.10
// and 330.50: about $4,000 a year at a public two-year college, $10,000 in
// state and $40,000 private at a four-year one, some $20,000 a year for
// graduate study), set to agree with the sample's degrees (associate degree
// in IT $11,000, 1,800 h, 64 w; bachelor's in computer science $64,000,
// 3,600 h, 128 w; master's in data science $45,000, 1,200 h, 64 w).
type CIPAward struct {
	ID, Kind, Level, Words string
	Cost, Hours, Weeks     float64
	MaxCertified           int // the highest level it certifies
}

// CIPAwards are the award levels, lowest first.
var CIPAwards = []CIPAward{
	{"certificate", "CERTIFICATE", "postsecondary-certificate", "certificate", 6000, 900, 32, 3},
	{"associate", "ASSOCIATE_DEGREE", "associate", "associate degree", 11000, 1800, 64, 4},
	{"bachelor", "BACHELORS_DEGREE", "bachelor", "bachelor's degree", 64000, 3600, 128, 5},
	{"master", "MASTERS_DEGREE", "master", "master's degree", 45000, 1200, 64, 5},
	{"doctorate", "DOCTORAL_DEGREE", "doctorate", "doctoral degree", 90000, 2400, 128, 5},
}

// cipAwardOf is the award conferring an education level.
func cipAwardOf(level string) (CIPAward, bool) {
	for _, a := range CIPAwards {
		if a.Level == level {
			return a, true
		}
	}
	return CIPAward{}, false
}

// CIPCredentialID is the id of a program's credential at an education level
// (an id of CIPAwards' levels: associate, bachelor, ...); "" when no award
// confers the level.
func CIPCredentialID(code, level string) string {
	a, ok := cipAwardOf(level)
	if !ok {
		return ""
	}
	return "cip:" + code + ":" + a.ID
}

// cipTypical is the fallback when no O*NET role of a program is in the
// graph: the levels typical of its CIP series or family, the first prefix
// that matches.
var cipTypical = []struct {
	prefix string
	levels []string
}{
	{"51.38", []string{"associate", "bachelor"}},                // registered nursing: ADN and BSN
	{"51.39", []string{"postsecondary-certificate"}},            // practical nursing, nursing assistants
	{"51.04", []string{"doctorate"}},                            // dentistry
	{"51.12", []string{"doctorate"}},                            // medicine
	{"51.20", []string{"doctorate"}},                            // pharmacy
	{"51.24", []string{"doctorate"}},                            // veterinary medicine
	{"22.01", []string{"doctorate"}},                            // law (JD)
	{"12.", []string{"postsecondary-certificate", "associate"}}, // personal and culinary services
	{"46.", []string{"postsecondary-certificate", "associate"}}, // construction trades
	{"47.", []string{"postsecondary-certificate", "associate"}}, // mechanic and repair
	{"48.", []string{"postsecondary-certificate", "associate"}}, // precision production
	{"49.", []string{"postsecondary-certificate", "associate"}}, // transportation
	{"", []string{"associate", "bachelor"}},                     // everything else
}

func cipTypicalLevels(code string) []string {
	for _, t := range cipTypical {
		if strings.HasPrefix(code, t.prefix) {
			return t.levels
		}
	}
	return nil // unreachable: the last prefix is ""
}

var (
	cipCodePattern = regexp.MustCompile(`^[0-9]{2}(\.[0-9]{2}([0-9]{2})?)?$`)
	socPattern     = regexp.MustCompile(`^[0-9]{2}-[0-9]{4}$`)
)

// cipCode reads a code written plainly or Excel-style (="51.3801").
func cipCode(v string) string {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, `="`) && strings.HasSuffix(v, `"`) && len(v) >= 3 {
		v = v[2 : len(v)-1]
	}
	return strings.TrimSpace(v)
}

// GraphReader is what the CIP importer reads from the graph: the O*NET
// occupations it derives award levels and skills from. *cypher.Store is one.
type GraphReader interface {
	Occupations(ctx context.Context) ([]cypher.Occupation, error)
}

// CIP reads the CIP folder with no occupations known: every program takes
// its series' typical levels and certifies nothing.
func CIP(dir string) (*Import, error) { return CIPWith(dir, nil) }

// CIPFrom reads the CIP folder with the O*NET occupations the graph holds.
func CIPFrom(ctx context.Context, dir string, g GraphReader) (*Import, error) {
	occs, err := g.Occupations(ctx)
	if err != nil {
		return nil, err
	}
	return CIPWith(dir, occs)
}

type cipProgram struct {
	code, title, definition string
	socs                    []string // the crosswalk's SOC codes, teachers left out
	teaches                 []string // its postsecondary teachers' SOC codes (25-1xxx)
	occupations             []string // the codes it prepares for (see the rules)
	namesakes               []string // of them, those whose title its title names
}

func (p *cipProgram) text() MatchText { return MatchText{p.title, p.definition} }

// cipSplits is what the split SOC codes made of the crosswalk's pairs.
type cipSplits struct {
	codes, kept, dropped int
	general              int      // pairs kept through the general occupation
	undecided            int      // pairs the words could not decide
	skills               int      // of them, kept by the skills test
	unmatched            []string // detailed occupations no program matches by words
	anyField             []string // of them, those the skills test gives no program either
}

// cipOccupations gives each program the codes it prepares for and returns
// its roles: a SOC code O*NET does not split, whole; one it splits, its
// general occupation (.00) and the detailed ones the matcher gives it, or
// that no program matches while it matches the general occupation, or,
// where neither decides, those the skills test gives it.
func cipOccupations(programs map[string]*cipProgram, codes []string, bySOC map[string][]*cypher.Occupation, occs []cypher.Occupation) (map[string][]*cypher.Occupation, cipSplits) {
	var texts, ptexts []MatchText
	var profiles []Profile
	profile := map[string]Profile{} // by occupation code
	for _, o := range occs {
		texts = append(texts, MatchText{o.Title, o.Description})
		pr := Profile{}
		for _, s := range o.Skills {
			pr[s.Skill] = s.Importance
		}
		profile[o.Code] = pr
		profiles = append(profiles, pr)
	}
	for _, code := range codes {
		ptexts = append(ptexts, programs[code].text())
	}
	m := NewMatcher(texts, ptexts)
	pm := NewProfileMatcher(profiles)
	var st cipSplits
	matched := map[string]bool{}   // detailed occupations some program matches
	ofGeneral := map[string]bool{} // program code + general occupation code it matches
	split := map[string]bool{}
	for _, code := range codes {
		p := programs[code]
		for _, soc := range p.socs {
			if len(bySOC[soc]) < 2 {
				continue
			}
			split[soc] = true
			for _, o := range bySOC[soc] {
				if m.Match(p.text(), MatchText{o.Title, o.Description}) {
					if strings.HasSuffix(o.Code, ".00") {
						ofGeneral[code+" "+soc] = true
					} else {
						matched[o.Code] = true
					}
				}
			}
		}
	}
	general := map[string]bool{} // split codes whose general occupation some program matches
	for k := range ofGeneral {
		general[strings.Fields(k)[1]] = true
	}
	// others is the profiles of what the program prepares for beside the
	// split code soc: its unsplit codes' occupations, and those of its other
	// split codes its words match (not all of them: Herbalism, of 29-1299
	// and 29-9099, would take Midwives' profile to Orthoptists).
	others := func(p *cipProgram, soc string) []Profile {
		var out []Profile
		for _, s := range p.socs {
			if s == soc {
				continue
			}
			for _, o := range bySOC[s] {
				if len(bySOC[s]) < 2 || m.Match(p.text(), MatchText{o.Title, o.Description}) {
					out = append(out, profile[o.Code])
				}
			}
		}
		return out
	}
	roles := map[string][]*cypher.Occupation{}
	given := map[string]bool{} // detailed occupations some program prepares for
	for _, code := range codes {
		p := programs[code]
		for _, soc := range p.socs {
			group := bySOC[soc]
			names := func(o *cypher.Occupation) bool {
				return len(m.SharedTitleWords(p.text(), MatchText{o.Title, o.Description})) > 0
			}
			if len(group) < 2 {
				p.occupations = append(p.occupations, soc)
				if len(group) == 1 && names(group[0]) {
					p.namesakes = append(p.namesakes, soc)
				}
				roles[code] = append(roles[code], group...)
				continue
			}
			for _, o := range group {
				switch {
				case strings.HasSuffix(o.Code, ".00"):
				case m.Match(p.text(), MatchText{o.Title, o.Description}):
					st.kept++
				case !matched[o.Code] && ofGeneral[code+" "+soc]:
					st.general++
				case !matched[o.Code] && !general[soc]:
					// Neither it nor its general occupation is named by any
					// program (Urologists, of Physicians, All Other): the
					// program's other occupations decide (Medicine's
					// physicians are close to Urologists; Respiratory
					// Therapists are not close to Patient Representatives).
					st.undecided++
					if pm.Closeness(others(p, soc), profile[o.Code]) < CIPSkillsThreshold {
						st.dropped++
						continue
					}
					st.skills++
				default:
					st.dropped++
					continue
				}
				if !strings.HasSuffix(o.Code, ".00") {
					given[o.Code] = true
				}
				p.occupations = append(p.occupations, o.Code)
				if names(o) {
					p.namesakes = append(p.namesakes, o.Code)
				}
				roles[code] = append(roles[code], o)
			}
		}
		slices.Sort(p.occupations)
		slices.Sort(p.namesakes)
	}
	st.codes = len(split)
	for _, o := range occs {
		if len(o.Code) >= 7 && split[o.Code[:7]] && !strings.HasSuffix(o.Code, ".00") && !matched[o.Code] && !general[o.Code[:7]] {
			st.unmatched = append(st.unmatched, o.Code)
			if !given[o.Code] {
				st.anyField = append(st.anyField, o.Code)
			}
		}
	}
	return roles, st
}

// CIPWith reads the CIP folder, deriving levels and skills from occs (see
// the rules above).
func CIPWith(dir string, occs []cypher.Occupation) (*Import, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, errorf(dir, 0, "", "not a folder holding %s and %s", cipListFile, cipCrosswalkFile)
	}
	var notes []string
	note := func(format string, args ...any) { notes = append(notes, fmt.Sprintf(format, args...)) }
	programs, codes, err := cipList(filepath.Join(dir, cipListFile), note)
	if err != nil {
		return nil, err
	}
	if err := cipCrosswalk(filepath.Join(dir, cipCrosswalkFile), programs, note); err != nil {
		return nil, err
	}
	levels, err := StandardLevels()
	if err != nil {
		return nil, err
	}
	rank := map[string]int{}
	for _, l := range levels {
		rank[l.ID] = l.Rank
	}
	for _, a := range CIPAwards {
		if _, ok := rank[a.Level]; !ok {
			return nil, fmt.Errorf("CIP: award %s confers %q, which is not a standard level", a.ID, a.Level)
		}
	}

	bySOC := map[string][]*cypher.Occupation{}
	for i := range occs {
		if o := &occs[i]; len(o.Code) >= 7 {
			bySOC[o.Code[:7]] = append(bySOC[o.Code[:7]], o)
		}
	}
	base := cipBaseline(occs)
	rolesOf, splits := cipOccupations(programs, codes, bySOC, occs)

	g := &cypher.Graph{EducationLevels: levels}
	var derived, typical, certifying, teaching int
	for _, code := range codes {
		p := programs[code]
		roles := rolesOf[code]
		lv := cipLevels(roles, rank)
		if lv == nil {
			lv = cipTypicalLevels(code)
			typical++
		} else {
			derived++
		}
		var teachers []*cypher.Occupation
		for _, soc := range p.teaches {
			teachers = append(teachers, bySOC[soc]...)
		}
		if t := cipTeachingLevel(teachers, rank); t != "" && rank[t] > rank[lv[len(lv)-1]] {
			lv = append(slices.Clone(lv), t)
			teaching++
		}
		certs := cipCertifies(roles, base)
		if len(certs) > 0 {
			certifying++
		}
		g.Credentials = append(g.Credentials, cipCredentials(p, lv, certs)...)
	}
	sort.Slice(g.Credentials, func(i, j int) bool { return g.Credentials[i].ID < g.Credentials[j].ID })
	residencies := cipResidencies(g.Credentials)
	named := 0
	for _, p := range programs {
		if len(p.namesakes) > 0 {
			named++
		}
	}
	note("award levels: %d programs from the education their O*NET occupations require, %d from their CIP series' typical levels (no O*NET occupation of theirs in the graph); %d credentials", derived, typical, len(g.Credentials))
	if base.roles == 0 {
		note("no O*NET occupations in the graph: programs certify no skills and take their series' typical levels; import O*NET, then CIP again")
	} else {
		note("certifies: %d programs certify the up to %d skills most distinctive of their occupations, against the mean importance over %d O*NET roles with a profile", certifying, CIPMaxCertifies, base.roles)
	}
	if splits.codes > 0 {
		note("split SOC codes: %d of the programs' SOC codes are split by O*NET into detailed occupations; a program of one prepares for its general occupation (.00) and the detailed ones its title and definition match: %d program-occupation pairs kept by their own match, %d through the general occupation's (a detailed occupation no program matches takes the programs that match its general one), %d by skills (of %d pairs of the %d detailed occupations that neither way gives a program: the program's other occupations' skills are close to the occupation's, centred cosine at least %.2f), %d dropped",
			splits.codes, splits.kept, splits.general, splits.skills, splits.undecided, len(splits.unmatched), CIPSkillsThreshold, splits.dropped)
		note("split SOC codes: %d detailed occupations no program fits by words or skills accept a degree of any field: %s",
			len(splits.anyField), strings.Join(splits.anyField, ", "))
	}
	note("postsecondary teachers: %d programs name the teachers of their subject (25-1xxx), whose education requirement a degree in them meets; %d take one more award level, the graduate degree most of those teachers require",
		cipTeaching(programs), teaching)
	note("namesakes: %d of %d programs name some of their occupations in their title (Pharmacy: Pharmacists), and count as dedicated to them", named, len(programs))
	note("residencies and fellowships: %d credentials of CIP series 60 and 61 require their profession's first degree (medicine, dentistry, pharmacy...) instead of a bachelor's", residencies)
	note("a program re-imported with other award levels keeps the credentials of its former levels unless the import prunes (--prune); its occupations are replaced, and the edges to roles it no longer names removed")
	if err := g.Validate(); err != nil {
		return nil, errorf(dir, 0, "", "%v", trimInvalid(err))
	}
	return &Import{Format: "cip", Graph: g, Notes: notes, Source: "cip"}, nil
}

// cipTable is a CSV file of the CIP folder with the columns it needs.
type cipTable struct {
	sh   *sheet
	name string
	cols map[string]int
}

func cipOpen(path string, need ...string) (*cipTable, error) {
	name := filepath.Base(path)
	if _, err := os.Stat(path); err != nil {
		return nil, errorf(name, 0, "", "not found in %s", filepath.Dir(path))
	}
	sh, err := readSheetWith(path, true)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.File = name
		}
		return nil, err
	}
	t := &cipTable{sh: sh, name: name, cols: map[string]int{}}
	for i, h := range sh.header {
		t.cols[h] = i
	}
	for _, c := range need {
		if _, ok := t.cols[c]; !ok {
			return nil, errorf(name, sh.headerLine, c, "missing column in the header (the file has %s)", strings.Join(sh.header, ", "))
		}
	}
	for _, row := range sh.rows {
		if len(row.cells) < len(sh.header) {
			return nil, errorf(name, row.line(0), sh.header[len(row.cells)], "the row ends after %d of the header's %d columns", len(row.cells), len(sh.header))
		}
	}
	return t, nil
}

func (t *cipTable) get(row sheetRow, col string) string {
	i, ok := t.cols[col]
	if !ok {
		return ""
	}
	return row.cell(i)
}

func (t *cipTable) errorf(row sheetRow, col, format string, args ...any) error {
	return errorf(t.name, row.line(t.cols[col]), col, format, args...)
}

// cipList reads the kept programs, with their codes in file order.
func cipList(path string, note func(string, ...any)) (map[string]*cipProgram, []string, error) {
	t, err := cipOpen(path, cipColCode, cipColAction, cipColTitle)
	if err != nil {
		return nil, nil, err
	}
	programs := map[string]*cipProgram{}
	var codes []string
	seen := map[string]int{}
	var groups, moved, deleted int
	for _, row := range t.sh.rows {
		code := cipCode(t.get(row, cipColCode))
		if !cipCodePattern.MatchString(code) {
			return nil, nil, t.errorf(row, cipColCode, "%q is not a CIP code (such as 51, 51.38 or 51.3801)", t.get(row, cipColCode))
		}
		if first, dup := seen[code]; dup {
			return nil, nil, t.errorf(row, cipColCode, "code %s appears twice (first on line %d)", code, first)
		}
		seen[code] = row.line(0)
		action := t.get(row, cipColAction)
		keep, known := cipActions[action]
		if !known {
			return nil, nil, t.errorf(row, cipColAction, "%q is not an Action this importer reads (No substantive changes, New, Moved to, Moved from, Deleted)", action)
		}
		switch {
		case len(code) < 7:
			groups++
			continue
		case !keep && action == "Deleted":
			deleted++
			continue
		case !keep:
			moved++
			continue
		}
		title := strings.TrimSuffix(t.get(row, cipColTitle), ".")
		if title == "" {
			return nil, nil, t.errorf(row, cipColTitle, "program %s has no title", code)
		}
		programs[code] = &cipProgram{code: code, title: title, definition: t.get(row, cipColDefinition)}
		codes = append(codes, code)
	}
	note("%s: %d six-digit programs kept of %d rows; left out %d two- and four-digit families and series, %d six-digit codes marked Moved from (old codes of moved programs, kept at the code marked Moved to) and %d marked Deleted",
		t.name, len(codes), len(t.sh.rows), groups, moved, deleted)
	return programs, codes, nil
}

// cipCrosswalk gives the programs their SOC codes.
func cipCrosswalk(path string, programs map[string]*cipProgram, note func(string, ...any)) error {
	t, err := cipOpen(path, cipColXCode, cipColSOC)
	if err != nil {
		return err
	}
	var kept, teachers, none, unknown int
	for _, row := range t.sh.rows {
		code := cipCode(t.get(row, cipColXCode))
		if !cipCodePattern.MatchString(code) {
			return t.errorf(row, cipColXCode, "%q is not a CIP code", t.get(row, cipColXCode))
		}
		soc := cipCode(t.get(row, cipColSOC))
		if !socPattern.MatchString(soc) {
			return t.errorf(row, cipColSOC, "%q is not a SOC 2018 code (such as 29-1141)", t.get(row, cipColSOC))
		}
		p := programs[code]
		switch {
		case soc == "99-9999":
			none++
		case strings.HasPrefix(soc, "25-1"):
			teachers++
			if p != nil && !slices.Contains(p.teaches, soc) {
				p.teaches = append(p.teaches, soc)
			}
		case p == nil:
			unknown++
		default:
			if !slices.Contains(p.socs, soc) {
				p.socs = append(p.socs, soc)
				kept++
			}
		}
	}
	for _, p := range programs {
		slices.Sort(p.socs)
		slices.Sort(p.teaches)
	}
	note("%s: %d program-occupation pairs kept; left out %d to postsecondary teachers (25-1xxx), %d to 99-9999 (no occupation), %d of codes that are not kept programs (moved, deleted or families)",
		t.name, kept, teachers, none, unknown)
	return nil
}

// cipLevels is the award levels the roles require, lowest first; nil when
// there are no roles.
func cipLevels(roles []*cypher.Occupation, rank map[string]int) []string {
	if len(roles) == 0 {
		return nil
	}
	count := map[string]int{}
	for _, r := range roles {
		if _, ok := cipAwardOf(r.Education); ok {
			count[r.Education]++
		}
	}
	if len(count) == 0 {
		return []string{"postsecondary-certificate"}
	}
	lv := make([]string, 0, len(count))
	for l := range count {
		lv = append(lv, l)
	}
	sort.Slice(lv, func(i, j int) bool {
		if count[lv[i]] != count[lv[j]] {
			return count[lv[i]] > count[lv[j]]
		}
		return rank[lv[i]] < rank[lv[j]]
	})
	lv = lv[:min(len(lv), CIPMaxLevels)]
	sort.Slice(lv, func(i, j int) bool { return rank[lv[i]] < rank[lv[j]] })
	return lv
}

// cipTeachingLevel is the graduate level most of the teacher roles require
// (a tie to the lower); "" when most require less, or there are none.
func cipTeachingLevel(teachers []*cypher.Occupation, rank map[string]int) string {
	count := map[string]int{}
	best := ""
	for _, r := range teachers {
		if _, ok := cipAwardOf(r.Education); ok {
			count[r.Education]++
		}
	}
	for l, n := range count {
		if best == "" || n > count[best] || n == count[best] && rank[l] < rank[best] {
			best = l
		}
	}
	if best != "master" && best != "doctorate" {
		return ""
	}
	return best
}

// cipTeaching counts the programs that name teachers.
func cipTeaching(programs map[string]*cipProgram) int {
	n := 0
	for _, p := range programs {
		if len(p.teaches) > 0 {
			n++
		}
	}
	return n
}

// cipStats is the mean importance of each skill over every O*NET role with a
// profile.
type cipStats struct {
	roles int
	mean  map[string]float64
}

func cipBaseline(occs []cypher.Occupation) cipStats {
	sum := map[string]float64{}
	listed := map[string]int{}
	n := 0
	for _, o := range occs {
		if len(o.Skills) == 0 {
			continue
		}
		n++
		for _, s := range o.Skills {
			sum[s.Skill] += s.Importance
			listed[s.Skill]++
		}
	}
	st := cipStats{roles: n, mean: map[string]float64{}}
	for id, s := range sum {
		st.mean[id] = (s + float64(n-listed[id])*cipAbsentImportance) / float64(n)
	}
	return st
}

// cipSkill is a certified skill before the award's cap.
type cipSkill struct {
	id    string
	level int
	dist  float64
}

// cipCertifies picks the skills most distinctive of the roles.
func cipCertifies(roles []*cypher.Occupation, base cipStats) []cipSkill {
	var profiled []*cypher.Occupation
	for _, r := range roles {
		if len(r.Skills) > 0 {
			profiled = append(profiled, r)
		}
	}
	if len(profiled) == 0 {
		return nil
	}
	sum := map[string]float64{}
	listed := map[string]int{}
	level := map[string]int{} // the highest level a role requires it at
	for _, r := range profiled {
		for _, s := range r.Skills {
			sum[s.Skill] += s.Importance
			listed[s.Skill]++
			if s.Required {
				level[s.Skill] = max(level[s.Skill], s.Level)
			}
		}
	}
	n := float64(len(profiled))
	var out []cipSkill
	for id, lv := range level {
		mean := (sum[id] + (n-float64(listed[id]))*cipAbsentImportance) / n
		if d := mean - base.mean[id]; d > 0 && lv >= pathway.MinLevel {
			out = append(out, cipSkill{id, lv, d})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].dist != out[j].dist {
			return out[i].dist > out[j].dist
		}
		return out[i].id < out[j].id
	})
	return out[:min(len(out), CIPMaxCertifies)]
}

// cipCredentials makes a program's credentials at the levels given.
func cipCredentials(p *cipProgram, levels []string, certs []cipSkill) []cypher.GraphCredential {
	var out []cypher.GraphCredential
	var awards []CIPAward
	for _, l := range levels {
		a, _ := cipAwardOf(l)
		awards = append(awards, a)
	}
	for i, a := range awards {
		c := cypher.GraphCredential{
			ID:        CIPCredentialID(p.code, a.Level),
			Name:      fmt.Sprintf("%s (%s)", p.title, a.Words),
			Kind:      a.Kind,
			Cost:      onetPtr(a.Cost),
			Hours:     onetPtr(a.Hours),
			Weeks:     onetPtr(a.Weeks),
			Field:     onetPtr(p.code),
			Estimated: onetPtr(true),
			Source:    onetPtr("cip"),
			Confers:   a.Level,
		}
		if p.definition != "" {
			c.Description = onetPtr(p.definition)
		}
		if len(p.occupations) > 0 {
			c.Occupations = slices.Clone(p.occupations)
		}
		if len(p.teaches) > 0 {
			c.FieldFor = slices.Clone(p.teaches)
		}
		c.Namesakes = slices.Clone(p.namesakes)
		if teacherEducation.MatchString(p.title) {
			c.Namesakes = append(c.Namesakes, p.teaches...)
		}
		switch a.Level {
		case "master", "doctorate":
			c.Prerequisites = [][]string{{"bachelor"}}
		default:
			c.Prerequisites = [][]string{{"high-school"}}
		}
		for _, s := range certs {
			c.Certifies = append(c.Certifies, cypher.GraphSkillLevel{Skill: s.id, Level: min(s.level, a.MaxCertified)})
		}
		sort.Slice(c.Certifies, func(i, j int) bool { return c.Certifies[i].Skill < c.Certifies[j].Skill })
		if i+1 < len(awards) && a.Level != "bachelor" && a.Level != "master" && a.Level != "doctorate" {
			if up := awards[i+1]; up.Level == "associate" || up.Level == "bachelor" {
				hours := min(a.Hours, up.Hours/2)
				c.StacksInto = []cypher.GraphStack{{Credential: CIPCredentialID(p.code, up.Level),
					CreditHours: hours, CreditCost: up.Cost * hours / up.Hours}}
			}
		}
		out = append(out, c)
	}
	return out
}

// OccupationsOf lists the O*NET occupations of a graph not yet written, as
// Store.Occupations reads them from the database (occupation_profiles): for
// reading CIP against a release in memory, as the synthetic graph does.
func OccupationsOf(g *cypher.Graph) []cypher.Occupation {
	var out []cypher.Occupation
	for _, r := range g.Roles {
		if r.Source == nil || *r.Source != "onet" || r.OccupationCode == nil {
			continue
		}
		o := cypher.Occupation{RoleID: r.ID, Code: *r.OccupationCode, Title: r.Title, Education: r.Education}
		if r.Description != nil {
			o.Description = *r.Description
		}
		for _, s := range r.Skills {
			if strings.HasPrefix(s.Skill, "onet:tech:") {
				continue
			}
			sk := cypher.OccupationSkill{Skill: s.Skill, Level: s.Level, Required: s.Required}
			if s.Importance != nil {
				sk.Importance = *s.Importance
			}
			o.Skills = append(o.Skills, sk)
		}
		out = append(out, o)
	}
	slices.SortFunc(out, func(a, b cypher.Occupation) int { return strings.Compare(a.RoleID, b.RoleID) })
	return out
}

// cipResidencyDegrees are, by CIP series (60.01) or family (61.), the
// programs whose degree a residency or fellowship of it requires, at the
// award level that degree is.
var cipResidencyDegrees = []struct {
	series, level string
	programs      []string
}{
	{"60.01", "doctorate", []string{"51.0401"}},                    // dental: dentistry
	{"60.03", "doctorate", []string{"01.8001"}},                    // veterinary medicine
	{"60.07", "master", []string{"51.3805", "51.3818", "51.3821"}}, // nurse practitioner: family, nursing practice, geriatric
	{"60.08", "doctorate", []string{"51.2001"}},                    // pharmacy
	{"60.09", "master", []string{"51.0912"}},                       // physician assistant
	{"61.22", "doctorate", []string{"51.1203"}},                    // podiatric medicine
	{"61.", "doctorate", []string{"51.1201", "51.1202"}},           // medical: medicine, osteopathic medicine
}

// cipResidencies gives the residencies and fellowships among creds (sorted
// by id) their profession's degree as prerequisite, where the import holds
// a credential of it, and counts them.
func cipResidencies(creds []cypher.GraphCredential) int {
	ids := map[string]bool{}
	for _, c := range creds {
		ids[c.ID] = true
	}
	n := 0
	for i := range creds {
		c := &creds[i]
		if c.Field == nil {
			continue
		}
		for _, r := range cipResidencyDegrees {
			if !strings.HasPrefix(*c.Field, r.series) {
				continue
			}
			var degrees []string
			for _, p := range r.programs {
				if id := CIPCredentialID(p, r.level); ids[id] {
					degrees = append(degrees, id)
				}
			}
			if len(degrees) > 0 {
				c.Prerequisites = [][]string{degrees}
				n++
			}
			break
		}
	}
	return n
}

// teacherEducation is the title of a program that trains teachers.
var teacherEducation = regexp.MustCompile(`\b(Education|Teacher|Teaching)\b`)
