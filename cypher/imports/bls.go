// BLS reads the U.S. Bureau of Labor Statistics' wages and projections into
// occupation data for the roles already in the graph.
//
// # Files
//
// The folder holds the files as BLS publishes them, or their CSV conversions
// (the same tables without the title and footnote rows); a published xlsx is
// read when present, else its CSVs:
//
//	OEWS national estimates   national_M<year>_dl.xlsx (first sheet) or national_M<year>_dl.csv
//	Employment Projections    occupation.xlsx, sheets "Table 1.2" and "Table 1.10",
//	                          or occupation_table1.2.csv and occupation_table1.10.csv
//
// Columns are found by header name, in the first row that has them (the
// projections' sheets have a title row above the header); rows whose code
// cell is empty (footnotes) are skipped.
//
//	field            file and column                                               kept from
//	wageMin          OEWS A_PCT10 (annual 10th percentile)                          O_GROUP "detailed" rows
//	wageMedian       OEWS A_MEDIAN
//	wageMax          OEWS A_PCT90 (annual 90th percentile)
//	employment       OEWS TOT_EMP
//	projectedGrowth  1.2 "Employment change, percent, 2024–34"                      Occupation type "Line item" rows
//	vacancies        1.2 "Occupational openings, 2024–34 annual average" (thousands, x1000, rounded)
//	entryEducation   1.2 "Typical education needed for entry" (BLS's words)
//	entryTraining    1.2 "Typical on-the-job training needed to attain competency ..."
//	turnoverRate     1.10 "Total occupational separations rate, 2024–34 annual average" (percent)
//
// Headers are matched ignoring case and runs of spaces, first exactly, then
// as part of one header (so the years in the projections' headers may
// change: "2024 National Employment Matrix code"); a needed column that is
// missing is refused, naming the file and the column.
//
// # Values
//
// Numbers may carry thousands separators. In OEWS, `#` marks a wage at or
// above the top code, $239,200 a year: it is stored as 239200, the lowest
// value it can be, so wage ranges stay ordered and "at least" reads true (a
// note counts the occupations). `*` and `**` (not available) and, in the
// projections, `—` leave the field unset: a role keeps what it had. Any
// other malformed number is refused, naming the file, the row and the column.
//
// # Occupations and aggregates
//
// Each SOC code applies to every role whose occupationCode starts with it:
// 29-1141 to O*NET's 29-1141.00 and its detailed 29-1141.01 and up, and to
// the sample roles that carry an O*NET-SOC code. A few detailed rows are
// aggregates of several SOC codes, which BLS estimates together; their code
// ends in 0 (13-1020 Buyers and Purchasing Agents covers 13-1021, 13-1022
// and 13-1023). An aggregate applies to the roles under it, the code without
// its final 0 as the prefix (13-102), but only to those no row of their own
// covers: the store gives each role the row of the longest code it starts
// with. OEWS and the projections are merged by code; a code in only one of
// them gets that one's fields.
//
// O*NET-SOC 2019 divides five SOC 2018 codes into codes of its own (21-1018
// into 21-1011 and 21-1014, say; see onetSplits): those take the data of the
// code they divide. O*NET's military occupations (55-xxxx) have no BLS data.

package imports

import (
	"encoding/csv"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// OEWSTopCode is the annual wage OEWS May 2024 marks with `#`: estimates at
// or above it are not published.
const OEWSTopCode = 239200

// blsCode is a SOC 2018 detailed code as BLS writes it.
var blsCode = regexp.MustCompile(`^[0-9]{2}-[0-9]{4}$`)

// BLS reads the OEWS and Employment Projections files in dir (see the
// package's BLS documentation above) into occupation data, sorted by code.
// The import's Graph is nil: the data goes on roles already in the graph,
// through cypher.Store.SetOccupationData.
func BLS(dir string) (*Import, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, errorf(dir, 0, "", "not a folder: lattice import bls takes the folder of the BLS files")
	}
	occ := map[string]*pathway.RoleFields{}
	fields := func(code string) *pathway.RoleFields {
		f, ok := occ[code]
		if !ok {
			f = &pathway.RoleFields{}
			occ[code] = f
		}
		return f
	}
	topCoded, err := readOEWS(dir, fields)
	if err != nil {
		return nil, err
	}
	if err := readProjections(dir, fields); err != nil {
		return nil, err
	}
	var split []string
	for code, subs := range onetSplits {
		f, ok := occ[code]
		if !ok {
			continue
		}
		for _, sub := range subs {
			if _, own := occ[sub]; !own {
				occ[sub] = f
				split = append(split, sub)
			}
		}
	}
	imp := &Import{}
	var aggregates []string
	for _, code := range slices.Sorted(maps.Keys(occ)) {
		soc := code
		if strings.HasSuffix(code, "0") {
			aggregates = append(aggregates, code)
			soc = strings.TrimSuffix(code, "0")
		}
		imp.Occupations = append(imp.Occupations, cypher.OccupationData{SOC: soc, Fields: *occ[code]})
	}
	if topCoded > 0 {
		imp.Notes = append(imp.Notes, fmt.Sprintf("%d occupations have wages at or above the OEWS top code ($%d a year), stored as %d",
			topCoded, OEWSTopCode, OEWSTopCode))
	}
	if len(aggregates) > 0 {
		imp.Notes = append(imp.Notes, fmt.Sprintf("%d BLS codes are aggregates (%s): each applies to the roles under it that no code of their own covers",
			len(aggregates), strings.Join(aggregates, ", ")))
	}
	if len(split) > 0 {
		slices.Sort(split)
		imp.Notes = append(imp.Notes, fmt.Sprintf("%d O*NET-SOC 2019 codes that divide a SOC 2018 code take its data (%s)",
			len(split), strings.Join(split, ", ")))
	}
	return imp, nil
}

// onetSplits are the SOC 2018 codes that the O*NET-SOC 2019 taxonomy divides
// into codes of its own, which do not start with them: each of those takes
// the data of the code it divides (BLS estimates only the whole).
var onetSplits = map[string][]string{
	"21-1018": {"21-1011", "21-1014"},                       // substance abuse, behavioral disorder and mental health counselors
	"25-2052": {"25-2055", "25-2056"},                       // special education teachers, kindergarten and elementary
	"25-9045": {"25-9042", "25-9043", "25-9049"},            // teaching assistants, except postsecondary
	"51-2028": {"51-2022", "51-2023"},                       // electrical, electronic and electromechanical assemblers
	"53-1047": {"53-1042", "53-1043", "53-1044", "53-1049"}, // first-line supervisors of transportation and material moving workers
}

// readOEWS reads the national OEWS estimates' detailed occupations: wages
// and employment. Returns how many occupations have a top-coded wage.
func readOEWS(dir string, fields func(string) *pathway.RoleFields) (topCoded int, err error) {
	path, err := pickFile(dir, "national_M*_dl.xlsx", "national_M*_dl.csv")
	if err != nil {
		return 0, err
	}
	if path == "" {
		return 0, errorf(dir, 0, "", "no OEWS national estimates (national_M2024_dl.xlsx or .csv)")
	}
	t, err := readTable(path, "", "OCC_CODE", "O_GROUP", "TOT_EMP", "A_PCT10", "A_MEDIAN", "A_PCT90")
	if err != nil {
		return 0, err
	}
	seen := map[string]bool{}
	for i, row := range t.rows {
		code, group := t.cell(row, 0), t.cell(row, 1)
		if code == "" || !strings.EqualFold(group, "detailed") {
			continue
		}
		line := t.first + i
		if err := t.checkCode(line, 0, code, seen); err != nil {
			return 0, err
		}
		f := fields(code)
		top := false
		for _, w := range []struct {
			col int
			dst **float64
		}{{3, &f.WageMin}, {4, &f.WageMedian}, {5, &f.WageMax}} {
			cell := t.cell(row, w.col)
			if cell == "#" {
				v := float64(OEWSTopCode)
				*w.dst, top = &v, true
				continue
			}
			if *w.dst, err = t.number(line, w.col, cell); err != nil {
				return 0, err
			}
		}
		if top {
			topCoded++
		}
		emp, err := t.number(line, 2, t.cell(row, 2))
		if err != nil {
			return 0, err
		}
		f.Employment = whole(emp, 1)
	}
	return topCoded, nil
}

// readProjections reads the Employment Projections' line items: Table 1.2
// (growth, openings, entry education and training) and Table 1.10
// (separations).
func readProjections(dir string, fields func(string) *pathway.RoleFields) error {
	const code, kind = "National Employment Matrix code", "Occupation type"
	var t12, t110 *table
	book, err := pickFile(dir, "occupation.xlsx")
	if err != nil {
		return err
	}
	cols12 := []string{code, kind, "Employment change, percent", "Occupational openings",
		"Typical education needed for entry", "Typical on-the-job training"}
	cols110 := []string{code, kind, "Total occupational separations rate"}
	if book != "" {
		if t12, err = readTable(book, "Table 1.2", cols12...); err != nil {
			return err
		}
		if t110, err = readTable(book, "Table 1.10", cols110...); err != nil {
			return err
		}
	} else {
		for _, c := range []struct {
			name string
			dst  **table
			cols []string
		}{{"occupation_table1.2.csv", &t12, cols12}, {"occupation_table1.10.csv", &t110, cols110}} {
			path := filepath.Join(dir, c.name)
			if _, err := os.Stat(path); err != nil {
				return errorf(dir, 0, "", "no Employment Projections (occupation.xlsx, or occupation_table1.2.csv and occupation_table1.10.csv): %s is missing", c.name)
			}
			if *c.dst, err = readTable(path, "", c.cols...); err != nil {
				return err
			}
		}
	}
	seen := map[string]bool{}
	err = t12.lineItems(seen, func(line int, row []string, f *pathway.RoleFields) error {
		growth, err := t12.number(line, 2, t12.cell(row, 2))
		if err != nil {
			return err
		}
		openings, err := t12.number(line, 3, t12.cell(row, 3))
		if err != nil {
			return err
		}
		f.ProjectedGrowth, f.Vacancies = growth, whole(openings, 1000)
		f.EntryEducation, f.EntryTraining = text(t12.cell(row, 4)), text(t12.cell(row, 5))
		return nil
	}, fields)
	if err != nil {
		return err
	}
	seen = map[string]bool{}
	return t110.lineItems(seen, func(line int, row []string, f *pathway.RoleFields) error {
		rate, err := t110.number(line, 2, t110.cell(row, 2))
		f.TurnoverRate = rate
		return err
	}, fields)
}

// lineItems calls fn on each line item (a detailed occupation, not a
// summary of several) of a projections table.
func (t *table) lineItems(seen map[string]bool, fn func(line int, row []string, f *pathway.RoleFields) error, fields func(string) *pathway.RoleFields) error {
	for i, row := range t.rows {
		code := t.cell(row, 0)
		if code == "" || !strings.EqualFold(t.cell(row, 1), "Line item") {
			continue
		}
		line := t.first + i
		if err := t.checkCode(line, 0, code, seen); err != nil {
			return err
		}
		if err := fn(line, row, fields(code)); err != nil {
			return err
		}
	}
	return nil
}

// pickFile is the first of the patterns that matches a file in dir: "" when
// none does, an error when one matches several.
func pickFile(dir string, patterns ...string) (string, error) {
	for _, p := range patterns {
		m, err := filepath.Glob(filepath.Join(dir, p))
		if err != nil {
			return "", err
		}
		switch len(m) {
		case 0:
			continue
		case 1:
			return m[0], nil
		}
		return "", errorf(dir, 0, "", "%d files match %s (%s): keep one release", len(m), p, strings.Join(m, ", "))
	}
	return "", nil
}

// table is a sheet of a workbook or a CSV file, cut to the columns asked for.
type table struct {
	name  string     // the file, and the sheet of a workbook, for errors
	cols  []string   // the headers asked for, as asked
	index []int      // each one's column
	rows  [][]string // the rows below the header
	first int        // the 1-based row number of rows[0]
}

// headerSearch bounds how far down a header row is looked for.
const headerSearch = 20

// readTable reads the sheet of an xlsx workbook (the first when sheet is
// "") or a CSV file, finds the header row, the first with the first of cols,
// and maps each of cols to its column. A missing column is refused, naming
// the file and the column.
func readTable(path, sheet string, cols ...string) (*table, error) {
	t := &table{name: path, cols: cols}
	var rows [][]string
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		f, err := excelize.OpenFile(path)
		if err != nil {
			return nil, errorf(path, 0, "", "not a readable xlsx workbook: %v", err)
		}
		defer f.Close()
		if sheet == "" {
			sheet = f.GetSheetName(0)
		} else if idx, err := f.GetSheetIndex(sheet); err != nil || idx < 0 {
			return nil, errorf(path, 0, "", "no sheet %q", sheet)
		}
		t.name = fmt.Sprintf("%s (%s)", path, sheet)
		// Raw values: the numbers as stored, not as formatted for display.
		if rows, err = f.GetRows(sheet, excelize.Options{RawCellValue: true}); err != nil {
			return nil, errorf(t.name, 0, "", "%v", err)
		}
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		if rows, err = r.ReadAll(); err != nil {
			return nil, errorf(path, 0, "", "not a readable CSV file: %v", err)
		}
		if len(rows) > 0 && len(rows[0]) > 0 {
			rows[0][0] = strings.TrimPrefix(rows[0][0], "\ufeff")
		}
	}
	header := -1
	for i := 0; i < len(rows) && i < headerSearch && header < 0; i++ {
		if find(rows[i], cols[0]) >= 0 {
			header = i
		}
	}
	if header < 0 {
		return nil, errorf(t.name, 0, cols[0], "no such column (no header row has it in the first %d rows)", headerSearch)
	}
	for _, c := range cols {
		i := find(rows[header], c)
		switch i {
		case -1:
			return nil, errorf(t.name, header+1, c, "no such column")
		case -2:
			return nil, errorf(t.name, header+1, c, "several columns have this name")
		}
		t.index = append(t.index, i)
	}
	t.rows, t.first = rows[header+1:], header+2
	return t, nil
}

// find is the column of the header named name, ignoring case and runs of
// spaces: one equal to it, else the one that contains it. -1: none; -2:
// several contain it.
func find(header []string, name string) int {
	name = normal(name)
	found := -1
	for i, h := range header {
		if normal(h) == name {
			return i
		}
	}
	for i, h := range header {
		if strings.Contains(normal(h), name) {
			if found >= 0 {
				return -2
			}
			found = i
		}
	}
	return found
}

func normal(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// cell is the trimmed cell of the c-th column asked for ("" past the row's
// end: workbooks drop trailing empty cells).
func (t *table) cell(row []string, c int) string {
	if i := t.index[c]; i < len(row) {
		return strings.TrimSpace(row[i])
	}
	return ""
}

// checkCode refuses a code that is not a detailed SOC code or that a table
// gives twice.
func (t *table) checkCode(line, c int, code string, seen map[string]bool) error {
	if !blsCode.MatchString(code) {
		return errorf(t.name, line, t.cols[c], "%q is not a SOC code such as 29-1141", code)
	}
	if seen[code] {
		return errorf(t.name, line, t.cols[c], "%s appears twice", code)
	}
	seen[code] = true
	return nil
}

// missing are the marks BLS writes for a value that is not available: `*`
// and `**` in OEWS, an em dash in the projections.
var missing = []string{"", "*", "**", "—", "-"}

// number reads a number with optional thousands separators; nil when not
// available.
func (t *table) number(line, c int, cell string) (*float64, error) {
	if slices.Contains(missing, cell) {
		return nil, nil
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(cell, ",", ""), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return nil, errorf(t.name, line, t.cols[c], "malformed number %q", cell)
	}
	return &v, nil
}

// whole is v times scale, rounded to a whole number (BLS gives openings in
// thousands with one decimal).
func whole(v *float64, scale float64) *int {
	if v == nil {
		return nil
	}
	n := int(math.Round(*v * scale))
	return &n
}

// text is a text cell, nil when not available.
func text(cell string) *string {
	if slices.Contains(missing, cell) {
		return nil
	}
	return &cell
}
