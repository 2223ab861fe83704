package imports

// The matcher that tells which programs of a SOC code O*NET splits lead to
// which of its detailed occupations: the CIP-SOC crosswalk names 29-2099
// for Electroneurodiagnostic Technology and for Radiologist Assistant alike,
// and O*NET splits 29-2099 into Neurodiagnostic Technologists, Ophthalmic
// Medical Technologists, Patient Representatives and more.
//
// A program matches a detailed occupation when both hold:
//   - their texts are alike: the TF-IDF cosine of the program's title and
//     definition against the occupation's title and description is at least
//     CIPMatchThreshold (titles count twice; term frequency is 1 + ln n;
//     inverse document frequency ln(N/df) over every occupation and program
//     text);
//   - their titles share a specific word: a stem of the occupation's title
//     found in at most CIPMatchTitleWords O*NET titles (cellular, not
//     manager or technician) is a stem of the program's title, or one of
//     five letters or more holds the other (neurodiagnost in
//     electroneurodiagnost), the program's being specific too.
//
// The cosine alone lets long definitions match on common words (Respiratory
// Care Therapy to Ophthalmic Medical Technologists on personnel, assist,
// supervise); the shared title word alone lets a general program match
// every specialty of its word. Words are lower-cased letters, stop words and
// words under three letters left out, cut to a stem by one suffix (cipStem).
// Deterministic: no order of input changes an answer.

import (
	"maps"
	"math"
	"slices"
	"strings"
)

// The matcher's thresholds, chosen by reading its matches on the 76 SOC
// codes O*NET 30 splits (see the CIP importer's notes).
const (
	// CIPMatchThreshold is the least cosine of a match.
	CIPMatchThreshold = 0.1
	// CIPMatchTitleWords is the most O*NET titles a stem may be found in
	// and still be specific.
	CIPMatchTitleWords = 12
)

// cipStopWords are left out of texts: function words, and the words every
// CIP definition and O*NET description uses.
var cipStopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and or of the to in on for with by as at from into that which who whom
		whose this these those their its it is are be been being may can such other all also including include
		includes related general than not any each both various program programs prepares individuals
		individual focuses instruction occupations occupation workers worker work persons person perform
		performs performing use using used provide provides`) {
		cipStopWords[w] = true
	}
}

// cipSuffixes are cut by cipStem, the first that leaves four letters.
var cipSuffixes = []string{"ations", "ation", "ments", "ment", "ists", "ist", "ies", "ing", "ers", "er",
	"ions", "ion", "ics", "ic", "al", "es", "s", "e", "y"}

// cipStem cuts one suffix and then a final e, keeping at least four
// letters: technologists, technology and technologist are technolog;
// management and managers are manag.
func cipStem(w string) string {
	for _, s := range cipSuffixes {
		if strings.HasSuffix(w, s) && len(w)-len(s) >= 4 {
			w = w[:len(w)-len(s)]
			break
		}
	}
	if strings.HasSuffix(w, "e") && len(w) > 4 {
		w = w[:len(w)-1]
	}
	return w
}

// cipWords is a text's stems, in order, stop words left out.
func cipWords(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return r < 'a' || r > 'z' }) {
		if len(w) >= 3 && !cipStopWords[w] {
			out = append(out, cipStem(w))
		}
	}
	return out
}

// MatchText is a text the matcher compares: a program's title and
// definition, or an occupation's title and description.
type MatchText struct{ Title, Body string }

func (t MatchText) words() []string {
	title := cipWords(t.Title)
	return slices.Concat(title, title, cipWords(t.Body))
}

// Matcher compares programs with occupations; build it with NewMatcher.
type Matcher struct {
	n       int
	df      map[string]int // texts holding a stem
	titleDF map[string]int // occupation titles holding a stem
}

// NewMatcher learns word frequencies from every occupation and program text.
func NewMatcher(occupations, programs []MatchText) *Matcher {
	m := &Matcher{df: map[string]int{}, titleDF: map[string]int{}}
	for _, t := range slices.Concat(occupations, programs) {
		m.n++
		for _, w := range distinct(t.words()) {
			m.df[w]++
		}
	}
	for _, o := range occupations {
		for _, w := range distinct(cipWords(o.Title)) {
			m.titleDF[w]++
		}
	}
	return m
}

func distinct(ws []string) []string {
	out := slices.Clone(ws)
	slices.Sort(out)
	return slices.Compact(out)
}

// vector is a text's unit TF-IDF vector.
func (m *Matcher) vector(t MatchText) map[string]float64 {
	tf := map[string]int{}
	for _, w := range t.words() {
		tf[w]++
	}
	v := map[string]float64{}
	var norm float64
	for _, w := range slices.Sorted(maps.Keys(tf)) {
		df := max(m.df[w], 1) // a word of a text the matcher did not learn
		x := (1 + math.Log(float64(tf[w]))) * math.Log(float64(max(m.n, df))/float64(df))
		v[w] = x
		norm += x * x
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for w := range v {
			v[w] /= norm
		}
	}
	return v
}

// Cosine is the TF-IDF cosine of two texts.
func (m *Matcher) Cosine(a, b MatchText) float64 {
	va, vb := m.vector(a), m.vector(b)
	var dot float64
	for _, w := range slices.Sorted(maps.Keys(va)) {
		dot += va[w] * vb[w]
	}
	return dot
}

// SharedTitleWords is the specific stems of the occupation's title that the
// program's title holds, or that hold or are held by one of its stems.
func (m *Matcher) SharedTitleWords(program, occupation MatchText) []string {
	var out []string
	pt := distinct(cipWords(program.Title))
	for _, w := range distinct(cipWords(occupation.Title)) {
		if m.titleDF[w] > CIPMatchTitleWords {
			continue
		}
		for _, x := range pt {
			// A part of a word counts from five letters: neurodiagnost in
			// electroneurodiagnost, not art in cartograph.
			if w == x || len(w) >= 5 && strings.Contains(x, w) ||
				len(x) >= 5 && strings.Contains(w, x) && m.titleDF[x] <= CIPMatchTitleWords {
				out = append(out, w)
				break
			}
		}
	}
	return out
}

// Match says whether the program leads to the occupation, by the rules
// above.
func (m *Matcher) Match(program, occupation MatchText) bool {
	return len(m.SharedTitleWords(program, occupation)) > 0 && m.Cosine(program, occupation) >= CIPMatchThreshold
}

// The skills test, for a program whose words cannot tell the detailed
// occupations of a split code apart (no program's title names Urologists
// or Patient Representatives). The crosswalk maps most such programs to
// other, unsplit codes too (Respiratory Care Therapy to 29-1126
// Respiratory Therapists as well as to 29-2099): those occupations say
// what the program teaches. The program fits a detailed occupation when
// the mean profile of its other occupations is close to the occupation's:
// the cosine of the two importance vectors, each less the mean over every
// occupation with a profile (a skill a profile does not list counting as
// importance 1, the scale's floor). Centred, Reading Comprehension and the
// other skills every occupation needs weigh nothing; Medicine and Dentistry
// weighs for a physician, Customer and Personal Service for a patient
// representative.

// CIPSkillsThreshold is the least centred cosine of a skills match, chosen
// by reading the matches on O*NET 29.3: Medicine fits Urologists at 0.87,
// Human Resources Management fits Equal Opportunity Officers at 0.77;
// Cardiopulmonary Technology fits Ophthalmic Medical Technologists at only
// 0.68, Environmental Law Enforcement Coroners at 0.72.
const CIPSkillsThreshold = 0.75

// Profile is an occupation's skills and knowledge areas: importance by id.
type Profile map[string]float64

// ProfileMatcher compares profiles against the mean of them all; build it
// with NewProfileMatcher.
type ProfileMatcher struct {
	ids  []string           // every skill any profile lists, sorted
	mean map[string]float64 // its mean importance
}

// NewProfileMatcher learns the mean importance of each skill over the
// profiles; empty ones are left out.
func NewProfileMatcher(profiles []Profile) *ProfileMatcher {
	listed := map[string]bool{}
	var ps []Profile
	for _, p := range profiles {
		if len(p) > 0 {
			ps = append(ps, p)
			for id := range p {
				listed[id] = true
			}
		}
	}
	m := &ProfileMatcher{ids: slices.Sorted(maps.Keys(listed)), mean: map[string]float64{}}
	for _, id := range m.ids {
		var sum float64
		for _, p := range ps {
			sum += p.importance(id)
		}
		m.mean[id] = sum / float64(len(ps))
	}
	return m
}

func (p Profile) importance(id string) float64 {
	if v, ok := p[id]; ok {
		return v
	}
	return cipAbsentImportance
}

// Closeness is the centred cosine of the mean of others' profiles and the
// occupation's; 0 when either is empty or at the mean.
func (m *ProfileMatcher) Closeness(others []Profile, occupation Profile) float64 {
	var ps []Profile
	for _, p := range others {
		if len(p) > 0 {
			ps = append(ps, p)
		}
	}
	if len(ps) == 0 || len(occupation) == 0 {
		return 0
	}
	var dot, na, nb float64
	for _, id := range m.ids {
		var a float64
		for _, p := range ps {
			a += p.importance(id)
		}
		a = a/float64(len(ps)) - m.mean[id]
		b := occupation.importance(id) - m.mean[id]
		dot += a * b
		na += a * a
		nb += b * b
	}
	// At the mean up to rounding: no direction to compare.
	if na < 1e-12 || nb < 1e-12 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}
