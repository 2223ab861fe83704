package pathway

import (
	"fmt"
	"slices"
	"strings"
)

// Interests: the RIASEC (Holland) profile of a role or a person, six scores
// in the order Realistic, Investigative, Artistic, Social, Enterprising,
// Conventional, each from 1 (low) to 7 (high) on O*NET's occupational
// interest scale. Two occupations with alike profiles attract alike people,
// and a student's profile from an interest profiler says which roles will
// suit her.

// RIASEC is the order of the six interests, by their initials.
const RIASEC = "RIASEC"

// Interest scores run from MinInterest to MaxInterest.
const (
	MinInterest = 1.0
	MaxInterest = 7.0
)

// ValidateInterests checks six scores from MinInterest to MaxInterest;
// nil (unknown) passes.
func ValidateInterests(name string, v []float64) error {
	if v == nil {
		return nil
	}
	if len(v) != len(RIASEC) {
		return fieldErr(name, "%s must be six scores (R, I, A, S, E, C), got %d", name, len(v))
	}
	for i, x := range v {
		if !(x >= MinInterest && x <= MaxInterest) {
			return fieldErr(name, "%s: the %c score must be from %g to %g, got %v", name, RIASEC[i], MinInterest, MaxInterest, x)
		}
	}
	return nil
}

// InterestsFromCode turns a Holland code of one to three distinct RIASEC
// letters ("SIA": Social first, then Investigative, then Artistic), as an
// interest profiler gives it, into scores: the code's letters 7, 6 and 5 in
// its order, the others 2. Only the profile's shape matters to the match.
func InterestsFromCode(code string) ([]float64, error) {
	c := strings.ToUpper(strings.TrimSpace(code))
	if len(c) < 1 || len(c) > 3 {
		return nil, fmt.Errorf("the interest code %q must be one to three of the letters R, I, A, S, E, C: %w", code, ErrInvalid)
	}
	scores := []float64{2, 2, 2, 2, 2, 2}
	for i, r := range c {
		j := strings.IndexRune(RIASEC, r)
		if j < 0 || strings.IndexRune(c[:i], r) >= 0 {
			return nil, fmt.Errorf("the interest code %q must be one to three distinct letters of R, I, A, S, E, C: %w", code, ErrInvalid)
		}
		scores[j] = 7 - float64(i)
	}
	return scores, nil
}

// HollandCode is the three letters of the highest scores, highest first
// (ties in RIASEC order).
func HollandCode(scores []float64) string {
	if len(scores) != len(RIASEC) {
		return ""
	}
	idx := []int{0, 1, 2, 3, 4, 5}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case scores[a] > scores[b]:
			return -1
		case scores[a] < scores[b]:
			return 1
		}
		return 0
	})
	return string([]byte{RIASEC[idx[0]], RIASEC[idx[1]], RIASEC[idx[2]]})
}

// InterestMatch is how well two interest profiles agree, 0 to 1: the
// correlation of their scores as (1 + r) / 2, so 0.5 when it says nothing;
// ok is false when either is unknown.
func InterestMatch(a, b []float64) (match float64, ok bool) {
	if len(a) != len(RIASEC) || len(b) != len(RIASEC) {
		return 0, false
	}
	return (1 + correlation(a, b)) / 2, true
}
