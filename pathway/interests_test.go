package pathway

import (
	"errors"
	"testing"
)

func TestInterestsFromCode(t *testing.T) {
	sia, err := InterestsFromCode("sia")
	if err != nil {
		t.Fatal(err)
	}
	if HollandCode(sia) != "SIA" {
		t.Errorf("SIA -> %v -> %s", sia, HollandCode(sia))
	}
	for _, bad := range []string{"", "SIAR", "SSA", "SXA"} {
		if _, err := InterestsFromCode(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("%q: err %v, want ErrInvalid", bad, err)
		}
	}
	nurse := []float64{2.2, 4.5, 1.9, 6.1, 2.7, 3.1}  // S, I, C
	welder := []float64{6.8, 2.4, 1.5, 1.4, 2.0, 3.4} // R, C, I
	sir, _ := InterestsFromCode("SIR")
	toNurse, _ := InterestMatch(sir, nurse)
	toWelder, _ := InterestMatch(sir, welder)
	if toNurse <= toWelder {
		t.Errorf("SIR matches the nurse %v, the welder %v", toNurse, toWelder)
	}
	if _, ok := InterestMatch(sir, nil); ok {
		t.Error("a match with unknown interests")
	}
}

func TestValidateInterests(t *testing.T) {
	for name, v := range map[string][]float64{"five": {1, 2, 3, 4, 5}, "zero": {0, 1, 1, 1, 1, 1}, "eight": {8, 1, 1, 1, 1, 1}} {
		if ValidateInterests("interests", v) == nil {
			t.Errorf("%s: accepted %v", name, v)
		}
	}
	if err := ValidateInterests("interests", []float64{1, 7, 3.5, 2, 1, 1}); err != nil {
		t.Error(err)
	}
}
