// CASE reads a 1EdTech CASE (Competencies and Academic Standards Exchange)
// framework in CFPackage JSON: {"CFDocument": {...}, "CFItems": [...],
// "CFAssociations": [...], "CFDefinitions": {...}}, as CASE servers such as
// OpenSALT export it.
//
// # Items
//
// Every CFItem becomes a skill:
//
//   - id: "case:" + its identifier (a UUID in CASE), which must make a valid
//     id. Two items with one identifier are refused.
//   - name: its fullStatement verbatim (CASE requires one; an item without
//     it is refused).
//   - category: its CFItemType (or the title of its CFItemTypeURI).
//   - source: "case:" + the CFDocument's title (its identifier when it has
//     no title); sourceCode: the item's CASE identifier.
//   - description: humanCodingScheme and abbreviatedStatement joined by
//     ": ", then " — " and the item's notes; absent when all three are.
//
// CASE identifiers are global, so an item that appears in two frameworks is
// one skill, whichever framework is imported last naming its source.
//
// # Associations
//
// An association's ends are read from originNodeURI and destinationNodeURI
// (their identifier, or the last segment of their uri).
//
//   - isChildOf: PART_OF from the child (origin) to the parent
//     (destination). An isChildOf whose destination is the CFDocument itself
//     only says the item is at the framework's top: it is not an edge (the
//     framework is not a skill), and one note counts them.
//   - isPartOf: PART_OF from origin to destination (the same relation,
//     spelt as a part rather than a child).
//   - precedes: PRECEDES from origin to destination.
//   - exactMatchOf: SAME_AS from origin to destination.
//   - Any other type (isRelatedTo, isPeerOf, replacedBy, exemplar,
//     hasSkillLevel, ...) has no Lattice relation: a note lists them.
//   - An association with an end that is not an item of the package (an
//     item of another framework, say), or that relates an item to itself, is
//     not imported: a note lists it. Nothing is dropped silently.
//   - An association without a type, an origin or a destination is refused.
//
// A package with no CFItems (an external framework whose items live
// elsewhere, say) is refused: it has nothing to import. Skills come out
// sorted by id, relations by kind, from and to. Errors give the line where
// the offending value starts and its JSON path ("CFItems[3].identifier").

package imports

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/lattice-pathways/lattice/cypher"
	"github.com/lattice-pathways/lattice/pathway"
)

// caseNodeRef is a CASE link to a node: a document, an item or a type.
type caseNodeRef struct {
	Title      string `json:"title"`
	Identifier string `json:"identifier"`
	URI        string `json:"uri"`
}

// id is the identifier the link names: its identifier, or its uri's last
// path segment.
func (r *caseNodeRef) id() string {
	if r == nil {
		return ""
	}
	if s := strings.TrimSpace(r.Identifier); s != "" {
		return s
	}
	return lastSegment(r.URI)
}

type casePackage struct {
	CFDocument *struct {
		Identifier string `json:"identifier"`
		URI        string `json:"uri"`
		Title      string `json:"title"`
	} `json:"CFDocument"`
	CFItems []struct {
		Identifier           string       `json:"identifier"`
		URI                  string       `json:"uri"`
		FullStatement        string       `json:"fullStatement"`
		HumanCodingScheme    string       `json:"humanCodingScheme"`
		AbbreviatedStatement string       `json:"abbreviatedStatement"`
		Notes                string       `json:"notes"`
		CFItemType           string       `json:"CFItemType"`
		CFItemTypeURI        *caseNodeRef `json:"CFItemTypeURI"`
	} `json:"CFItems"`
	CFAssociations []struct {
		Identifier         string       `json:"identifier"`
		AssociationType    string       `json:"associationType"`
		OriginNodeURI      *caseNodeRef `json:"originNodeURI"`
		DestinationNodeURI *caseNodeRef `json:"destinationNodeURI"`
	} `json:"CFAssociations"`
}

// caseRelations maps CASE association types to skill relations.
var caseRelations = map[string]cypher.SkillRelation{
	"isChildOf":    cypher.PartOf,
	"isPartOf":     cypher.PartOf,
	"precedes":     cypher.Precedes,
	"exactMatchOf": cypher.SameAs,
}

// CASE reads a CASE CFPackage (see the file comment).
func CASE(path string) (*Import, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		return nil, errorf(path, 1, "", "not a CASE CFPackage: the file is not a JSON object")
	}
	var pkg casePackage
	if err := json.Unmarshal(data, &pkg); err != nil {
		return nil, jsonDecodeError(path, data, err)
	}
	fail := func(p jsonPath, format string, args ...any) error {
		return errorf(path, jsonLine(data, p), p.String(), format, args...)
	}
	if pkg.CFDocument == nil {
		return nil, errorf(path, 1, "CFDocument", "not a CASE CFPackage: it has no CFDocument%s", otherFormatHint(data))
	}
	doc := pkg.CFDocument
	docID := strings.TrimSpace(doc.Identifier)
	if docID == "" {
		docID = lastSegment(doc.URI)
	}
	if docID == "" {
		return nil, fail(jsonPath{"CFDocument", "identifier"}, "the CFDocument has no identifier")
	}
	if len(pkg.CFItems) == 0 {
		return nil, fail(jsonPath{"CFItems"}, "the framework %q has no CFItems: nothing to import (an external framework whose items are published elsewhere?)", cmp.Or(doc.Title, docID))
	}
	source := "case:" + cmp.Or(strings.TrimSpace(doc.Title), docID)
	g := &cypher.Graph{}
	items := map[string]int{}
	for i, it := range pkg.CFItems {
		p := jsonPath{"CFItems", i}
		ident := strings.TrimSpace(it.Identifier)
		if ident == "" {
			ident = lastSegment(it.URI)
		}
		if ident == "" {
			return nil, fail(p.Add("identifier"), "the item has no identifier")
		}
		id := "case:" + ident
		if err := pathway.ValidateID("CASE item id", id); err != nil {
			return nil, fail(p.Add("identifier"), "%s", trimInvalid(err))
		}
		if j, dup := items[ident]; dup {
			return nil, fail(p.Add("identifier"), "item %s is already CFItems[%d]", ident, j)
		}
		items[ident] = i
		if strings.TrimSpace(it.FullStatement) == "" {
			return nil, fail(p.Add("fullStatement"), "item %s has no fullStatement", ident)
		}
		s := cypher.GraphSkill{ID: id, Name: it.FullStatement, Source: &source, SourceCode: &ident}
		if c := cmp.Or(strings.TrimSpace(it.CFItemType), strings.TrimSpace(titleOf(it.CFItemTypeURI))); c != "" {
			s.Category = &c
		}
		head := joinNonEmpty(": ", strings.TrimSpace(it.HumanCodingScheme), strings.TrimSpace(it.AbbreviatedStatement))
		if d := joinNonEmpty(" — ", head, strings.TrimSpace(it.Notes)); d != "" {
			s.Description = &d
		}
		g.Skills = append(g.Skills, s)
	}
	var notes noteGroups
	seen := map[cypher.GraphSkillRelation]bool{}
	roots := 0
	for i, a := range pkg.CFAssociations {
		p := jsonPath{"CFAssociations", i}
		typ := strings.TrimSpace(a.AssociationType)
		if typ == "" {
			return nil, fail(p.Add("associationType"), "the association has no associationType")
		}
		from, to := a.OriginNodeURI.id(), a.DestinationNodeURI.id()
		if from == "" {
			return nil, fail(p.Add("originNodeURI"), "the association has no origin")
		}
		if to == "" {
			return nil, fail(p.Add("destinationNodeURI"), "the association has no destination")
		}
		name := cmp.Or(strings.TrimSpace(a.Identifier), fmt.Sprintf("CFAssociations[%d]", i))
		kind, ok := caseRelations[typ]
		_, fromItem := items[from]
		_, toItem := items[to]
		switch {
		case !ok:
			notes.add(fmt.Sprintf("%s associations not imported (Lattice has no such skill relation)", typ), name)
		case typ == "isChildOf" && to == docID && fromItem:
			roots++
		case !fromItem || !toItem:
			var out []string
			if !fromItem {
				out = append(out, "origin "+from)
			}
			if !toItem {
				out = append(out, "destination "+to)
			}
			notes.add(fmt.Sprintf("%s associations not imported (an end is not an item of this package)", typ), name+" ("+strings.Join(out, ", ")+")")
		case from == to:
			notes.add(fmt.Sprintf("%s associations not imported (an item related to itself)", typ), name)
		default:
			rel := cypher.GraphSkillRelation{From: "case:" + from, To: "case:" + to, Kind: kind}
			if !seen[rel] {
				seen[rel] = true
				g.SkillRelations = append(g.SkillRelations, rel)
			}
		}
	}
	sort.Slice(g.Skills, func(i, j int) bool { return g.Skills[i].ID < g.Skills[j].ID })
	sort.Slice(g.SkillRelations, func(i, j int) bool {
		a, b := g.SkillRelations[i], g.SkillRelations[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.From != b.From {
			return a.From < b.From
		}
		return a.To < b.To
	})
	var out []string
	if roots > 0 {
		out = append(out, fmt.Sprintf("isChildOf associations to the framework itself (%d): they mark top-level items, not edges", roots))
	}
	out = append(out, notes.list()...)
	if err := g.Validate(); err != nil {
		return nil, errorf(path, 0, "", "%v", trimInvalid(err))
	}
	return &Import{Format: "case", Graph: g, Notes: out, Source: source}, nil
}

// titleOf is a link's title, "" for none.
func titleOf(r *caseNodeRef) string {
	if r == nil {
		return ""
	}
	return r.Title
}

// otherFormatHint says which other format a JSON file looks like, for a
// refusal's message.
func otherFormatHint(data []byte) string {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return ""
	}
	if _, ok := top["@context"]; ok {
		if bytes.Contains(top["@context"], []byte("credreg.net")) || bytes.Contains(data, []byte(`"ceterms:`)) {
			return " (it looks like CTDL JSON-LD: import it as ctdl)"
		}
		return " (it looks like JSON-LD, perhaps an Open Badges credential: give it as a profile's record)"
	}
	if _, ok := top["credentials"]; ok {
		return " (it looks like a credential catalog: import it as credentials)"
	}
	return ""
}

// lastSegment is the last non-empty path segment of a URI, without a
// trailing ".json" or a query.
func lastSegment(uri string) string {
	uri = strings.TrimSpace(uri)
	if i := strings.IndexAny(uri, "?#"); i >= 0 {
		uri = uri[:i]
	}
	uri = strings.TrimRight(uri, "/")
	if i := strings.LastIndex(uri, "/"); i >= 0 {
		uri = uri[i+1:]
	}
	return strings.TrimSuffix(uri, ".json")
}

// joinNonEmpty joins the non-empty vs with sep.
func joinNonEmpty(sep string, vs ...string) string {
	var out []string
	for _, v := range vs {
		if v != "" {
			out = append(out, v)
		}
	}
	return strings.Join(out, sep)
}

// noteGroups gathers notes by reason, so that a thousand associations to
// another framework make one note, not a thousand.
type noteGroups struct {
	reasons []string
	items   map[string][]string
}

func (n *noteGroups) add(reason, item string) {
	if n.items == nil {
		n.items = map[string][]string{}
	}
	if _, ok := n.items[reason]; !ok {
		n.reasons = append(n.reasons, reason)
	}
	n.items[reason] = append(n.items[reason], item)
}

// list is one note per reason, in the order reasons came: the reason, the
// count and the first ten items.
func (n *noteGroups) list() []string {
	var out []string
	for _, r := range n.reasons {
		items := n.items[r]
		shown := items[:min(len(items), 10)]
		s := fmt.Sprintf("%s (%d): %s", r, len(items), strings.Join(shown, "; "))
		if len(items) > len(shown) {
			s += fmt.Sprintf("; and %d more", len(items)-len(shown))
		}
		out = append(out, s)
	}
	return out
}
