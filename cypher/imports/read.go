package imports

import (
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
	"bls":         BLS,
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
