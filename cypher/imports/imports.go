// Package imports reads the formats Lattice imports (O*NET, ESCO, role
// tables, credential catalogs, CASE frameworks, CTDL credentials, CIP
// programs) into a cypher.Graph that the store writes in one transaction, and
// BLS's wages and projections into data for the roles already there. It
// reads files, and what the CIP rules need of the graph through a
// GraphReader it is handed: nothing here opens a connection to Neo4j.
//
// Imported nodes take ids from their source's codes behind a prefix, and keep
// their names verbatim, so one source never merges into another or into the
// sample graph:
//
//	onet:15-1232.00           an O*NET occupation
//	onet:2.A.1.a              an O*NET skill or knowledge element
//	onet:tech:<slug>          an O*NET technology (its example name, slugged)
//	esco:occupation/<uuid>    an ESCO occupation
//	esco:skill/<uuid>         an ESCO skill, knowledge concept or skill group
//	esco:isced-f/<code>       an ESCO education-field group (ISCED-F)
//	case:<identifier>         a CASE item
//	ctdl:<ctid>               a CTDL credential, program or course
//	cip:<code>:<award>        a CIP program at an award level (cip:51.3801:associate)
//
// Role tables and credential catalogs carry their own ids.
package imports

import (
	"fmt"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// Error is a refusal that names where the bad input is.
type Error struct {
	File  string
	Line  int    // 1-based; 0 when the error is about the whole file
	Field string // the column or JSON field; empty when not about one
	Msg   string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Field != "":
		return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Field, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	case e.Field != "":
		return fmt.Sprintf("%s: %s: %s", e.File, e.Field, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Unwrap makes every Error a pathway.ErrInvalid, so the API reports it as
// BAD_USER_INPUT.
func (e *Error) Unwrap() error { return pathway.ErrInvalid }

// errorf makes an Error.
func errorf(file string, line int, field, format string, args ...any) error {
	return &Error{File: file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// StandardLevels is the education ladder every import that names education
// levels includes: the sample graph's ids, names and ranks, so writing it
// again changes nothing.
func StandardLevels() ([]cypher.GraphEducationLevel, error) {
	g, err := cypher.Sample()
	if err != nil {
		return nil, err
	}
	return g.EducationLevels, nil
}

// Import is what reading a source gives: the graph to write, and notes on
// what was left out and why (a reference to an item outside the file, say),
// so nothing is dropped silently.
type Import struct {
	Format string
	Graph  *cypher.Graph
	// Occupations is data for the roles already in the graph, by SOC code
	// (BLS's wages and projections), written by Store.SetOccupationData; an
	// import has it or a Graph, not both.
	Occupations []cypher.OccupationData
	Notes       []string
	// Source is set by the formats that read a whole release of one source
	// (onet, esco, cip, case:<framework>), as every node of Graph carries it:
	// such an import may prune what the source no longer has
	// (cypher.Prune). Empty for the formats that read part of a source (a
	// CTDL document, a role table, a catalog) or data onto other nodes (bls).
	Source string
	// Partial names the files of the release the read left out whose nodes
	// or edges the import writes (O*NET's Technology Skills, say): pruning
	// would then delete what the release still has, so it is refused.
	Partial []string
}
