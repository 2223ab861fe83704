package pathway

import (
	"maps"
	"slices"
	"strings"
)

// The field rule: DESIGN's "a degree meets a role's education requirement
// only when its field prepares for that role (or the role accepts any
// field)". It is the one home of the rule; plans, alternatives, the
// trade-off front, stepping stones, cohort plans and recredentialing all
// plan through PlanGraph.Request, which applies it.
//
// The store gives each plan graph the fields that prepare for its role:
// the CIP codes of the credentials with a PREPARES_FOR edge into the role,
// and those credentials' ids. A role nothing prepares for directly takes
// those of the roles of its SOC broad occupation (the occupation code's
// first six characters, 29-114 for Registered Nurses): a narrow fallback,
// since a broad occupation's neighbours (Network Architects beside Network
// Administrators) have programs of their own that a counselor would not
// send a network administrator to. It does not apply to a detailed
// occupation of a SOC code whose other occupations have programs (the CIP
// importer chose among them and left this one out). Fields also holds the
// fields a role accepts without a program preparing for it (a nursing
// degree for nursing instructors: the role's acceptsFields). A role with
// no preparing credential and no such field, or one that says so
// (Role.AcceptsAnyField), accepts any field. Below MinFieldRank education
// has no field: a high-school diploma meets a high-school requirement
// whatever the role.

// MinFieldRank is the lowest education rank that has a field of study: a
// postsecondary certificate.
const MinFieldRank = 2

// FieldAcceptance is what a role accepts as the field of its education
// requirement.
type FieldAcceptance struct {
	AnyField  bool     // every field counts
	Fields    []string // CIP codes whose programs prepare for the role
	Preparing []string // ids of the credentials that prepare for it
}

// Accepts says whether education in one of fields, or earned by the
// credential id, meets the role's requirement.
func (a FieldAcceptance) Accepts(fields []string, credentialID string) bool {
	if a.AnyField {
		return true
	}
	if credentialID != "" && slices.Contains(a.Preparing, credentialID) {
		return true
	}
	for _, f := range fields {
		if slices.Contains(a.Fields, f) {
			return true
		}
	}
	return false
}

// HeldEducation is a level of education a person holds and the fields it
// may be in: a degree's own field, the field a profile gives, or for a
// person in a role the fields that prepare for the role. No fields: the
// field is not known, and the level meets only requirements that accept
// any field.
type HeldEducation struct {
	Rank         int
	Fields       []string
	CredentialID string // the degree that confers it, where known
}

// AcceptsHeld says whether education a person holds meets the role's
// requirement: as Accepts, or in a field of the same CIP series (the first
// four digits: 11.10, Computer/Information Technology Administration and
// Management, holds both 11.1006 Computer Support Specialist and 11.1001
// Network and System Administration). A person's degree is known only
// roughly (a level and a field they name, or the fields that prepare for
// the role they hold), so a degree in a neighbouring program of the series
// counts; the credentials a plan may take must prepare for the role itself.
func (a FieldAcceptance) AcceptsHeld(e HeldEducation) bool {
	if a.Accepts(e.Fields, e.CredentialID) {
		return true
	}
	for _, f := range e.Fields {
		for _, g := range a.Fields {
			if len(f) == len("11.1006") && len(g) == len(f) && f[:5] == g[:5] {
				return true
			}
		}
	}
	return false
}

// fieldRank is the highest rank held in a field the role accepts.
func (a FieldAcceptance) fieldRank(held []HeldEducation) int {
	r := 0
	for _, e := range held {
		if a.AcceptsHeld(e) {
			r = max(r, e.Rank)
		}
	}
	return r
}

// ApplyFieldRule applies the field rule to the candidates now, as Request
// does on its first call. A graph shared between goroutines (the read
// cache's) must have it applied before it is shared: Request then only reads.
func (g *PlanGraph) ApplyFieldRule() { g.applyFieldRule() }

// The occupation rule: a credential that names the occupations it leads to
// (a program's, by the CIP-SOC crosswalk; a certification's, by a catalog:
// CompTIA A+ to computer support) is a way to close the gaps of the roles
// it is meant for, not of any role whose generic ratings its skills happen
// to match: an IT certification does not close a customs broker's
// "Computers and Electronics", and for a role whose requirement accepts a
// degree of any field, mortuary science does not close "Medicine and
// Dentistry". A certification closes a role's gaps when one of its
// occupations is in the role's SOC major group (the code's first two
// digits: 15, computer and mathematical occupations) or is the occupation
// of a role the role overlaps with (a telecommunications specialist and
// network support: 49 and 15). A program of study leads to a narrower
// family: one of its occupations must be in the role's minor group (the
// first four digits: animal training is no nanny's program, though nannies
// overlap animal trainers). Either closes them when the role requires it,
// it prepares for the role or its field is one the role's requirement
// names, or the role's occupation is not known. A credential naming no
// occupation (a micro-credential, first aid) is general and closes any
// role's gaps. The rule leaves the credential a step as a rung of another,
// and, for a role that accepts any field, a degree of it still meets the
// education requirement.

// socCode is the role's occupation code when it is a SOC code (29-1141.00),
// the only kind that compares with credentials' SOC codes: an ESCO role's
// ISCO code (2221) says nothing of them.
func (g *PlanGraph) socCode() (string, bool) {
	code := deref(g.Role.OccupationCode)
	return code, len(code) >= len("29-1141") && code[2] == '-'
}

// A split SOC code's program that the importer found does not fit one of
// its detailed occupations (Respiratory Therapy Technician of 29-2099, for
// 29-2099.08 Patient Representatives) still names the code's general
// occupation (29-2099.00), which lies in the detailed one's minor group and
// shares its first seven characters. Where the code is a residual, an "All
// Other" (SOC gives them a final 9: 29-2099 Health Technologists and
// Technicians, All Other), its detailed occupations are unlike one another
// and that is the importer's verdict, not a family likeness: for the
// detailed occupation the program is one of another occupation, neither its
// own nor dedicated to it. Where it is not (39-9011 Childcare Workers, of
// which Nannies are one kind), the code's program is still the family's.

// ownOccupation says occ, a credential's occupation, is the role's code:
// the code itself or a prefix of it (a whole SOC code, 29-2099), or of the
// same SOC code, a detailed one of the role's general occupation (.00), or
// the general occupation of the family the role is a kind of (39-9011.00
// Childcare Workers, for Nannies), not of a residual.
func ownOccupation(occ, code string) bool {
	if strings.HasPrefix(code, occ) {
		return true
	}
	if !strings.HasPrefix(occ, code[:7]) {
		return false
	}
	return strings.HasSuffix(code, ".00") || strings.HasSuffix(occ, ".00") && !residual(code)
}

// anyOwn says one of occs is the role's code (ownOccupation).
func anyOwn(occs []string, code string) bool {
	return slices.ContainsFunc(occs, func(occ string) bool { return ownOccupation(occ, code) })
}

// residual says the SOC code is an "All Other" (a final 9: 29-2099).
func residual(code string) bool { return code[6] == '9' }

// siblingOnly says c names the general occupation of the role's residual
// split code but not the role, a detailed one: the importer judged it does
// not fit.
func siblingOnly(c *PlanCredential, code string) bool {
	if strings.HasSuffix(code, ".00") || !residual(code) || !slices.Contains(c.Occupations, code[:7]+".00") {
		return false
	}
	return !anyOwn(c.Occupations, code)
}

// forOtherOccupations says the occupation rule keeps c from closing the
// graph's gaps.
func (g *PlanGraph) forOtherOccupations(c *PlanCredential) bool {
	code, soc := g.socCode()
	if len(c.Occupations) == 0 || !soc ||
		slices.Contains(g.TargetCredentials, c.ID) || slices.Contains(g.Preparing, c.ID) ||
		c.Field != "" && slices.Contains(g.Fields, c.Field) {
		return false
	}
	if siblingOnly(c, code) {
		return true
	}
	// A program of study leads to a narrower family than a certification:
	// its SOC minor group (29-1, healthcare diagnosing or treating
	// practitioners), where a certification's is the major group or a
	// neighbour's occupation (nannies overlap animal trainers; animal
	// training is still no nanny's program).
	family, program := code[:2], c.Field != ""
	if program {
		family = code[:4]
	}
	for _, occ := range c.Occupations {
		if strings.HasPrefix(occ, family) {
			return false
		}
		if program {
			continue
		}
		for _, near := range g.NearCodes {
			if strings.HasPrefix(near, occ) {
				return false
			}
		}
	}
	return true
}

// A program dedicated to the role's work teaches the role. The importer can
// say what a program certifies only roughly: the few skills most distinctive
// of the occupations it leads to (cypher/imports/cip.go). Taken as all it
// teaches, a Registered Nursing bachelor's left a nurse's Biology to a
// second degree, and a computer support one left a help-desk worker's
// clerical knowledge to an agricultural business degree: plans of two and
// three programs no counselor would draw. So a program of study whose field
// meets the role's requirement and most of whose occupations lie in the
// role's SOC minor group (29-1; Human Resources Management, two of three in
// 13-1 for compensation specialists) counts, for this role, as teaching
// each skill the role requires up to the highest level it certifies (its
// award's cap: a certificate 3). A program that leads elsewhere as much
// (agricultural business technology: farm managers and computer support;
// finance: one of four) keeps its list, unless its name is made for the
// role (its Namesakes, from the importer:
// Pharmacy for pharmacists, though the crosswalk also sends it to health
// services managers; Funeral Direction for morticians).
// A postsecondary teacher role (SOC 25-1) has no program of its own (the
// importer names teachers in a program's fieldFor, not its occupations):
// for it, a program of a field it accepts teaches it (Nursing Education for
// nursing instructors), or its plans gather a nursing degree per skill.

// teacherGroup is the SOC minor group of postsecondary teachers, whose
// fields the CIP importer names (acceptsFields) instead of preparing for.
const teacherGroup = "25-1"

// widenable says c is a program of a field the role accepts, not kept from
// its gaps by the occupation rule: one whose list the rules below may widen
// to the role's.
func (g *PlanGraph) widenable(c *PlanCredential) bool {
	_, soc := g.socCode()
	return soc && c.Field != "" && !c.OtherField && !c.OtherOccupation && g.Accepts([]string{c.Field}, c.ID)
}

// dedicated says c is a program dedicated to the graph's role's work.
func (g *PlanGraph) dedicated(c *PlanCredential) bool {
	if !g.widenable(c) {
		return false
	}
	code, _ := g.socCode()
	if strings.HasPrefix(code, teacherGroup) && len(g.Preparing) == 0 && !g.AnyField && slices.Contains(g.Fields, c.Field) {
		return true // a teacher's field
	}
	if anyOwn(c.Namesakes, code) {
		return true // made for the role, whatever else the crosswalk lists
	}
	if len(c.Occupations) == 0 || c.OccupationsOfField || siblingOnly(c, code) {
		return false
	}
	in := 0
	for _, occ := range c.Occupations {
		if strings.HasPrefix(occ, code[:4]) {
			in++
		}
	}
	return 2*in > len(c.Occupations)
}

// A role no program is dedicated to (Management Analysts: each of their
// seventeen bachelor's leads mostly to other occupations) is taught by
// every program of an accepted field that names its own occupation: its
// plan is one of them, the best fitting at equal cost, not three programs
// gathered for their lists.

// preparesOwn says c is a program of a field the role accepts that names
// the role's own occupation.
func (g *PlanGraph) preparesOwn(c *PlanCredential) bool {
	code, _ := g.socCode()
	return g.widenable(c) && !c.OccupationsOfField && anyOwn(c.Occupations, code) && !siblingOnly(c, code)
}

// teaches is certifies with the role's required skills added, each up to
// the highest level certifies holds: a new map, the candidate's own being
// shared with other roles' graphs.
func (g *PlanGraph) teaches(certifies map[string]int) map[string]int {
	top := 0
	for _, l := range certifies {
		top = max(top, l)
	}
	if top == 0 {
		return certifies
	}
	out := maps.Clone(certifies)
	for _, r := range g.Target {
		if r.Required && !r.Tech {
			out[r.SkillID] = max(out[r.SkillID], min(r.Level, top))
		}
	}
	return out
}

// applyFieldRule marks the candidates whose field does not prepare for the
// graph's role (the rank they confer then meets prerequisites only), and
// those the occupation rule keeps from closing its gaps.
func (g *PlanGraph) applyFieldRule() {
	if g.fieldRuleApplied {
		return
	}
	g.fieldRuleApplied = true
	anyDedicated := false
	for i := range g.Candidates {
		c := &g.Candidates[i]
		var fields []string
		if c.Field != "" {
			fields = []string{c.Field}
		}
		c.OtherField = c.ConfersRank >= MinFieldRank && !g.Accepts(fields, c.ID) && !slices.Contains(g.TargetCredentials, c.ID)
		c.OtherOccupation = g.forOtherOccupations(c)
		c.AboveRole = g.aboveRole(c)
		c.NotForEntry = g.learnedOnTheJob() && g.fitTier(c) > 1
		c.Fit = g.fit(c)
		if g.dedicated(c) {
			c.Certifies = g.teaches(c.Certifies)
			anyDedicated = true
		}
	}
	if !anyDedicated {
		for i := range g.Candidates {
			if c := &g.Candidates[i]; g.preparesOwn(c) {
				c.Certifies = g.teaches(c.Certifies)
			}
		}
	}
	// Indexed here, once, while the graph is still private.
	g.index = newCandIndex(g.Candidates)
}

// A role is not one to take a degree above its entry education for: a gap
// only a degree of that height closes (a medical secretary's Administrative
// at 4, above a certificate's cap of 3; a mortician's skills at 5, above an
// associate degree's 4) is learnable on the job, reported uncovered, not a
// $48,000 step. So a degree above the role's entry education closes none
// of its gaps; for a role entered from high school or with a certificate,
// an associate degree, a year or two like the certificate, still may. Such
// a degree is still a step where it is a rung or meets the requirement.

// maxRankAboveEntry is the highest rank that closes gaps of a role of entry
// education up to MinFieldRank: an associate degree.
const maxRankAboveEntry = 3

// A role learned on the job (job zone 1 or 2) is entered from high school
// at most, whatever education it lists (O*NET gives some none), and takes
// nothing above what its zone asks for its gaps: job zone 1 a few days to
// a few months of training, so no program; job zone 2 up to a year, so a
// postsecondary certificate at most (an associate degree is job zone 3's
// preparation). Tree Trimmers and Pruners took a forestry bachelor's.

// aboveRole says c is a degree above the graph's role's entry education.
func (g *PlanGraph) aboveRole(c *PlanCredential) bool {
	entry, upTo := g.TargetEducationRank, maxRankAboveEntry
	if g.learnedOnTheJob() {
		entry, upTo = max(entry, 1), 1
		if *g.Role.JobZone == 2 {
			upTo = MinFieldRank
		}
	}
	return entry >= 1 && c.ConfersRank > max(entry, upTo) && !slices.Contains(g.TargetCredentials, c.ID)
}

// A role of O*NET job zone 1 or 2 is learned on the job: a high-school
// diploma at most, then a few months to a year beside experienced workers.
// So only a credential meant for the role (fit tier 0 or 1: made for it,
// preparing for it, of its field, required by it, or naming its own
// occupation) closes its gaps: a leadership micro-credential for pest
// control workers, an advanced manufacturing associate degree for
// carpenters' helpers are steps no counselor would draw. The gaps left are
// reported, to be learned on the job. A catalog's level ENTRY without a
// job zone says nothing of this, nor do its credentials name occupations
// to tell what they are meant for: its roles keep every credential.

// learnedOnTheJob says the graph's role is of job zone 1 or 2.
func (g *PlanGraph) learnedOnTheJob() bool {
	return g.Role.JobZone != nil && g.Role.EntryLevel()
}

// Fit, the last tie-break of equal plans: how well a candidate fits the
// role, lower better. First its tier: 0 when its name is made for the
// role (a namesake: Health Care Administration for health services
// managers, Nursing Education for nursing instructors); 1 when it is meant
// for the role (it prepares for it, its field is one the role names, the
// role requires it, or one of its occupations is the role's own SOC code);
// 2 when it is near (its field is in the CIP series of one the role names,
// or one of its occupations is in the role's SOC minor group); else 3.
// Within a tier,
// the fewer of the role's required skills it leaves uncertified, the
// better: among equal ladders to a health manager's bachelor's, the program
// whose own list covers more of the manager's skills. Then id
// (compareCands).
func (g *PlanGraph) fit(c *PlanCredential) int {
	missing := 0
	for _, r := range g.Target {
		if r.Required && !r.Tech && c.Certifies[r.SkillID] == 0 {
			missing++
		}
	}
	return g.fitTier(c)*(len(g.Target)+1) + missing
}

func (g *PlanGraph) fitTier(c *PlanCredential) int {
	code, soc := g.socCode()
	if soc && anyOwn(c.Namesakes, code) {
		return 0
	}
	if slices.Contains(g.Preparing, c.ID) || slices.Contains(g.TargetCredentials, c.ID) ||
		c.Field != "" && !g.AnyField && slices.Contains(g.Fields, c.Field) {
		return 1
	}
	if soc && anyOwn(c.Occupations, code) {
		return 1
	}
	if c.Field != "" && len(c.Field) >= 5 && !g.AnyField {
		for _, f := range g.Fields {
			if strings.HasPrefix(f, c.Field[:5]) {
				return 2
			}
		}
	}
	if soc {
		for _, occ := range c.Occupations {
			if strings.HasPrefix(occ, code[:4]) {
				return 2
			}
		}
	}
	return 3
}

// acceptsAnyEducation says the role's requirement has no field: it asks for
// none, for less than MinFieldRank, or accepts any field.
func (g *PlanGraph) acceptsAnyEducation() bool {
	return g.AnyField || g.TargetEducationRank < MinFieldRank
}
