package imports

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/lattice-pathways/lattice/pathway"
)

func TestLERProfile(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		want       pathway.Profile
		notes      []string
	}{
		{
			name: "CLR of a course and a degree", file: "clr.json",
			want: pathway.Profile{
				Skills:           []pathway.HeldSkill{{SkillID: "case:10000000-0000-4000-8000-000000000003", Level: 5}},
				CredentialIDs:    []string{"ctdl:ce-c0000000-0000-4000-8000-000000000001"},
				EducationLevelID: "associate",
			},
			notes: []string{"credentialSubject.verifiableCredential[2] is a JWT-secured credential: not read (give its decoded payload)"},
		},
		{
			name: "results place skills on the scale", file: "results.json",
			want: pathway.Profile{Skills: []pathway.HeldSkill{
				{SkillID: "case:10000000-0000-4000-8000-000000000002", Level: 3},    // C of F-A
				{SkillID: "case:net-101", Level: 4},                                 // the whole achievement: Proficient
				{SkillID: "ctdl:ce-d0000000-0000-4000-8000-000000000001", Level: 5}, // 95 percent
			}},
			notes: []string{
				`a result of "Network Practicum" is not held (below the required level)`,
				`a result of "Network Practicum" is not held (status Failed)`,
				`an alignment of "Network Practicum" is not used (CFRubric): https://example.edu/rubrics/practicum`,
				`an alignment of "Network Practicum" is not used (ceterms:Certificate): https://example.edu/certificates/practicum`,
			},
		},
		{
			name: "presentation of two badges", file: "presentation.json",
			want: pathway.Profile{
				Skills:           []pathway.HeldSkill{{SkillID: "ctdl:ce-d0000000-0000-4000-8000-000000000002", Level: 3}},
				EducationLevelID: "master",
			},
			notes: []string{`"Master of Science" has no alignments: it names no skill or credential Lattice can know`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "ler", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			got, notes, err := LERProfile(data, tc.file)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("profile %+v\nwant    %+v", got, tc.want)
			}
			if !reflect.DeepEqual(notes, tc.notes) {
				t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(tc.notes, "\n"))
			}
		})
	}
}

func TestLERProfileErrors(t *testing.T) {
	for _, tc := range []struct {
		file  string
		line  int
		field string
		msg   string
	}{
		{"endorsement.json", 3, "type", "type is VerifiableCredential, EndorsementCredential"},
		{"no_achievement.json", 3, "credentialSubject.achievement", "the credential subject has no achievement"},
		{"no_subject.json", 1, "credentialSubject", "the credential has no credentialSubject"},
		{"result_type.json", 6, "credentialSubject.result", "a JSON string cannot be a []imports.lerResult"},
		{"clr_nested.json", 9, "credentialSubject.verifiableCredential[1].credentialSubject.achievement", "no achievement"},
		{"syntax.json", 4, "", "not valid JSON"},
		{"jwt.txt", 1, "", "a JWT-secured credential"},
		{"array.json", 1, "", "not a JSON object"},
		{"untyped.json", 1, "type", "it has no type"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "ler", "bad", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = LERProfile(data, tc.file)
			wantError(t, err, tc.file, tc.line, tc.field, tc.msg)
		})
	}
	t.Run("empty", func(t *testing.T) {
		_, _, err := LERProfile([]byte("  \n"), "records[0]")
		wantError(t, err, "records[0]", 0, "", "empty")
	})
}

func TestLERLevels(t *testing.T) {
	for _, tc := range []struct {
		i, n, want int
	}{{0, 4, 1}, {1, 4, 2}, {2, 4, 4}, {3, 4, 5}, {0, 1, 3}, {0, 2, 1}, {1, 2, 5}, {2, 5, 3}} {
		if got := spread(tc.i, tc.n); got != tc.want {
			t.Errorf("spread(%d, %d) = %d, want %d", tc.i, tc.n, got, tc.want)
		}
	}
	for word, want := range map[string]int{"Mastered": 5, "Proficient": 4, "Meets Expectations": 3, "basic": 2, "Level 1": 1} {
		if got := lerWords[letters(word)]; got != want {
			t.Errorf("%q is level %d, want %d", word, got, want)
		}
	}
}

// TestLERSharedData reads every Open Badges example of the shared data.
func TestLERSharedData(t *testing.T) {
	dir := sharedData(t, filepath.Join("ctdl", "ob3"))
	type outcome struct {
		skills []pathway.HeldSkill
		creds  []string
		notes  []string
	}
	want := map[string]outcome{
		"achievementAlignmentCase_0.json": {skills: []pathway.HeldSkill{{SkillID: "case:74f5bb7d-d7cc-11e8-824f-0242ac160002", Level: 3}}},
		"achievementAlignmentCe_0.json":   {creds: []string{"ctdl:ce-cf4dee18-7cea-443a-b920-158a0762c6bf"}},
		"basicOpenBadgeCredential_0.json": {notes: []string{`"Teamwork" has no alignments: it names no skill or credential Lattice can know`}},
		"fullOpenBadge_0.json": {
			// The degree's own CFItem at 3; its final project at 5 (an A
			// of D-A, and the Mastery rubric level).
			skills: []pathway.HeldSkill{{SkillID: "case:degree", Level: 3}, {SkillID: "case:project", Level: 5}},
			creds:  []string{"ctdl:ce-98cb027b-95ef-4494-908d-6f7790ec6b6b"},
			notes: []string{
				`"1EdTech University Degree" is a degree of no stated level: no education level set`,
				`an alignment of "1EdTech University Degree (rubric level Mastery)" is not used (CFRubricCriterionLevel): https://1edtech.edu/catalog/degree/project/rubric/levels/mastered`,
			},
		},
		"skillAssertionCase_0.json": {skills: []pathway.HeldSkill{{SkillID: "case:robot-programming", Level: 3}}},
		"skillAssertionCtdl_0.json": {skills: []pathway.HeldSkill{{SkillID: "ctdl:ce-6369c51f-4d86-4592-a761-8b32ae70a045", Level: 3}}},
	}
	seen := walkJSON(t, dir)
	for _, rel := range seen {
		t.Run(rel, func(t *testing.T) {
			w, ok := want[rel]
			if !ok {
				t.Fatalf("%s is not in the outcome table", rel)
			}
			data, err := os.ReadFile(filepath.Join(dir, rel))
			if err != nil {
				t.Fatal(err)
			}
			p, notes, err := LERProfile(data, rel)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(p.Skills, w.skills) || !reflect.DeepEqual(p.CredentialIDs, w.creds) || p.EducationLevelID != "" || p.RoleID != "" {
				t.Errorf("profile %+v, want skills %+v credentials %v", p, w.skills, w.creds)
			}
			if !reflect.DeepEqual(notes, w.notes) {
				t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(notes, "\n"), strings.Join(w.notes, "\n"))
			}
			for _, s := range p.Skills {
				if err := pathway.ValidateID("skill", s.SkillID); err != nil {
					t.Error(err)
				}
				if err := pathway.ValidateLevel("level", s.Level); err != nil {
					t.Error(err)
				}
			}
		})
	}
	for rel := range want {
		if !slices.Contains(seen, rel) {
			t.Errorf("%s is in the outcome table but not in %s", rel, dir)
		}
	}
}

func FuzzLERProfile(f *testing.F) {
	for _, name := range []string{"clr.json", "results.json", "presentation.json", "bad/clr_nested.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "ler", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _, err := LERProfile(data, "fuzz")
		if err != nil {
			if !errors.Is(err, pathway.ErrInvalid) {
				t.Fatalf("error %v is not ErrInvalid", err)
			}
			return
		}
		for _, s := range p.Skills {
			if pathway.ValidateID("skill", s.SkillID) != nil || pathway.ValidateLevel("level", s.Level) != nil {
				t.Fatalf("bad held skill %+v", s)
			}
		}
		for _, c := range p.CredentialIDs {
			if pathway.ValidateID("credential", c) != nil {
				t.Fatalf("bad credential id %q", c)
			}
		}
	})
}
