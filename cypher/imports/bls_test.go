package imports

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// The BLS fixtures are rows of the May 2024 and 2024-34 releases: a total,
// a major and a minor group, a broad row, detailed rows (registered nurses;
// chief executives and oral surgeons, top-coded; actors, hourly only, `*`),
// the aggregate 13-1020, in OEWS only the counselors 21-1018 that O*NET
// divides, and in the projections only fishers (45-3031).
const blsFixtures = "testdata/bls"

// readCSV reads a fixture CSV.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// writeWorkbook writes sheets of rows as BLS publishes them: numbers as
// numbers, the rest as text, each sheet below its title rows and above its
// footnotes.
func writeWorkbook(t *testing.T, path string, sheets []workSheet) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			t.Fatal(err)
		}
		var all [][]string
		for _, title := range sh.above {
			all = append(all, []string{title})
		}
		all = append(all, sh.rows...)
		for _, note := range sh.below {
			all = append(all, []string{note})
		}
		for r, row := range all {
			for c, v := range row {
				cell, err := excelize.CoordinatesToCellName(c+1, r+1)
				if err != nil {
					t.Fatal(err)
				}
				var val any = v
				if n, err := strconv.ParseFloat(v, 64); err == nil && r >= len(sh.above)+1 {
					val = n
				}
				if err := f.SetCellValue(sh.name, cell, val); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

type workSheet struct {
	name         string
	above, below []string
	rows         [][]string
}

// fixtureWorkbooks writes the fixtures' CSVs as the published workbooks
// into a new folder.
func fixtureWorkbooks(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeWorkbook(t, filepath.Join(dir, "national_M2024_dl.xlsx"), []workSheet{
		{name: "national_M2024_dl", rows: readCSV(t, filepath.Join(blsFixtures, "national_M2024_dl.csv"))},
		{name: "Field Descriptions", rows: [][]string{{"May 2024 OEWS Estimates"}}},
	})
	below := []string{"Footnotes:", "[1] Data are from the Occupational Employment and Wage Statistics program.", "Source: Employment Projections program, U.S. Bureau of Labor Statistics"}
	writeWorkbook(t, filepath.Join(dir, "occupation.xlsx"), []workSheet{
		{name: "Index", rows: [][]string{{"Occupation.xlsx contents"}}},
		{name: "Table 1.2", above: []string{"Table 1.2 Occupational projections, 2024–2034, and worker characteristics, 2024 (Employment in thousands)"},
			rows: readCSV(t, filepath.Join(blsFixtures, "occupation_table1.2.csv")), below: below},
		{name: "Table 1.10", above: []string{"Table 1.10 Occupational separations and openings, projected 2024–34 (Employment in thousands)"},
			rows: readCSV(t, filepath.Join(blsFixtures, "occupation_table1.10.csv")), below: below},
	})
	return dir
}

func num(v float64) *float64 { return &v }
func count(v int) *int       { return &v }
func str(s string) *string   { return &s }

// TestBLSFixtures reads the fixtures from CSV and from workbooks: the same
// occupation data, detailed rows only, `#` stored as the top code, `*` and
// `—` left unset, the aggregate 13-1020 as the prefix 13-102.
func TestBLSFixtures(t *testing.T) {
	// O*NET divides 21-1018 into 21-1011 and 21-1014: they take its data.
	counselors := func(soc string) cypher.OccupationData {
		return cypher.OccupationData{SOC: soc, Fields: pathway.RoleFields{WageMin: num(39090), WageMedian: num(59190), WageMax: num(98210), Employment: count(440380)}}
	}
	want := []cypher.OccupationData{
		{SOC: "11-1011", Fields: pathway.RoleFields{WageMin: num(73710), WageMedian: num(206420), WageMax: num(OEWSTopCode),
			Employment: count(211850), ProjectedGrowth: num(4.3), Vacancies: count(22200), TurnoverRate: num(6.6),
			EntryEducation: str("Bachelor's degree"), EntryTraining: str("None")}},
		{SOC: "13-102", Fields: pathway.RoleFields{WageMin: num(46460), WageMedian: num(75650), WageMax: num(127520),
			Employment: count(486900), ProjectedGrowth: num(5.8), Vacancies: count(52200), TurnoverRate: num(9.2),
			EntryEducation: str("Bachelor's degree"), EntryTraining: str("Moderate-term on-the-job training")}},
		counselors("21-1011"), counselors("21-1014"), counselors("21-1018"),
		{SOC: "27-2011", Fields: pathway.RoleFields{Employment: count(38800), ProjectedGrowth: num(0.3), Vacancies: count(6300),
			TurnoverRate: num(11), EntryEducation: str("Some college, no degree"), EntryTraining: str("Long-term on-the-job training")}},
		{SOC: "29-1022", Fields: pathway.RoleFields{WageMin: num(82960), WageMedian: num(OEWSTopCode), WageMax: num(OEWSTopCode),
			Employment: count(5330), ProjectedGrowth: num(4.1), Vacancies: count(200), TurnoverRate: num(2.6),
			EntryEducation: str("Doctoral or professional degree"), EntryTraining: str("Internship/residency")}},
		{SOC: "29-1141", Fields: pathway.RoleFields{WageMin: num(66030), WageMedian: num(93600), WageMax: num(135320),
			Employment: count(3282010), ProjectedGrowth: num(4.9), Vacancies: count(189100), TurnoverRate: num(5),
			EntryEducation: str("Bachelor's degree"), EntryTraining: str("None")}},
		{SOC: "45-3031", Fields: pathway.RoleFields{ProjectedGrowth: num(-4.6), Vacancies: count(2800), TurnoverRate: num(13.6),
			EntryEducation: str("No formal educational credential"), EntryTraining: str("Moderate-term on-the-job training")}},
	}
	for _, tc := range []struct{ name, dir string }{
		{"csv", blsFixtures},
		{"xlsx", fixtureWorkbooks(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			imp, err := Read("bls", tc.dir)
			if err != nil {
				t.Fatal(err)
			}
			if imp.Graph != nil {
				t.Errorf("bls made a graph; its data goes on the roles already there")
			}
			if !reflect.DeepEqual(imp.Occupations, want) {
				t.Errorf("occupations:\n%s\nwant:\n%s", show(imp.Occupations), show(want))
			}
			wantNotes := []string{
				"2 occupations have wages at or above the OEWS top code ($239200 a year), stored as 239200",
				"1 BLS codes are aggregates (13-1020): each applies to the roles under it that no code of their own covers",
				"2 O*NET-SOC 2019 codes that divide a SOC 2018 code take its data (21-1011, 21-1014)",
			}
			if !reflect.DeepEqual(imp.Notes, wantNotes) {
				t.Errorf("notes %q, want %q", imp.Notes, wantNotes)
			}
		})
	}
}

// show prints occupation data with its pointers followed.
func show(occ []cypher.OccupationData) string {
	var b strings.Builder
	for _, o := range occ {
		fmt.Fprintf(&b, "%s:", o.SOC)
		v := reflect.ValueOf(o.Fields)
		for i := range v.NumField() {
			if f := v.Field(i); !f.IsNil() {
				fmt.Fprintf(&b, " %s=%v", v.Type().Field(i).Name, f.Elem().Interface())
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// copyFixtures copies the CSV fixtures into a new folder, with edit applied
// to the one named.
func copyFixtures(t *testing.T, name string, edit func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"national_M2024_dl.csv", "occupation_table1.2.csv", "occupation_table1.10.csv"} {
		b, err := os.ReadFile(filepath.Join(blsFixtures, f))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if f == name {
			s = edit(s)
		}
		if err := os.WriteFile(filepath.Join(dir, f), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBLSRefuses refuses files without a needed column, with a malformed
// number or a code twice, naming the file, the row and the column, and a
// folder without the files.
func TestBLSRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		file string
		edit func(string) string
		want string
	}{
		{"no median column", "national_M2024_dl.csv", func(s string) string { return strings.Replace(s, "A_MEDIAN", "A_MIDDLE", 1) },
			"national_M2024_dl.csv:1: A_MEDIAN: no such column"},
		{"no code column", "occupation_table1.10.csv", func(s string) string {
			return strings.Replace(s, "National Employment Matrix code", "Matrix code", 1)
		}, "occupation_table1.10.csv: National Employment Matrix code: no such column"},
		{"no separations rate", "occupation_table1.10.csv", func(s string) string {
			return strings.Replace(s, "Total occupational separations rate", "Separations rate", 1)
		}, "occupation_table1.10.csv:1: Total occupational separations rate: no such column"},
		{"malformed wage", "national_M2024_dl.csv", func(s string) string { return strings.Replace(s, ",93600,", ",93.600.0,", 1) },
			"national_M2024_dl.csv:11: A_MEDIAN: malformed number \"93.600.0\""},
		{"malformed openings", "occupation_table1.2.csv", func(s string) string { return strings.Replace(s, ",189.1,", ",n/a,", 1) },
			"occupation_table1.2.csv:7: Occupational openings: malformed number \"n/a\""},
		{"a code twice", "occupation_table1.10.csv", func(s string) string {
			return s + "Registered nurses,29-1141,Line item,3391,3557.1,166.1,4.9,2.8,2.1,5,97.9,74.6,172.4,189.1\n"
		}, "occupation_table1.10.csv:9: National Employment Matrix code: 29-1141 appears twice"},
		{"not a SOC code", "national_M2024_dl.csv", func(s string) string { return strings.Replace(s, ",29-1141,", ",29-114,", 1) },
			"national_M2024_dl.csv:11: OCC_CODE: \"29-114\" is not a SOC code"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyFixtures(t, tc.file, tc.edit)
			_, err := BLS(dir)
			if !errors.Is(err, pathway.ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %q, want it to say %q", err, tc.want)
			}
		})
	}
	t.Run("missing table", func(t *testing.T) {
		dir := copyFixtures(t, "", nil)
		if err := os.Remove(filepath.Join(dir, "occupation_table1.10.csv")); err != nil {
			t.Fatal(err)
		}
		if _, err := BLS(dir); err == nil || !strings.Contains(err.Error(), "occupation_table1.10.csv is missing") {
			t.Errorf("err = %v, want the missing file named", err)
		}
	})
	t.Run("missing sheet", func(t *testing.T) {
		dir := t.TempDir()
		writeWorkbook(t, filepath.Join(dir, "occupation.xlsx"), []workSheet{{name: "Table 1.2", rows: [][]string{{"x"}}}})
		writeWorkbook(t, filepath.Join(dir, "national_M2024_dl.xlsx"), []workSheet{
			{name: "national_M2024_dl", rows: readCSV(t, filepath.Join(blsFixtures, "national_M2024_dl.csv"))}})
		if _, err := BLS(dir); err == nil || !strings.Contains(err.Error(), "occupation.xlsx (Table 1.2): National Employment Matrix code: no such column") {
			t.Errorf("err = %v, want the sheet's missing column named", err)
		}
	})
}

// TestBLSRelease reads the published May 2024 and 2024-34 files, the
// workbooks and then their CSV conversions: the same data, registered nurses
// with the figures of the release.
func TestBLSRelease(t *testing.T) {
	dir := sharedData(t, "bls")
	split := func(ext string) string {
		d := t.TempDir()
		files, err := filepath.Glob(filepath.Join(dir, "*."+ext))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if err := os.Symlink(must(filepath.Abs(f)), filepath.Join(d, filepath.Base(f))); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}
	fromXLSX, err := BLS(split("xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	fromCSV, err := BLS(split("csv"))
	if err != nil {
		t.Fatal(err)
	}
	both, err := BLS(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromXLSX.Occupations, fromCSV.Occupations) {
		x, c := show(fromXLSX.Occupations), show(fromCSV.Occupations)
		xl, cl := strings.Split(x, "\n"), strings.Split(c, "\n")
		for i := range min(len(xl), len(cl)) {
			if xl[i] != cl[i] {
				t.Errorf("first difference:\nxlsx %s\ncsv  %s", xl[i], cl[i])
				break
			}
		}
		t.Fatalf("the workbooks and the CSVs differ (%d and %d occupations)", len(xl), len(cl))
	}
	if !reflect.DeepEqual(both.Occupations, fromXLSX.Occupations) {
		t.Errorf("with both formats present the data differs from the workbooks'")
	}
	if n := len(fromXLSX.Occupations); n != 845 {
		t.Errorf("%d occupations, want 845 (831 OEWS detailed rows, one projections-only line item, 13 O*NET codes that divide a SOC code)", n)
	}
	var rn *pathway.RoleFields
	for _, o := range fromXLSX.Occupations {
		if o.SOC == "29-1141" {
			rn = &o.Fields
		}
	}
	if rn == nil {
		t.Fatal("no registered nurses (29-1141)")
	}
	want := pathway.RoleFields{WageMin: num(66030), WageMedian: num(93600), WageMax: num(135320),
		Employment: count(3282010), ProjectedGrowth: num(4.9), Vacancies: count(189100), TurnoverRate: num(5),
		EntryEducation: str("Bachelor's degree"), EntryTraining: str("None")}
	if !reflect.DeepEqual(*rn, want) {
		t.Errorf("registered nurses:\n%s\nwant\n%s", show([]cypher.OccupationData{{SOC: "29-1141", Fields: *rn}}),
			show([]cypher.OccupationData{{SOC: "29-1141", Fields: want}}))
	}
	t.Logf("notes: %q", fromXLSX.Notes)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
