package imports

import (
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lattice-pathways/lattice/cypher"
)

func TestCIPStem(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"technologists", "technolog"}, {"technology", "technolog"}, {"technologist", "technolog"},
		{"nursing", "nurs"}, {"nurses", "nurs"}, {"nurse", "nurs"},
		{"management", "manag"}, {"managers", "manag"},
		{"art", "art"}, {"data", "data"},
	} {
		if got := cipStem(tc.in); got != tc.want {
			t.Errorf("cipStem(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := cipWords("The Electroneurodiagnostic/EEG Technology, and a Program"); !slices.Equal(got, []string{"electroneurodiagnost", "eeg", "technolog"}) {
		t.Errorf("cipWords = %v", got)
	}
}

// TestMatcher matches three programs of one SOC code to its detailed
// occupations, among a few others that give the words their frequencies.
func TestMatcher(t *testing.T) {
	neuro := MatchText{"Neurodiagnostic Technologists", "Conduct electroneurodiagnostic (END) tests such as electroencephalograms, evoked potentials, polysomnograms, or electronystagmograms."}
	patient := MatchText{"Patient Representatives", "Assist patients in obtaining services, understanding policies and making health care decisions."}
	ophth := MatchText{"Ophthalmic Medical Technologists", "Assist ophthalmologists by performing ophthalmic clinical functions and ophthalmic photography. Provide instruction and supervision to other ophthalmic personnel."}
	occs := []MatchText{neuro, patient, ophth,
		{"Radiologic Technologists and Technicians", "Take x-rays and CAT scans or administer nonradioactive materials into patient's bloodstream for diagnostic purposes."},
		{"Respiratory Therapists", "Assess, treat, and care for patients with breathing disorders. Assume primary responsibility for all respiratory care modalities."},
		{"Medical Records Specialists", "Compile, process, and maintain medical records of hospital and clinic patients."},
	}
	end := MatchText{"Electroneurodiagnostic/Electroencephalographic Technology/Technologist", "A program that prepares individuals to conduct electroneurodiagnostic tests and record electrical activity in the brain: EEG, evoked potentials and polysomnograms."}
	radAsst := MatchText{"Radiologist Assistant", "A program that prepares individuals, under the supervision of a physician, to perform patient assessment, patient management, selected imaging procedures and to make initial observations of diagnostic images. Includes instruction in radiologic procedures and techniques, patient assessment, patient care and management."}
	resp := MatchText{"Respiratory Care Therapy/Therapist", "A program that prepares individuals, under the supervision of physicians, to assist in developing respiratory care plans, administer respiratory care procedures, supervise personnel and equipment operation, maintain records."}
	m := NewMatcher(occs, []MatchText{end, radAsst, resp})
	for _, tc := range []struct {
		program, occupation MatchText
		want                bool
	}{
		{end, neuro, true},        // neurodiagnost within electroneurodiagnost, and alike
		{end, patient, false},     // no title word shared
		{radAsst, patient, false}, // patient in the definition, not the title
		{resp, ophth, false},      // alike on common words, no title word shared
		{radAsst, neuro, false},
	} {
		if got := m.Match(tc.program, tc.occupation); got != tc.want {
			t.Errorf("Match(%s, %s) = %v, want %v (cosine %.3f, shared %v)", tc.program.Title, tc.occupation.Title, got, tc.want,
				m.Cosine(tc.program, tc.occupation), m.SharedTitleWords(tc.program, tc.occupation))
		}
	}
	// Deterministic, and symmetric in its cosine.
	if a, b := m.Cosine(end, neuro), m.Cosine(neuro, end); a != b || a != m.Cosine(end, neuro) {
		t.Errorf("cosine %v, %v", a, b)
	}
}

// TestProfileMatcher compares skills profiles against the mean of them all:
// what every occupation needs weighs nothing, what sets one apart decides.
func TestProfileMatcher(t *testing.T) {
	// reading everyone needs; medicine the physicians; service the
	// representative and the clerk.
	physician := Profile{"reading": 4, "medicine": 4.8, "science": 4}
	surgeon := Profile{"reading": 4, "medicine": 4.6, "science": 3.6, "dexterity": 3}
	urologist := Profile{"reading": 4, "medicine": 4.7, "science": 3.8}
	representative := Profile{"reading": 4, "service": 4.5, "speaking": 4}
	clerk := Profile{"reading": 4, "service": 3.8, "speaking": 3.5}
	m := NewProfileMatcher([]Profile{physician, surgeon, urologist, representative, clerk, {}})
	for _, tc := range []struct {
		name        string
		others      []Profile
		occupation  Profile
		least, most float64
	}{
		{"physicians fit urologists", []Profile{physician, surgeon}, urologist, 0.9, 1},
		{"physicians do not fit representatives", []Profile{physician, surgeon}, representative, -1, 0},
		{"clerks fit representatives", []Profile{clerk}, representative, 0.9, 1},
		{"an empty profile among the others is left out", []Profile{physician, {}}, urologist, 0.9, 1},
		{"no other occupation: no fit", nil, urologist, 0, 0},
		{"only empty others: no fit", []Profile{{}}, urologist, 0, 0},
		{"an occupation with no profile: no fit", []Profile{physician}, Profile{}, 0, 0},
		{"a profile at the mean (the empty one left out of it): no fit", []Profile{physician}, Profile{"reading": 4, "medicine": 3.22, "science": 2.68, "dexterity": 1.4, "service": 2.26, "speaking": 2.1}, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := m.Closeness(tc.others, tc.occupation)
			if got < tc.least-1e-9 || got > tc.most+1e-9 {
				t.Errorf("closeness %.3f, want %.2f to %.2f", got, tc.least, tc.most)
			}
		})
	}
	// The occupation's and the others' sides are symmetric for one other.
	if a, b := m.Closeness([]Profile{clerk}, representative), m.Closeness([]Profile{representative}, clerk); math.Abs(a-b) > 1e-12 {
		t.Errorf("closeness %v one way, %v the other", a, b)
	}
}

// TestCIPSharedData reads the real CIP files with the real O*NET release:
// the programs of split SOC codes prepare for the detailed occupations a
// counselor would send them to, and programs name their teachers without
// preparing for them. CIP_MATCHES=1 logs every pair of a split code.
func TestCIPSharedData(t *testing.T) {
	onet := onetFull(t)
	occs := OccupationsOf(onet.Graph)
	imp, err := CIPWith(sharedData(t, "cip"), occs)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range imp.Notes {
		t.Log(n)
	}
	byID := credentialsByID(imp.Graph)
	prepares := func(program, code string) bool {
		for _, a := range CIPAwards {
			if c, ok := byID["cip:"+program+":"+a.ID]; ok {
				return slices.ContainsFunc(c.Occupations, func(o string) bool { return strings.HasPrefix(code, o) })
			}
		}
		t.Fatalf("no credential of program %s", program)
		return false
	}
	for _, tc := range []struct {
		program, code string
		want          bool
	}{
		{"51.0903", "29-2099.01", true},  // Electroneurodiagnostic Technology: Neurodiagnostic Technologists
		{"51.0903", "29-2099.00", true},  // and the general occupation
		{"51.0814", "29-2099.01", false}, // Radiologist Assistant: not Neurodiagnostic Technologists, whom a program names
		{"51.0814", "29-2099.00", true},
		{"51.3801", "29-1141.00", true}, // Registered Nursing: every RN specialty
		{"51.3801", "29-1141.01", true},
		{"51.3801", "29-1141.02", true},
		{"51.3801", "29-1141.03", true},
		{"51.3801", "29-1141.04", true},
		{"51.3801", "25-1072.00", false}, // nor nursing instructors
		{"11.1001", "15-1244.00", true},  // an unsplit code: whole
		{"14.1901", "17-2141.02", true},  // Mechanical Engineering: Automotive Engineers, whom no program matches, through Mechanical Engineers
		// No program's words name Urologists, Hospitalists nor Physicians,
		// All Other: Medicine's other occupations, the physicians, have
		// their skills.
		{"51.1201", "29-1229.03", true},
		{"51.1201", "29-1229.02", true},
		{"51.1202", "29-1229.03", true},  // Osteopathic Medicine
		{"61.0116", "29-1229.02", true},  // Internal Medicine/Preventive Medicine residency, through General Internal Medicine Physicians
		{"51.1403", "29-1229.03", false}, // Pain Management names only 29-1229: words alone, and they do not match
		// Nor do the words name Patient Representatives or Ophthalmic
		// Medical Technologists: 29-2099's allied-health programs are far
		// from them by skills (Respiratory Therapists, Cardiovascular
		// Technologists) or name 29-2099 alone.
		{"51.0814", "29-2099.05", false}, // Radiologist Assistant
		{"51.0814", "29-2099.08", false},
		{"51.0908", "29-2099.08", false}, // Respiratory Care Therapy
		{"51.0812", "29-2099.08", false}, // Respiratory Therapy Technician/Assistant
		{"51.0915", "29-2099.05", false}, // Cardiopulmonary Technology
		// Midwives: nothing of Chinese Herbology or Bioethics.
		{"51.3302", "29-9099.01", false},
		{"51.3201", "29-9099.01", false},
		{"51.3702", "29-9099.01", false}, // Herbalism
		// Elsewhere the skills test keeps what a counselor would.
		{"52.1001", "13-1041.03", true},  // Human Resources Management: Equal Opportunity Officers
		{"11.0701", "15-1299.08", true},  // Computer Science: Computer Systems Engineers/Architects
		{"14.4701", "17-2199.07", true},  // Electrical and Computer Engineering: Photonics Engineers
		{"03.0208", "13-1041.06", false}, // Natural Resources Law Enforcement: not Coroners
	} {
		if got := prepares(tc.program, tc.code); got != tc.want {
			t.Errorf("%s prepares for %s: %v, want %v", tc.program, tc.code, got, tc.want)
		}
	}
	// The programs that prepare for each occupation, as the planner's
	// field rule reads them: none of 29-2099's allied-health programs for
	// Patient Representatives or Ophthalmic Medical Technologists (they
	// accept any field, and the note says so), Medicine for the physicians.
	preparing := func(code string) []string {
		var out []string
		for _, c := range imp.Graph.Credentials {
			if slices.Contains(c.Occupations, code) || slices.Contains(c.Occupations, code[:7]) {
				out = append(out, c.ID)
			}
		}
		return out
	}
	for _, code := range []string{"29-2099.08", "29-2099.05", "29-9099.01"} {
		if got := preparing(code); len(got) != 0 {
			t.Errorf("%s is prepared for by %v, want none (a degree of any field)", code, got)
		}
	}
	for _, code := range []string{"29-1229.02", "29-1229.03"} {
		got := preparing(code)
		if !slices.Contains(got, "cip:51.1201:doctorate") {
			t.Errorf("%s is prepared for by %v, want Medicine's doctorate", code, got)
		}
		for _, id := range got {
			if !strings.HasPrefix(id, "cip:51.12") && !strings.HasPrefix(id, "cip:61.") {
				t.Errorf("%s is prepared for by %s, not medicine nor a residency", code, id)
			}
		}
	}
	if got := preparing("29-2099.01"); !slices.Contains(got, "cip:51.0903:associate") && !slices.Contains(got, "cip:51.0903:certificate") {
		t.Errorf("neurodiagnostic technologists are prepared for by %v, want Electroneurodiagnostic Technology", got)
	}
	notes := strings.Join(imp.Notes, "\n")
	var anyField string
	for _, n := range imp.Notes {
		if strings.Contains(n, "accept a degree of any field:") {
			anyField = n
		}
	}
	for _, code := range []string{"29-2099.05", "29-2099.08", "29-9099.01"} {
		if !strings.Contains(anyField, code) {
			t.Errorf("the note on occupations that accept any field lacks %s: %q", code, anyField)
		}
	}
	for _, code := range []string{"29-1229.02", "29-1229.03", "29-2099.01", "29-1141.01"} {
		if strings.Contains(anyField, code) {
			t.Errorf("the note says %s accepts any field: %q", code, anyField)
		}
	}
	if !strings.Contains(notes, "by skills (of ") {
		t.Errorf("no note counts the skills test's pairs:\n%s", notes)
	}
	// A program's namesakes are the occupations its name is made for, not
	// every one the crosswalk lists.
	for _, tc := range []struct {
		credential, code string
		want             bool
	}{
		{"cip:51.2001:doctorate", "29-1051", true},  // Pharmacy: Pharmacists
		{"cip:51.2001:doctorate", "11-9111", false}, // not the health services managers it also leads to
		{"cip:14.1801:bachelor", "17-2131", true},   // Materials Engineering: Materials Engineers
		{"cip:01.0106:bachelor", "15-1232", false},  // Agricultural Business Technology: not computer support
		{"cip:51.3203:master", "25-1072", true},     // Nursing Education: the nursing instructors it trains
		{"cip:51.3801:master", "25-1072", false},    // Registered Nursing: a subject of theirs, no teacher training
	} {
		c, ok := byID[tc.credential]
		if !ok {
			t.Errorf("no credential %s", tc.credential)
			continue
		}
		if got := slices.Contains(c.Namesakes, tc.code); got != tc.want {
			t.Errorf("%s names %s: %v, want %v (namesakes %v, occupations %v)", tc.credential, tc.code, got, tc.want, c.Namesakes, c.Occupations)
		}
	}
	// A residency follows its profession's first degree, not a bachelor's:
	// a dermatologist goes through medical school, a pharmacist through
	// pharmacy.
	for _, tc := range []struct{ residency, degree string }{
		{"cip:61.0501:doctorate", "cip:51.1201:doctorate"}, // Dermatology: Medicine
		{"cip:60.0801:doctorate", "cip:51.2001:doctorate"}, // Pharmacy Residency, General: Pharmacy
	} {
		c, ok := byID[tc.residency]
		if !ok {
			t.Errorf("no credential %s", tc.residency)
			continue
		}
		if len(c.Prerequisites) != 1 || !slices.Contains(c.Prerequisites[0], tc.degree) || slices.Contains(c.Prerequisites[0], "bachelor") {
			t.Errorf("%s requires %v, want %s (and no bachelor's)", tc.residency, c.Prerequisites, tc.degree)
		}
	}
	if !strings.Contains(notes, "residencies and fellowships: ") {
		t.Errorf("no note counts the residencies:\n%s", notes)
	}
	bsn := byID["cip:51.3801:bachelor"]
	if !slices.Contains(bsn.FieldFor, "25-1072") {
		t.Errorf("51.3801 names its teachers %v, want 25-1072 among them", bsn.FieldFor)
	}
	// Nursing instructors require a graduate degree: nursing programs confer one.
	var graduate []string
	for _, c := range imp.Graph.Credentials {
		if c.Field != nil && slices.Contains(c.FieldFor, "25-1072") && (c.Confers == "master" || c.Confers == "doctorate") {
			graduate = append(graduate, c.ID)
		}
	}
	if len(graduate) == 0 {
		t.Error("no nursing program confers a graduate degree")
	}
	t.Logf("graduate nursing programs: %v", graduate)
	if os.Getenv("CIP_MATCHES") != "" {
		logSplitMatches(t, imp.Graph, occs)
	}
}

// logSplitMatches logs, for every detailed occupation of a split SOC code,
// the programs of its code kept and dropped.
func logSplitMatches(t *testing.T, g *cypher.Graph, occs []cypher.Occupation) {
	bySOC := map[string][]cypher.Occupation{}
	for _, o := range occs {
		bySOC[o.Code[:7]] = append(bySOC[o.Code[:7]], o)
	}
	seen := map[string]bool{}
	for _, c := range g.Credentials {
		code := strings.Split(c.ID, ":")[1]
		if seen[code] {
			continue
		}
		seen[code] = true
		for _, soc := range c.Occupations {
			if !strings.HasSuffix(soc, ".00") || len(bySOC[soc[:7]]) < 2 {
				continue
			}
			for _, o := range bySOC[soc[:7]] {
				if strings.HasSuffix(o.Code, ".00") {
					continue
				}
				t.Logf("match %v | %s %s | %s %s", slices.Contains(c.Occupations, o.Code), o.Code, o.Title, code, strings.TrimSuffix(c.Name, " ("+strings.SplitN(c.Name, " (", 2)[len(strings.SplitN(c.Name, " (", 2))-1]))
			}
		}
	}
}
