package imports

import (
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
		// No program names Ophthalmic Medical Technologists, nor 29-2099's
		// general occupation: they keep the code's programs, as no words
		// tell them apart; so do Urologists, whose code's programs are
		// Medicine and the medical residencies.
		{"51.0814", "29-2099.05", true},
		{"51.1201", "29-1229.03", true},
	} {
		if got := prepares(tc.program, tc.code); got != tc.want {
			t.Errorf("%s prepares for %s: %v, want %v", tc.program, tc.code, got, tc.want)
		}
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
