package imports

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/lattice-pathways/lattice/pathway"
)

// readers maps each format's name, as `lattice import` spells it, to its reader.
var readers = map[string]func(path string) (*Import, error){
	"onet":        ONET,
	"esco":        ESCO,
	"roles":       Roles,
	"credentials": Credentials,
	"case":        CASE,
	"ctdl":        CTDL,
	"cip":         CIP,
	"bls":         BLS,
}

// wholeReleases are the formats that read a whole release of one source,
// so an import of them may prune what the source no longer has; the others
// read part of a source (a CTDL document, a role table, a catalog) or data
// onto other nodes (bls), and pruning by them would delete the rest.
var wholeReleases = map[string]bool{"onet": true, "esco": true, "cip": true, "case": true}

// Prunes tells whether an import of the format may prune (see Import.Source).
func Prunes(format string) bool { return wholeReleases[format] }

// PruneFormats lists the formats that may prune, sorted.
func PruneFormats() []string { return slices.Sorted(maps.Keys(wholeReleases)) }

// graphReaders are the formats whose rules read the graph too.
var graphReaders = map[string]func(ctx context.Context, path string, g GraphReader) (*Import, error){
	"cip": CIPFrom,
}

// Formats lists the formats Read takes, sorted.
func Formats() []string {
	return slices.Sorted(maps.Keys(readers))
}

// Read reads the file or folder at path in the named format.
func Read(format, path string) (*Import, error) {
	read, ok := readers[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (one of %s): %w", format, strings.Join(Formats(), ", "), pathway.ErrInvalid)
	}
	imp, err := read(path)
	if err != nil {
		return nil, err
	}
	imp.Format = format
	return imp, nil
}

// ReadFrom is Read for a format whose rules depend on what the graph holds
// (cip derives award levels and skills from the O*NET occupations), reading
// it through g; other formats read the file alone.
func ReadFrom(ctx context.Context, format, path string, g GraphReader) (*Import, error) {
	read, ok := graphReaders[format]
	if !ok {
		return Read(format, path)
	}
	imp, err := read(ctx, path, g)
	if err != nil {
		return nil, err
	}
	imp.Format = format
	return imp, nil
}
