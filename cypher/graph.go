package cypher

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"

	"github.com/lattice-pathways/lattice/pathway"
)

// batchSize bounds the rows one statement carries.
const batchSize = 2000

// Graph is a set of nodes with their edges, written in one transaction: the
// sample graph, or one import. Its JSON form is the sample file's format
// (see sample/README.md).
type Graph struct {
	EducationLevels []GraphEducationLevel `json:"educationLevels"`
	Skills          []GraphSkill          `json:"skills"`
	Credentials     []GraphCredential     `json:"credentials"`
	Roles           []GraphRole           `json:"roles"`
	SkillRelations  []GraphSkillRelation  `json:"skillRelations,omitempty"`
	RoleRelations   []GraphRoleRelation   `json:"roleRelations,omitempty"`
	Crosswalks      []GraphCrosswalk      `json:"crosswalks,omitempty"`
}

// GraphCrosswalk is a SAME_AS edge between skills of two sources (the
// sample's and O*NET's, say). Unlike the other edges it is written only
// where both skills exist, in the graph or the database, and skipped
// otherwise, so that the edges appear whichever source is imported first.
type GraphCrosswalk struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// GraphRoleRelation places a role under a broader one in an occupation
// hierarchy: (:Role)-[:PART_OF]->(:Role), as ESCO's occupation pillar does.
type GraphRoleRelation struct {
	From string `json:"from"` // the narrower role
	To   string `json:"to"`   // the broader role
}

// GraphSkillRelation is an edge between two skills.
type GraphSkillRelation struct {
	From string        `json:"from"`
	To   string        `json:"to"`
	Kind SkillRelation `json:"kind"` // PART_OF, PRECEDES or SAME_AS
}

// GraphEducationLevel is an education level. Levels form a ladder by rank:
// each stacks into the next.
type GraphEducationLevel struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Rank int    `json:"rank"`
}

// GraphSkill is a skill.
type GraphSkill struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	Category      *string  `json:"category,omitempty"`
	Type          *string  `json:"type,omitempty"`
	HalfLifeYears *float64 `json:"halfLifeYears,omitempty"`
	Description   *string  `json:"description,omitempty"`
	// Source names where an imported skill comes from (onet, esco, case:<framework>);
	// SourceCode is its code there (an O*NET element id, an ESCO URI, a CASE identifier).
	Source     *string `json:"source,omitempty"`
	SourceCode *string `json:"sourceCode,omitempty"`
	// ReuseLevel is ESCO's reach of a skill: transversal, cross-sector, sector-specific or occupation-specific.
	ReuseLevel *string `json:"reuseLevel,omitempty"`
}

// GraphCredential is a credential with what it certifies, the level it
// confers, its prerequisite groups and what it stacks into.
type GraphCredential struct {
	ID                 string   `json:"id"`
	Name               string   `json:"name"`
	Kind               string   `json:"kind"`
	Issuer             *string  `json:"issuer,omitempty"`
	Cost               *float64 `json:"cost,omitempty"`
	CohortCost         *float64 `json:"cohortCost,omitempty"`
	Hours              *float64 `json:"hours,omitempty"`
	Weeks              *float64 `json:"weeks,omitempty"`
	IndustryRecognized *bool    `json:"industryRecognized,omitempty"`
	CTID               *string  `json:"ctid,omitempty"`
	Field              *string  `json:"field,omitempty"`
	Estimated          *bool    `json:"estimated,omitempty"`
	// PreparesFor names the roles it prepares for by id; Occupations by SOC
	// 2018 code (29-1141) or O*NET-SOC code (29-2099.01), connecting it to
	// every role whose occupation code starts with one whenever either is
	// imported (see connect_occupations).
	PreparesFor []string `json:"preparesFor,omitempty"`
	Occupations []string `json:"occupations,omitempty"`
	// FieldFor names occupations by code, as Occupations does, whose
	// education requirement a degree of the credential's field meets though
	// it does not prepare for them: a nursing degree for nursing instructors
	// (see connect_fields).
	FieldFor []string `json:"fieldFor,omitempty"`
	// Namesakes are those of Occupations its name is made for (Pharmacy:
	// Pharmacists, not the managers the crosswalk also lists): a program
	// counts as dedicated to their roles (pathway's field.go).
	Namesakes     []string          `json:"namesakes,omitempty"`
	Source        *string           `json:"source,omitempty"`
	Description   *string           `json:"description,omitempty"`
	Certifies     []GraphSkillLevel `json:"certifies,omitempty"`
	Confers       string            `json:"confers,omitempty"`
	Prerequisites [][]string        `json:"prerequisites,omitempty"`
	StacksInto    []GraphStack      `json:"stacksInto,omitempty"`
}

// GraphSkillLevel is a skill at a proficiency level.
type GraphSkillLevel struct {
	Skill string `json:"skill"`
	Level int    `json:"level"`
}

// GraphStack is a stacking edge to a higher credential.
type GraphStack struct {
	Credential  string  `json:"credential"`
	CreditHours float64 `json:"creditHours"`
	CreditCost  float64 `json:"creditCost"`
}

// GraphRole is a role with its skills profile and requirements. Its own
// properties are a pathway.Role's, under the same JSON names.
type GraphRole struct {
	pathway.Role
	// DegreeShare is the share of incumbents (0 to 1) with an associate degree or more, where known.
	DegreeShare *float64         `json:"degreeShare,omitempty"`
	Source      *string          `json:"source,omitempty"`
	Education   string           `json:"education,omitempty"`
	Credentials []string         `json:"credentials,omitempty"`
	Skills      []GraphRoleSkill `json:"skills,omitempty"`
}

// GraphRoleSkill is a skill of a role's profile.
type GraphRoleSkill struct {
	Skill      string   `json:"skill"`
	Level      int      `json:"level"`
	Importance *float64 `json:"importance,omitempty"`
	Required   bool     `json:"required"`
	// Hot and InDemand are O*NET's flags on an occupation's technologies.
	Hot      *bool `json:"hot,omitempty"`
	InDemand *bool `json:"inDemand,omitempty"`
}

// props puts the set fields of a node into a property map.
func props(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		switch v := kv[i+1].(type) {
		case *string:
			if v != nil {
				m[kv[i].(string)] = *v
			}
		case *float64:
			if v != nil {
				m[kv[i].(string)] = *v
			}
		case *int:
			if v != nil {
				m[kv[i].(string)] = int64(*v)
			}
		case *bool:
			if v != nil {
				m[kv[i].(string)] = *v
			}
		case []float64:
			if v != nil {
				m[kv[i].(string)] = v
			}
		case string:
			m[kv[i].(string)] = v
		case int:
			m[kv[i].(string)] = int64(v)
		case float64:
			m[kv[i].(string)] = v
		case bool:
			m[kv[i].(string)] = v
		default:
			panic(fmt.Sprintf("cypher: props: unsupported %T for %v", v, kv[i]))
		}
	}
	return m
}

// with adds the set fields of kv to the property map p.
func with(p map[string]any, kv ...any) map[string]any {
	maps.Copy(p, props(kv...))
	return p
}

// The pathway form of the graph's nodes, for their one validator and one
// property map.

func (l GraphEducationLevel) level() pathway.EducationLevel {
	return pathway.EducationLevel{ID: l.ID, Name: l.Name, Rank: l.Rank}
}

func (s GraphSkill) skill() pathway.Skill {
	return pathway.Skill{ID: s.ID, Name: s.Name, Category: s.Category, Type: s.Type, HalfLifeYears: s.HalfLifeYears, Description: s.Description}
}

func (c GraphCredential) credential() pathway.Credential {
	return pathway.Credential{ID: c.ID, Name: c.Name, Kind: c.Kind, Issuer: c.Issuer, Cost: c.Cost, CohortCost: c.CohortCost,
		Hours: c.Hours, Weeks: c.Weeks, IndustryRecognized: c.IndustryRecognized, CTID: c.CTID, Field: c.Field, Estimated: c.Estimated}
}

func nodeRow(id string, p map[string]any) map[string]any {
	return map[string]any{"id": id, "props": p}
}

// edgeRow is one edge as the merge statements take it: the ids of its ends
// and every property it has (no nulls, so that equal edges compare equal).
func edgeRow(from, to string, kv ...any) map[string]any {
	return map[string]any{"from": from, "to": to, "props": props(kv...)}
}

// graphRows is a Graph as statement rows, by statement name, in write order.
type graphRows struct {
	name string
	rows []map[string]any
	kind string // what a row is, for reports and errors
}

func (g *Graph) rows() []graphRows {
	var edu, skills, creds, roles, roleSkills, roleCreds, roleEdu, certs, confers, prereqs, prereqSets, stacks, eduStacks, prepares []map[string]any
	relations := map[SkillRelation][]map[string]any{}
	levels := append([]GraphEducationLevel(nil), g.EducationLevels...)
	sort.Slice(levels, func(i, j int) bool { return levels[i].Rank < levels[j].Rank })
	for i, l := range levels {
		edu = append(edu, nodeRow(l.ID, with(educationProps(l.level().Fields()), "id", l.ID)))
		if i > 0 && levels[i-1].Rank < l.Rank {
			eduStacks = append(eduStacks, edgeRow(levels[i-1].ID, l.ID))
		}
	}
	for _, s := range g.Skills {
		skills = append(skills, nodeRow(s.ID, with(skillProps(s.skill().Fields()), "id", s.ID,
			"source", s.Source, "sourceCode", s.SourceCode, "reuseLevel", s.ReuseLevel)))
	}
	for _, c := range g.Credentials {
		cp := with(credentialProps(c.credential().Fields()), "id", c.ID, "source", c.Source, "description", c.Description)
		if len(c.Occupations) > 0 {
			cp["occupations"] = slices.Sorted(slices.Values(c.Occupations))
		}
		if len(c.FieldFor) > 0 {
			cp["fieldFor"] = slices.Sorted(slices.Values(c.FieldFor))
		}
		if len(c.Namesakes) > 0 {
			cp["namesakes"] = slices.Sorted(slices.Values(c.Namesakes))
		}
		creds = append(creds, nodeRow(c.ID, cp))
		for _, r := range c.PreparesFor {
			prepares = append(prepares, edgeRow(c.ID, r))
		}
		for _, cs := range c.Certifies {
			certs = append(certs, edgeRow(c.ID, cs.Skill, "level", cs.Level))
		}
		if c.Confers != "" {
			confers = append(confers, edgeRow(c.ID, c.Confers))
		}
		if len(c.Prerequisites) > 0 {
			prereqSets = append(prereqSets, map[string]any{"from": c.ID, "to": slices.Concat(c.Prerequisites...)})
		}
		for i, group := range c.Prerequisites {
			for _, target := range group {
				prereqs = append(prereqs, edgeRow(c.ID, target, "group", fmt.Sprintf("g%d", i+1)))
			}
		}
		for _, st := range c.StacksInto {
			stacks = append(stacks, edgeRow(c.ID, st.Credential, "creditHours", st.CreditHours, "creditCost", st.CreditCost))
		}
	}
	for _, r := range g.Roles {
		roles = append(roles, nodeRow(r.ID, with(roleProps(r.Fields()), "id", r.ID,
			"degreeShare", r.DegreeShare, "source", r.Source)))
		for _, rs := range r.Skills {
			roleSkills = append(roleSkills, edgeRow(r.ID, rs.Skill, "level", rs.Level, "importance", rs.Importance,
				"required", rs.Required, "hot", rs.Hot, "inDemand", rs.InDemand))
		}
		for _, c := range r.Credentials {
			roleCreds = append(roleCreds, edgeRow(r.ID, c))
		}
		if r.Education != "" {
			roleEdu = append(roleEdu, edgeRow(r.ID, r.Education))
		}
	}
	for _, rel := range g.SkillRelations {
		relations[rel.Kind] = append(relations[rel.Kind], edgeRow(rel.From, rel.To))
	}
	var roleParts, crosswalks []map[string]any
	for _, rel := range g.RoleRelations {
		roleParts = append(roleParts, edgeRow(rel.From, rel.To))
	}
	for _, x := range g.Crosswalks {
		crosswalks = append(crosswalks, edgeRow(x.From, x.To))
	}
	return []graphRows{
		{"merge_education_levels", edu, "education level"},
		{"merge_skills", skills, "skill"},
		{"merge_credentials", creds, "credential"},
		{"merge_roles", roles, "role"},
		{"merge_education_stackings", eduStacks, "education stacking"},
		{"merge_role_skills", roleSkills, "role skill (role, skill)"},
		{"merge_role_credentials", roleCreds, "role credential (role, credential)"},
		{"set_role_education", roleEdu, "role education (role, level)"},
		{"merge_certifications", certs, "certification (credential, skill)"},
		{"merge_conferrals", confers, "conferral (credential, level)"},
		{"forget_prerequisites", prereqSets, "prerequisites no longer named (credential)"},
		{"merge_prerequisites", prereqs, "prerequisite (credential, target)"},
		{"merge_stackings", stacks, "stacking (from, to)"},
		{"merge_skill_part_of", relations[PartOf], "skill part of (skill, broader skill)"},
		{"merge_skill_precedes", relations[Precedes], "skill precedes (skill, later skill)"},
		{"merge_skill_same_as", relations[SameAs], "skill same as (skill, skill)"},
		{"merge_role_part_of", roleParts, "role part of (role, broader role)"},
		{"merge_preparations", prepares, "preparation (credential, role)"},
		{"merge_crosswalks", crosswalks, "crosswalk (skill, skill)"},
	}
}

// socCode is a SOC 2018 occupation code, what the CIP-SOC crosswalk names,
// or an O*NET-SOC code, one of the detailed occupations O*NET splits some
// SOC codes into.
var socCode = regexp.MustCompile(`^[0-9]{2}-[0-9]{4}(\.[0-9]{2})?$`)

// Validate checks a graph before anything is written: ids unique by kind,
// and every node and edge by pathway's validators, the same rules the
// mutations keep. References are checked by the write itself, against the
// database.
func (g *Graph) Validate() error {
	seen := map[string]string{}
	// node checks what the validators do not: a name, and an id once per kind.
	node := func(kind, id, name string) error {
		if err := pathway.ValidateID(kind+" id", id); err != nil {
			return err
		}
		if name == "" {
			return fmt.Errorf("%s %q has no name: %w", kind, id, pathway.ErrInvalid)
		}
		if other, ok := seen[kind+"\x00"+id]; ok {
			return fmt.Errorf("%s id %q appears twice (%s): %w", kind, id, other, pathway.ErrInvalid)
		}
		seen[kind+"\x00"+id] = name
		return nil
	}
	// of names the node a validator refused.
	of := func(kind, id string, err error) error {
		if err != nil {
			return fmt.Errorf("%s %q: %w", kind, id, err)
		}
		return nil
	}
	for _, l := range g.EducationLevels {
		if err := firstError(node("education level", l.ID, l.Name), of("education level", l.ID, l.level().Validate())); err != nil {
			return err
		}
	}
	for _, s := range g.Skills {
		if err := firstError(node("skill", s.ID, s.Name), of("skill", s.ID, s.skill().Validate())); err != nil {
			return err
		}
	}
	for _, c := range g.Credentials {
		if err := firstError(node("credential", c.ID, c.Name), of("credential", c.ID, c.credential().Validate())); err != nil {
			return err
		}
		for _, cs := range c.Certifies {
			if err := pathway.ValidateLevel(fmt.Sprintf("level of %s certifying %s", c.ID, cs.Skill), cs.Level); err != nil {
				return err
			}
		}
		for _, soc := range slices.Concat(c.Occupations, c.FieldFor, c.Namesakes) {
			if !socCode.MatchString(soc) {
				return fmt.Errorf("credential %q: occupation %q is not a SOC 2018 code such as 29-1141 or an O*NET-SOC code such as 29-1141.01: %w", c.ID, soc, pathway.ErrInvalid)
			}
		}
		for _, r := range c.PreparesFor {
			if err := of("credential", c.ID, pathway.ValidateID("preparesFor", r)); err != nil {
				return err
			}
		}
		for i, group := range c.Prerequisites {
			if len(group) == 0 {
				return fmt.Errorf("prerequisite group %d of %q is empty: %w", i+1, c.ID, pathway.ErrInvalid)
			}
		}
		for _, st := range c.StacksInto {
			err := firstError(pathway.ValidateNonNegative("creditHours", &st.CreditHours), pathway.ValidateNonNegative("creditCost", &st.CreditCost))
			if err := of("stacking of credential", c.ID+" into "+st.Credential, err); err != nil {
				return err
			}
		}
	}
	for _, rel := range g.SkillRelations {
		if rel.Kind != PartOf && rel.Kind != Precedes && rel.Kind != SameAs {
			return fmt.Errorf("skill relation %s -> %s: kind %q is not PART_OF, PRECEDES or SAME_AS: %w", rel.From, rel.To, rel.Kind, pathway.ErrInvalid)
		}
		if rel.From == rel.To {
			return fmt.Errorf("skill relation %s %s itself: %w", rel.From, rel.Kind, pathway.ErrInvalid)
		}
	}
	crosswalks := map[GraphCrosswalk]bool{}
	for _, x := range g.Crosswalks {
		if crosswalks[x] || crosswalks[GraphCrosswalk{From: x.To, To: x.From}] {
			return fmt.Errorf("crosswalk %s - %s appears twice: %w", x.From, x.To, pathway.ErrInvalid)
		}
		crosswalks[x] = true
		if err := firstError(pathway.ValidateID("crosswalk skill id", x.From), pathway.ValidateID("crosswalk skill id", x.To)); err != nil {
			return err
		}
		if x.From == x.To {
			return fmt.Errorf("crosswalk %s to itself: %w", x.From, pathway.ErrInvalid)
		}
	}
	for _, rel := range g.RoleRelations {
		if rel.From == rel.To {
			return fmt.Errorf("role %s is part of itself: %w", rel.From, pathway.ErrInvalid)
		}
	}
	for _, r := range g.Roles {
		if err := firstError(node("role", r.ID, r.Title), of("role", r.ID, r.Validate()),
			of("role", r.ID, pathway.ValidateRange("degreeShare", r.DegreeShare, 0, 1))); err != nil {
			return err
		}
		for _, rs := range r.Skills {
			if err := pathway.ValidateLevel(fmt.Sprintf("level of %s in %s", rs.Skill, r.ID), rs.Level); err != nil {
				return err
			}
			if err := of("role", r.ID, pathway.ValidateImportance(fmt.Sprintf("importance of %s", rs.Skill), rs.Importance)); err != nil {
				return err
			}
		}
	}
	return nil
}

// KindReport counts what a write did to one kind of node or edge.
type KindReport struct {
	Kind                        string
	Created, Updated, Unchanged int
	Deleted                     int // by a pruning import (see Prune)
}

// count adds n rows of the outcome a write statement reports for them:
// created, updated, skipped (a crosswalk whose other end is not loaded yet,
// not counted) or else unchanged.
func (kr *KindReport) count(outcome any, n int) {
	switch outcome {
	case "skipped":
	case "created":
		kr.Created += n
	case "updated":
		kr.Updated += n
	default:
		kr.Unchanged += n
	}
}

// add adds the counts of another report of the same kind.
func (kr *KindReport) add(o KindReport) {
	kr.Created, kr.Updated, kr.Unchanged = kr.Created+o.Created, kr.Updated+o.Updated, kr.Unchanged+o.Unchanged
}

// Report is what a write did, kind by kind, in write order.
type Report struct {
	Kinds []KindReport
	// Pruned tells that the write pruned (see Prune), so Deleted counts.
	Pruned bool
	// DryRun tells that the write was rolled back (see ImportOptions).
	DryRun bool
}

// Totals sums the report over every kind.
func (r Report) Totals() (created, updated, unchanged int) {
	for _, k := range r.Kinds {
		created += k.Created
		updated += k.Updated
		unchanged += k.Unchanged
	}
	return
}

// Progress is told how far a write has got: rows of the kind written so far,
// of total rows of every kind.
type Progress func(kind string, done, total int)

// WriteGraph validates g and writes it in one transaction, creating or
// updating its nodes and edges, then re-derives the overlaps. An edge whose
// end is neither in g nor in the database fails the whole write, and nothing
// of it stays.
func (s *Store) WriteGraph(ctx context.Context, g *Graph) (err error) {
	defer wrap(&err, "cypher.WriteGraph")
	_, err = s.ImportGraph(ctx, g, nil)
	return err
}

// ImportGraph is WriteGraph with a report of what it created, updated and
// left unchanged, and progress reports as it goes (progress may be nil).
// Writing the same graph again reports everything unchanged.
func (s *Store) ImportGraph(ctx context.Context, g *Graph, progress Progress) (rep Report, err error) {
	defer wrap(&err, "cypher.ImportGraph")
	return s.importGraph(ctx, g, progress, ImportOptions{})
}

// Import is ImportGraph with options: pruning what the source no longer
// has, and a dry run (see ImportOptions).
func (s *Store) Import(ctx context.Context, g *Graph, progress Progress, opt ImportOptions) (rep Report, err error) {
	defer wrap(&err, "cypher.Import")
	return s.importGraph(ctx, g, progress, opt)
}

func (s *Store) importGraph(ctx context.Context, g *Graph, progress Progress, opt ImportOptions) (rep Report, err error) {
	if err := g.Validate(); err != nil {
		return rep, err
	}
	if opt.Prune != nil {
		if err := opt.Prune.check(g); err != nil {
			return rep, err
		}
	}
	err = s.write(ctx, func(t tx) error {
		before := 0
		if opt.Prune != nil {
			var err error
			if before, err = t.sourceNodes(ctx, opt.Prune.Source); err != nil {
				return err
			}
		}
		var err error // the driver may retry the transaction: rep starts over
		rep, err = writeBatches(g, progress, func(step graphRows, _ int, batch []map[string]any, kr *KindReport) error {
			return t.writeRows(ctx, step, batch, kr)
		})
		if err != nil {
			return err
		}
		if opt.Prune != nil {
			if err := t.prune(ctx, g, *opt.Prune, before, &rep); err != nil {
				return err
			}
		}
		if err := t.connectOccupations(ctx); err != nil {
			return err
		}
		if err := t.refreshOverlaps(ctx); err != nil {
			return err
		}
		if opt.DryRun {
			return errDryRun // everything done and counted: roll it back
		}
		return nil
	})
	if opt.DryRun && errors.Is(err, errDryRun) {
		rep.DryRun = true
		return rep, nil
	}
	return rep, err
}

// writeBatches walks g's rows in write order, batchSize at a time, calling
// write for each batch with the report of its kind, and tells progress after
// each; it returns the report of every kind written to.
func writeBatches(g *Graph, progress Progress, write func(step graphRows, start int, batch []map[string]any, kr *KindReport) error) (rep Report, err error) {
	steps := g.rows()
	total := 0
	for _, st := range steps {
		total += len(st.rows)
	}
	done := 0
	for _, step := range steps {
		kr := KindReport{Kind: step.kind}
		for start := 0; start < len(step.rows); start += batchSize {
			batch := step.rows[start:min(start+batchSize, len(step.rows))]
			if err := write(step, start, batch, &kr); err != nil {
				return rep, err
			}
			done += len(batch)
			if progress != nil {
				progress(step.kind, done, total)
			}
		}
		if kr.Created+kr.Updated+kr.Unchanged > 0 {
			rep.Kinds = append(rep.Kinds, kr)
		}
	}
	return rep, nil
}

// writeRows writes one batch of a step's rows and counts them into kr.
func (t tx) writeRows(ctx context.Context, step graphRows, batch []map[string]any, kr *KindReport) error {
	recs, err := t.run(ctx, step.name, map[string]any{"rows": batch})
	if err != nil {
		return err
	}
	n := 0
	for _, rec := range recs {
		rows := intOf(get(rec, "rows"))
		n += rows
		kr.count(get(rec, "outcome"), rows)
	}
	if n != len(batch) {
		return fmt.Errorf("%d of %d rows of kind %s name a node that does not exist: %w", len(batch)-n, len(batch), step.kind, pathway.ErrInvalid)
	}
	return nil
}

// connectOccupations connects the credentials that name occupations to the
// roles of those occupations, and gives roles the fields credentials name
// them in (fieldFor), whichever of them was imported first.
func (t tx) connectOccupations(ctx context.Context) error {
	if _, err := t.run(ctx, "connect_occupations", nil); err != nil {
		return err
	}
	_, err := t.run(ctx, "connect_fields", nil)
	return err
}
