// CTDL reads Credential Engine CTDL JSON-LD: one record ({"@type":
// "ceterms:BachelorDegree", ...}), a document with an "@graph" of records, or
// an array of records, with the registry's compact "ceterms:" property names.
//
// # Nodes
//
// Credentials (every ceterms credential class), learning programs, courses,
// learning opportunities and assessments become credentials. They are the
// document's top-level records and any record embedded in them that has a
// ceterms:ctid.
//
//   - id: "ctdl:" + ceterms:ctid ("ce-" and a UUID; required of a top-level
//     record, unique in the document); ctid: the CTID; source: "ctdl".
//   - kind, by @type: AssociateDegree (and its AssociateOf... subclasses)
//     ASSOCIATE_DEGREE; BachelorDegree (and subclasses) BACHELORS_DEGREE;
//     MasterDegree (and subclasses) MASTERS_DEGREE; DoctoralDegree,
//     ProfessionalDoctorate, ResearchDoctorate DOCTORAL_DEGREE; Degree DEGREE;
//     SecondarySchoolDiploma, GeneralEducationDevelopment
//     HIGH_SCHOOL_DIPLOMA; Diploma DIPLOMA; Certificate and its kinds
//     (CertificateOfCompletion, AcademicCertificate, ...) CERTIFICATE;
//     ApprenticeshipCertificate, PreApprenticeshipCertificate APPRENTICESHIP;
//     Certification CERTIFICATION; License LICENSE; Badge, DigitalBadge,
//     OpenBadge BADGE; MicroCredential MICRO_CREDENTIAL; Credential and
//     QualityAssuranceCredential CREDENTIAL; LearningProgram PROGRAM; Course
//     COURSE; LearningOpportunityProfile LEARNING_OPPORTUNITY;
//     AssessmentProfile ASSESSMENT.
//   - confers: degrees and diplomas confer their level: associate, bachelor,
//     master, doctorate, high-school. Degree (of no stated level) confers
//     nothing. The graph then includes the standard education levels.
//   - name, description: ceterms:name and ceterms:description verbatim; of a
//     language map, the "en" value, else "en-US", else another "en-*", else
//     the first language in order.
//   - issuer: the name of the first ceterms:ownedBy, else ceterms:offeredBy,
//     organization that is in the document (embedded or a record); a note
//     says when the organization is elsewhere.
//   - cost: the sum of ceterms:price over ceterms:estimatedCost, in US
//     dollars (a cost profile in another currency is left out, with a note).
//   - weeks and hours: from the first ceterms:estimatedDuration with an ISO
//     8601 ceterms:exactDuration: its date part as weeks (a year is 52 weeks,
//     a month 52/12, a day 1/7) and its time part as hours (PT10H is 10
//     hours); a duration given as a range (minimumDuration and
//     maximumDuration) uses its midpoint, with a note; a duration given only
//     as text is noted.
//
// # References
//
// A reference is a URI (or {"@id": ...}, or an embedded record). It is
// resolved to a record of the document by its @id, or by the CTID in it
// (registry URIs such as https://sandbox.credentialengineregistry.org/resources/ce-<uuid>
// carry one). A reference to anything outside the document is not an edge:
// a note names it.
//
// # Prerequisites
//
// ceterms:requires and ceterms:entryCondition hold condition profiles. In
// CTDL a condition profile's targets (targetCredential,
// targetLearningOpportunity, targetAssessment) are all required, and
// alternatives are spelt with ceterms:alternativeCondition. So each target of
// a profile is a prerequisite group of its own, and a profile's
// alternativeCondition profiles make one "any one of" group when each names
// exactly one target in the document (other shapes are an OR of ANDs, which
// prerequisite groups cannot hold: a note says so). Every condition profile
// must be met. A profile that names no target (text only, such as "a high
// school diploma or equivalent") is noted, as are ceterms:recommends,
// ceterms:corequisite and ceterms:renewal, which are not prerequisites.
//
// # Stacks
//
// A credential stacks into another when earning it counts toward the other:
//
//   - A ceterms:hasPart B, or B ceterms:isPartOf A: the part B stacks into
//     the whole A, carrying its own hours and cost (at most the whole's).
//   - A ceterms:isPreparationFor B, or B ceterms:preparationFrom A: A stacks
//     into B, with no credit (CTDL does not say how much carries over).
//   - B ceterms:advancedStandingFrom A, or A ceterms:isAdvancedStandingFor B:
//     A stacks into B, with no credit.
//
// These properties may hold references or condition profiles (whose targets
// are then read).
//
// # Other records
//
// Organizations (whose names become issuers), pathways, competencies and any
// other record are not imported; a note lists the top-level ones.
//
// # Refused documents
//
// Open Badges and CLR credentials (they are what a person holds: give them as
// a profile's records, read by LERProfile), CASE packages (import them as
// case), and documents with nothing to import (an organization alone, a
// draft pathway whose components carry no CTIDs, a concept scheme) are
// refused with the reason. Credentials come out sorted by id.

package imports

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/sosodev/duration"

	"github.com/lattice-pathways/lattice/cypher"
)

// ctdlKind is what a CTDL class becomes.
type ctdlKind struct{ kind, confers string }

var ctdlKinds = map[string]ctdlKind{
	"Credential":                      {"CREDENTIAL", ""},
	"QualityAssuranceCredential":      {"CREDENTIAL", ""},
	"AssociateDegree":                 {"ASSOCIATE_DEGREE", "associate"},
	"AssociateOfAppliedArtsDegree":    {"ASSOCIATE_DEGREE", "associate"},
	"AssociateOfAppliedScienceDegree": {"ASSOCIATE_DEGREE", "associate"},
	"AssociateOfArtsDegree":           {"ASSOCIATE_DEGREE", "associate"},
	"AssociateOfScienceDegree":        {"ASSOCIATE_DEGREE", "associate"},
	"BachelorDegree":                  {"BACHELORS_DEGREE", "bachelor"},
	"BachelorOfArtsDegree":            {"BACHELORS_DEGREE", "bachelor"},
	"BachelorOfScienceDegree":         {"BACHELORS_DEGREE", "bachelor"},
	"MasterDegree":                    {"MASTERS_DEGREE", "master"},
	"MasterOfArtsDegree":              {"MASTERS_DEGREE", "master"},
	"MasterOfScienceDegree":           {"MASTERS_DEGREE", "master"},
	"DoctoralDegree":                  {"DOCTORAL_DEGREE", "doctorate"},
	"ProfessionalDoctorate":           {"DOCTORAL_DEGREE", "doctorate"},
	"ResearchDoctorate":               {"DOCTORAL_DEGREE", "doctorate"},
	"Degree":                          {"DEGREE", ""},
	"SecondarySchoolDiploma":          {"HIGH_SCHOOL_DIPLOMA", "high-school"},
	"GeneralEducationDevelopment":     {"HIGH_SCHOOL_DIPLOMA", "high-school"},
	"Diploma":                         {"DIPLOMA", ""},
	"Certificate":                     {"CERTIFICATE", ""},
	"CertificateOfCompletion":         {"CERTIFICATE", ""},
	"CertificateOfParticipation":      {"CERTIFICATE", ""},
	"AcademicCertificate":             {"CERTIFICATE", ""},
	"ProficiencyCertificate":          {"CERTIFICATE", ""},
	"JourneymanCertificate":           {"CERTIFICATE", ""},
	"MasterCertificate":               {"CERTIFICATE", ""},
	"ApprenticeshipCertificate":       {"APPRENTICESHIP", ""},
	"PreApprenticeshipCertificate":    {"APPRENTICESHIP", ""},
	"Certification":                   {"CERTIFICATION", ""},
	"License":                         {"LICENSE", ""},
	"Badge":                           {"BADGE", ""},
	"DigitalBadge":                    {"BADGE", ""},
	"OpenBadge":                       {"BADGE", ""},
	"MicroCredential":                 {"MICRO_CREDENTIAL", ""},
	"LearningProgram":                 {"PROGRAM", ""},
	"Course":                          {"COURSE", ""},
	"LearningOpportunityProfile":      {"LEARNING_OPPORTUNITY", ""},
	"LearningOpportunity":             {"LEARNING_OPPORTUNITY", ""},
	"AssessmentProfile":               {"ASSESSMENT", ""},
}

// ctdlOrganizations are the classes whose names become issuers.
var ctdlOrganizations = map[string]bool{
	"Organization": true, "CredentialOrganization": true, "QACredentialOrganization": true,
}

var (
	ctidPattern = regexp.MustCompile(`(?i)^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	ctidInText  = regexp.MustCompile(`(?i)ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
)

// ctdlNode is a record of the document.
type ctdlNode struct {
	path  jsonPath
	m     map[string]any
	class string // the local name of its first recognized @type, or of its first @type
	kind  *ctdlKind
	id    string // ctdl:<ctid> for a credential
	ctid  string
}

// ctdlReader holds one document while it is read.
type ctdlReader struct {
	path  string
	data  []byte
	top   []*ctdlNode          // top-level records
	creds []*ctdlNode          // credentials, top-level and embedded
	byID  map[string]*ctdlNode // records by @id
	byCT  map[string]*ctdlNode // credentials by CTID (lower case)
	notes noteGroups
}

// CTDL reads a CTDL JSON-LD document (see the file comment).
func CTDL(path string) (*Import, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, jsonDecodeError(path, data, err)
	}
	r := &ctdlReader{path: path, data: data, byID: map[string]*ctdlNode{}, byCT: map[string]*ctdlNode{}}
	if err := r.collect(doc); err != nil {
		return nil, err
	}
	return r.build()
}

// fail is an error at a path of the document.
func (r *ctdlReader) fail(p jsonPath, format string, args ...any) error {
	return errorf(r.path, jsonLine(r.data, p), p.String(), format, args...)
}

// collect finds the document's records, refusing what is not CTDL.
func (r *ctdlReader) collect(doc any) error {
	var tops []*ctdlNode
	switch d := doc.(type) {
	case map[string]any:
		if reason := ctdlForeign(d); reason != "" {
			return errorf(r.path, 1, "", "%s", reason)
		}
		if g, ok := d["@graph"]; ok {
			list, ok := g.([]any)
			if !ok {
				return r.fail(jsonPath{"@graph"}, "@graph is not an array of records")
			}
			for i, v := range list {
				if m, ok := v.(map[string]any); ok {
					tops = append(tops, &ctdlNode{path: jsonPath{"@graph", i}, m: m})
				}
			}
		} else {
			tops = append(tops, &ctdlNode{path: jsonPath{}, m: d})
		}
	case []any:
		for i, v := range d {
			if m, ok := v.(map[string]any); ok {
				tops = append(tops, &ctdlNode{path: jsonPath{i}, m: m})
			}
		}
	default:
		return errorf(r.path, 1, "", "not CTDL JSON-LD: the file is not a JSON object or array")
	}
	r.top = tops
	for _, n := range tops {
		r.index(n, true)
		if n.kind != nil && n.ctid == "" {
			return r.fail(n.path.Add("ceterms:ctid"), "the %s record has no valid ceterms:ctid (ce- and a UUID)", n.class)
		}
	}
	// Embedded records with a CTID are records too.
	for _, n := range tops {
		for _, k := range slices.Sorted(maps.Keys(n.m)) {
			r.walk(n.path.Add(k), n.m[k])
		}
	}
	var found []string
	for _, n := range r.top {
		if n.kind == nil {
			found = append(found, cmp.Or(n.class, "(untyped)"))
		}
	}
	if len(r.creds) == 0 {
		return errorf(r.path, 1, "", "nothing to import: no CTDL credential, learning program, course or assessment; the document holds %s%s", countList(found), ctdlNothingHint(found))
	}
	for _, n := range r.top {
		if n.kind != nil {
			continue
		}
		switch {
		case ctdlOrganizations[n.class]:
			r.notes.add(fmt.Sprintf("ceterms:%s records not imported (organizations are not Lattice nodes; an owner's or provider's name becomes a credential's issuer)", n.class), cmp.Or(jsonStr(n.m["@id"]), langString(n.m["ceterms:name"])))
		default:
			r.notes.add(fmt.Sprintf("%s records not imported (not a credential, learning opportunity or assessment)", cmp.Or(n.class, "untyped")), cmp.Or(jsonStr(n.m["@id"]), n.path.String()))
		}
	}
	return nil
}

// index classifies a record and files it by @id and CTID.
func (r *ctdlReader) index(n *ctdlNode, top bool) {
	types := jsonStrs(n.m["@type"])
	if len(types) == 0 {
		types = jsonStrs(n.m["type"]) // draft documents with an unprefixed context
	}
	for _, t := range types {
		local := ctdlLocal(t)
		if k, ok := ctdlKinds[local]; ok {
			n.class, n.kind = local, &k
			break
		}
		if n.class == "" || ctdlOrganizations[local] {
			n.class = local
		}
	}
	if id := jsonStr(n.m["@id"]); id != "" {
		if _, dup := r.byID[id]; !dup {
			r.byID[id] = n
		}
	}
	if n.kind == nil {
		return
	}
	ct := strings.TrimSpace(jsonStr(n.m["ceterms:ctid"]))
	if !ctidPattern.MatchString(ct) {
		if !top {
			n.kind = nil // an embedded record without a CTID is only a reference
		}
		return
	}
	n.ctid = strings.ToLower(ct)
	n.id = "ctdl:" + n.ctid
	r.creds = append(r.creds, n)
}

// walk finds embedded records.
func (r *ctdlReader) walk(p jsonPath, v any) {
	switch v := v.(type) {
	case map[string]any:
		if _, typed := v["@type"]; typed {
			n := &ctdlNode{path: p, m: v}
			r.index(n, false)
		}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			r.walk(p.Add(k), v[k])
		}
	case []any:
		for i, c := range v {
			r.walk(p.Add(i), c)
		}
	}
}

// build makes the graph from the collected records.
func (r *ctdlReader) build() (*Import, error) {
	// Unique CTIDs; a record embedded twice is one record.
	// Top-level records come first in r.creds, so they win over embedded
	// copies.
	var creds []*ctdlNode
	for _, n := range r.creds {
		if prev, dup := r.byCT[n.ctid]; dup {
			if slices.Contains(r.top, prev) && slices.Contains(r.top, n) && !sameRecord(prev.m, n.m) {
				return nil, r.fail(n.path.Add("ceterms:ctid"), "CTID %s is already the record at %s", n.ctid, prev.path)
			}
			continue
		}
		r.byCT[n.ctid] = n
		creds = append(creds, n)
	}
	sort.Slice(creds, func(i, j int) bool { return creds[i].id < creds[j].id })
	g := &cypher.Graph{}
	out := map[string]*cypher.GraphCredential{}
	for _, n := range creds {
		c, err := r.credential(n)
		if err != nil {
			return nil, err
		}
		out[n.id] = c
	}
	// Prerequisites and stacks, now that every record has its credential.
	type edge struct{ from, to string }
	stacks := map[edge]cypher.GraphStack{}
	var order []edge
	stack := func(from, to *ctdlNode, credit bool) {
		if from == to {
			return
		}
		e := edge{from.id, to.id}
		st := cypher.GraphStack{Credential: to.id}
		if credit {
			a, b := out[from.id], out[to.id]
			st.CreditHours = capped(a.Hours, b.Hours)
			st.CreditCost = capped(a.Cost, b.Cost)
		}
		old, ok := stacks[e]
		if !ok {
			order = append(order, e)
		}
		if !ok || st.CreditHours+st.CreditCost > old.CreditHours+old.CreditCost {
			stacks[e] = st
		}
	}
	for _, n := range creds {
		c := out[n.id]
		groups, err := r.prerequisites(n)
		if err != nil {
			return nil, err
		}
		c.Prerequisites = groups
		for _, rel := range []struct {
			prop       string
			itStacks   bool // n stacks into the target; else the target into n
			credit     bool
			conditions bool
		}{
			{"ceterms:hasPart", false, true, false},
			{"ceterms:isPartOf", true, true, false},
			{"ceterms:isPreparationFor", true, false, true},
			{"ceterms:preparationFrom", false, false, true},
			{"ceterms:advancedStandingFrom", false, false, true},
			{"ceterms:isAdvancedStandingFor", true, false, true},
		} {
			for _, ref := range r.refs(n.m[rel.prop], rel.conditions) {
				t := r.resolve(ref)
				switch {
				case t == nil:
					r.notes.add(fmt.Sprintf("%s references outside the document not imported", rel.prop), n.id+" -> "+refName(ref))
				case rel.itStacks:
					stack(n, t, rel.credit)
				default:
					stack(t, n, rel.credit)
				}
			}
		}
	}
	for _, e := range order {
		c := out[e.from]
		c.StacksInto = append(c.StacksInto, stacks[e])
	}
	confers := false
	for _, n := range creds {
		c := out[n.id]
		sort.Slice(c.StacksInto, func(i, j int) bool { return c.StacksInto[i].Credential < c.StacksInto[j].Credential })
		if c.Confers != "" {
			confers = true
		}
		g.Credentials = append(g.Credentials, *c)
	}
	sort.Slice(g.Credentials, func(i, j int) bool { return g.Credentials[i].ID < g.Credentials[j].ID })
	if confers {
		levels, err := StandardLevels()
		if err != nil {
			return nil, err
		}
		g.EducationLevels = levels
	}
	if err := g.Validate(); err != nil {
		return nil, errorf(r.path, 0, "", "%v", trimInvalid(err))
	}
	return &Import{Format: "ctdl", Graph: g, Notes: r.notes.list()}, nil
}

// credential reads a record's own fields.
func (r *ctdlReader) credential(n *ctdlNode) (*cypher.GraphCredential, error) {
	name := langString(n.m["ceterms:name"])
	if strings.TrimSpace(name) == "" {
		return nil, r.fail(n.path.Add("ceterms:name"), "%s has no ceterms:name", n.id)
	}
	source, ctid := "ctdl", n.ctid
	c := &cypher.GraphCredential{ID: n.id, Name: name, Kind: n.kind.kind, Confers: n.kind.confers, CTID: &ctid, Source: &source}
	if n.class == "Degree" {
		r.notes.add("degrees of no stated level confer no education level", n.id)
	}
	if d := langString(n.m["ceterms:description"]); d != "" {
		c.Description = &d
	}
	c.Issuer = r.issuer(n)
	cost, err := r.cost(n)
	if err != nil {
		return nil, err
	}
	c.Cost = cost
	if c.Weeks, c.Hours, err = r.duration(n); err != nil {
		return nil, err
	}
	return c, nil
}

// issuer is the name of the record's owner or provider, when the document
// holds it.
func (r *ctdlReader) issuer(n *ctdlNode) *string {
	var missing []string
	for _, prop := range []string{"ceterms:ownedBy", "ceterms:offeredBy"} {
		for _, ref := range jsonList(n.m[prop]) {
			org, _ := ref.(map[string]any)
			if org == nil || langString(org["ceterms:name"]) == "" {
				if t, ok := r.byID[refID(ref)]; ok && t.kind == nil {
					org = t.m
				}
			}
			if name := langString(org["ceterms:name"]); name != "" {
				return &name
			}
			missing = append(missing, refName(ref))
		}
	}
	if len(missing) > 0 {
		r.notes.add("credentials whose owner or provider is not in the document (issuer left unset)", n.id+" ("+missing[0]+")")
	}
	return nil
}

// cost sums the record's prices in US dollars.
func (r *ctdlReader) cost(n *ctdlNode) (*float64, error) {
	var sum float64
	priced := false
	for i, v := range jsonList(n.m["ceterms:estimatedCost"]) {
		p := n.path.Add("ceterms:estimatedCost", i)
		if _, isList := n.m["ceterms:estimatedCost"].([]any); !isList {
			p = n.path.Add("ceterms:estimatedCost")
		}
		cp, ok := v.(map[string]any)
		if !ok {
			continue
		}
		raw, ok := cp["ceterms:price"]
		if !ok {
			continue
		}
		price, ok := jsonNumber(raw)
		if !ok || price < 0 {
			return nil, r.fail(p.Add("ceterms:price"), "price %v of %s is not an amount >= 0", raw, n.id)
		}
		switch cur := strings.ToUpper(strings.TrimSpace(jsonStr(cp["ceterms:currency"]))); cur {
		case "", "USD", "US DOLLAR", "US DOLLARS", "$":
		default:
			r.notes.add("costs not in US dollars left out", fmt.Sprintf("%s (%v %s)", n.id, raw, jsonStr(cp["ceterms:currency"])))
			continue
		}
		sum += price
		priced = true
	}
	if !priced {
		return nil, nil
	}
	return &sum, nil
}

// duration reads the record's estimated duration as weeks and hours.
func (r *ctdlReader) duration(n *ctdlNode) (weeks, hours *float64, err error) {
	profiles := jsonList(n.m["ceterms:estimatedDuration"])
	textOnly := false
	for i, v := range profiles {
		dp, ok := v.(map[string]any)
		if !ok {
			continue
		}
		p := n.path.Add("ceterms:estimatedDuration", i)
		if _, isList := n.m["ceterms:estimatedDuration"].([]any); !isList {
			p = n.path.Add("ceterms:estimatedDuration")
		}
		if s := jsonStr(dp["ceterms:exactDuration"]); s != "" {
			w, h, ok := parseISODuration(s)
			if !ok {
				return nil, nil, r.fail(p.Add("ceterms:exactDuration"), "%q is not an ISO 8601 duration (such as P9M or PT40H)", s)
			}
			return w, h, nil
		}
		lo, hi := jsonStr(dp["ceterms:minimumDuration"]), jsonStr(dp["ceterms:maximumDuration"])
		if lo != "" && hi != "" {
			w1, h1, ok1 := parseISODuration(lo)
			w2, h2, ok2 := parseISODuration(hi)
			if !ok1 {
				return nil, nil, r.fail(p.Add("ceterms:minimumDuration"), "%q is not an ISO 8601 duration", lo)
			}
			if !ok2 {
				return nil, nil, r.fail(p.Add("ceterms:maximumDuration"), "%q is not an ISO 8601 duration", hi)
			}
			r.notes.add("durations given as a range read as their midpoint", fmt.Sprintf("%s (%s to %s)", n.id, lo, hi))
			return midpoint(w1, w2), midpoint(h1, h2), nil
		}
		textOnly = true
	}
	if textOnly {
		r.notes.add("durations given only as text not imported", n.id)
	}
	return nil, nil, nil
}

// prerequisites reads the record's condition profiles into groups.
func (r *ctdlReader) prerequisites(n *ctdlNode) ([][]string, error) {
	var groups [][]string
	seen := map[string]bool{}
	addGroup := func(g []string) {
		sort.Strings(g)
		key := strings.Join(g, "\x00")
		if !seen[key] {
			seen[key] = true
			groups = append(groups, g)
		}
	}
	for _, prop := range []string{"ceterms:requires", "ceterms:entryCondition"} {
		for _, v := range jsonList(n.m[prop]) {
			cp, ok := v.(map[string]any)
			if !ok {
				continue
			}
			label := cmp.Or(langString(cp["ceterms:name"]), prop)
			targets := ctdlTargets(cp)
			for _, ref := range targets {
				t := r.resolve(ref)
				switch {
				case t == nil:
					r.notes.add("prerequisites outside the document not imported", fmt.Sprintf("%s requires %s (%q)", n.id, refName(ref), label))
				case t == n:
					r.notes.add("prerequisites naming the credential itself not imported", n.id)
				default:
					addGroup([]string{t.id})
				}
			}
			alts := jsonList(cp["ceterms:alternativeCondition"])
			if len(alts) > 0 {
				var group []string
				ok := true
				for _, a := range alts {
					am, _ := a.(map[string]any)
					ts := ctdlTargets(am)
					if len(ts) != 1 {
						ok = false
						break
					}
					t := r.resolve(ts[0])
					if t == nil || t == n {
						ok = false
						break
					}
					if !slices.Contains(group, t.id) {
						group = append(group, t.id)
					}
				}
				if ok {
					addGroup(group)
				} else {
					r.notes.add("alternative conditions not imported (each alternative must name one credential of the document to make an \"any one of\" group)", fmt.Sprintf("%s (%q)", n.id, label))
				}
			}
			if len(targets) == 0 && len(alts) == 0 {
				r.notes.add("conditions that name no credential, learning opportunity or assessment not imported (text only)", fmt.Sprintf("%s %q: %s", n.id, label, clipText(langString(cp["ceterms:description"]), 100)))
			}
		}
	}
	for _, prop := range []string{"ceterms:recommends", "ceterms:corequisite", "ceterms:renewal"} {
		if len(jsonList(n.m[prop])) > 0 {
			r.notes.add(prop+" conditions not imported (they are not prerequisites)", n.id)
		}
	}
	return groups, nil
}

// ctdlTargets are a condition profile's target references.
func ctdlTargets(cp map[string]any) []any {
	var out []any
	for _, k := range []string{"ceterms:targetCredential", "ceterms:targetLearningOpportunity", "ceterms:targetAssessment"} {
		out = append(out, jsonList(cp[k])...)
	}
	return out
}

// refs lists the references a property holds. With conditions, a condition
// profile stands for its targets.
func (r *ctdlReader) refs(v any, conditions bool) []any {
	var out []any
	for _, x := range jsonList(v) {
		if m, ok := x.(map[string]any); ok && conditions && ctdlLocal(jsonStr(m["@type"])) == "ConditionProfile" {
			out = append(out, ctdlTargets(m)...)
			continue
		}
		out = append(out, x)
	}
	return out
}

// resolve finds the credential a reference names, or nil when it is not in
// the document.
func (r *ctdlReader) resolve(ref any) *ctdlNode {
	if m, ok := ref.(map[string]any); ok {
		if ct := strings.ToLower(strings.TrimSpace(jsonStr(m["ceterms:ctid"]))); ct != "" {
			if n, ok := r.byCT[ct]; ok {
				return n
			}
		}
	}
	id := refID(ref)
	if id == "" {
		return nil
	}
	if n, ok := r.byID[id]; ok && n.kind != nil && n.id != "" {
		return r.byCT[n.ctid]
	}
	if ct := ctidInText.FindAllString(id, -1); len(ct) > 0 {
		if n, ok := r.byCT[strings.ToLower(ct[len(ct)-1])]; ok {
			return n
		}
	}
	return nil
}

// refID is a reference's URI.
func refID(ref any) string {
	switch v := ref.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		return strings.TrimSpace(jsonStr(v["@id"]))
	}
	return ""
}

// refName names a reference in a note.
func refName(ref any) string {
	if id := refID(ref); id != "" {
		return id
	}
	if m, ok := ref.(map[string]any); ok {
		return cmp.Or(langString(m["ceterms:name"]), jsonStr(m["ceterms:ctid"]), "an embedded record")
	}
	return fmt.Sprint(ref)
}

// ctdlForeign says why a document is not CTDL, or "".
func ctdlForeign(d map[string]any) string {
	types := append(jsonStrs(d["type"]), jsonStrs(d["@type"])...)
	for _, t := range types {
		switch t {
		case "OpenBadgeCredential", "AchievementCredential", "ClrCredential", "EndorsementCredential", "VerifiableCredential", "VerifiablePresentation":
			return fmt.Sprintf("not CTDL: this is an Open Badges 3.0 / CLR 2.0 credential (%s), a record of what one person holds; give it as a profile's record (LERProfile) instead of importing it", strings.Join(types, ", "))
		}
	}
	for _, c := range jsonStrs(d["@context"]) {
		if strings.Contains(c, "w3.org/ns/credentials") || strings.Contains(c, "w3.org/2018/credentials") || strings.Contains(c, "purl.imsglobal.org/spec/ob") || strings.Contains(c, "purl.imsglobal.org/spec/clr") {
			return "not CTDL: this is a W3C verifiable credential (Open Badges / CLR), a record of what one person holds; give it as a profile's record (LERProfile) instead of importing it"
		}
	}
	if _, ok := d["CFDocument"]; ok {
		return "not CTDL: this is a CASE CFPackage; import it as case"
	}
	return ""
}

// ctdlNothingHint explains why a document's records are not imported.
func ctdlNothingHint(found []string) string {
	var hints []string
	for _, f := range found {
		var h string
		switch {
		case strings.Contains(f, "Pathway") || strings.HasSuffix(f, "Component"):
			h = "CTDL pathways and their components are not imported (Lattice reads the credentials and courses they point to, which need records with CTIDs)"
		case ctdlOrganizations[f]:
			h = "organizations are not Lattice nodes (a credential's owner becomes its issuer)"
		case f == "ConceptScheme" || f == "Concept":
			h = "concept schemes are vocabularies, not credentials"
		}
		if h != "" && !slices.Contains(hints, h) {
			hints = append(hints, h)
		}
	}
	if len(hints) == 0 {
		return ""
	}
	return ": " + strings.Join(hints, "; ")
}

// countList is "A (2), B" for a list with repeats, in first-seen order.
func countList(items []string) string {
	counts := map[string]int{}
	var order []string
	for _, it := range items {
		if counts[it] == 0 {
			order = append(order, it)
		}
		counts[it]++
	}
	if len(order) == 0 {
		return "no records"
	}
	var out []string
	for _, it := range order {
		if counts[it] > 1 {
			out = append(out, fmt.Sprintf("%s (%d)", it, counts[it]))
		} else {
			out = append(out, it)
		}
	}
	return strings.Join(out, ", ")
}

// ctdlLocal is a class name without its "ceterms:" prefix or namespace.
func ctdlLocal(t string) string {
	t = strings.TrimSpace(t)
	if i := strings.LastIndexAny(t, ":/#"); i >= 0 {
		return t[i+1:]
	}
	return t
}

// parseISODuration reads an ISO 8601 duration as weeks (its date part) and
// hours (its time part); either is nil when its part is absent or zero. A
// bare "P" or a "T" with no time after it is refused, and so is a negative
// duration: neither says how long a credential takes.
func parseISODuration(s string) (weeks, hours *float64, ok bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	d, err := duration.Parse(s)
	if err != nil || d.Negative || s == "P" || strings.HasSuffix(s, "T") {
		return nil, nil, false
	}
	w := d.Years*52 + d.Months*52/12 + d.Weeks + d.Days/7
	h := d.Hours + d.Minutes/60 + d.Seconds/3600
	round := func(x float64) *float64 {
		x = math.Round(x*100) / 100
		return &x
	}
	if w > 0 {
		weeks = round(w)
	}
	if h > 0 {
		hours = round(h)
	}
	return weeks, hours, true
}

// midpoint of two optional amounts (the one given when only one is).
func midpoint(a, b *float64) *float64 {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	m := math.Round((*a+*b)/2*100) / 100
	return &m
}

// capped is the credit a part carries into a whole: the part's amount, at
// most the whole's; 0 when either is unknown.
func capped(part, whole *float64) float64 {
	if part == nil || whole == nil {
		return 0
	}
	return math.Min(*part, *whole)
}

// langString reads a CTDL language map (or plain string, or list of either)
// as one string: "en", else "en-US", else another "en-*", else the first
// language in order. A language's value may be a list: its first item.
func langString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		for _, x := range v {
			if s := langString(x); s != "" {
				return s
			}
		}
	case map[string]any:
		if s, ok := v["@value"]; ok {
			return langString(s)
		}
		keys := slices.Sorted(maps.Keys(v))
		pick := func(match func(string) bool) (string, bool) {
			for _, k := range keys {
				if match(strings.ToLower(strings.TrimPrefix(k, "@"))) {
					if s := langString(v[k]); s != "" {
						return s, true
					}
				}
			}
			return "", false
		}
		for _, match := range []func(string) bool{
			func(k string) bool { return k == "en" },
			func(k string) bool { return k == "en-us" },
			func(k string) bool { return strings.HasPrefix(k, "en-") },
			func(string) bool { return true },
		} {
			if s, ok := pick(match); ok {
				return s
			}
		}
	}
	return ""
}

// jsonList is v as a list: itself when it is one, else a list of it (nil for nil).
func jsonList(v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		return v
	}
	return []any{v}
}

// jsonStr is v when it is a string.
func jsonStr(v any) string {
	s, _ := v.(string)
	return s
}

// jsonStrs is the strings of a string or list of strings.
func jsonStrs(v any) []string {
	var out []string
	for _, x := range jsonList(v) {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// jsonNumber reads a JSON number (or a numeric string).
func jsonNumber(v any) (float64, bool) {
	switch v := v.(type) {
	case json.Number:
		x, err := v.Float64()
		return x, err == nil && !math.IsInf(x, 0)
	case string:
		x, err := parseAmount(v)
		return x, err == nil
	case float64:
		return v, true
	}
	return 0, false
}

// clipText shortens s to at most n runes.
func clipText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// sameRecord reports whether two records are the same JSON.
func sameRecord(a, b map[string]any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}
