package imports

import (
	"testing"

	"github.com/lattice-pathways/lattice/cypher/cyphertest"
)

// sharedData is a folder of ../shared/data (cyphertest.SharedData).
func sharedData(t testing.TB, sub string) string { return cyphertest.SharedData(t, sub) }
