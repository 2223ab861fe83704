package cypher

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lattice-pathways/lattice/pathway"
)

// The writes: create, update and delete of every node and edge kind. Each
// validates its input before anything reaches Neo4j, runs in one transaction
// and leaves nothing behind when it fails. The statements check what they
// find (an id taken, an edge present, a loop closed) and report it; the Go
// side turns that into pathway.ErrInvalid or pathway.ErrNotFound and so rolls
// the transaction back. Writes that change a skills profile re-derive the
// OVERLAPS edges in the same transaction.

func invalid(format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), pathway.ErrInvalid)
}

func notFound(format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), pathway.ErrNotFound)
}

// Node kinds: the labels, and how errors name them.
const (
	labelRole       = "Role"
	labelSkill      = "Skill"
	labelCredential = "Credential"
	labelEducation  = "EducationLevel"
)

var kindNames = map[string]string{
	labelRole:       "role",
	labelSkill:      "skill",
	labelCredential: "credential",
	labelEducation:  "education level",
}

// SkillRelation is a relation between two skills. Each picks fixed
// statements: the relation never reaches Cypher as text.
type SkillRelation string

// The skill relations.
const (
	PartOf   SkillRelation = "PART_OF"
	Precedes SkillRelation = "PRECEDES"
	SameAs   SkillRelation = "SAME_AS"
)

var skillRelationStatements = map[SkillRelation]string{
	PartOf:   "skill_part_of",
	Precedes: "skill_precedes",
	SameAs:   "skill_same_as",
}

// Field checks: the rules are pathway's, so that the imports keep them too.

func checkID(field, id string) error { return pathway.ValidateID(field, id) }

// firstError returns the first non-nil error.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// The property maps of the node kinds, from their pathway fields: a create
// passes the whole node's fields, an update those given.

func roleProps(f pathway.RoleFields) map[string]any {
	var level *string
	if f.Level != nil {
		s := string(*f.Level)
		level = &s
	}
	return props("title", f.Title, "level", level, "industry", f.Industry,
		"occupationCode", f.OccupationCode, "description", f.Description,
		"wageMin", f.WageMin, "wageMax", f.WageMax, "wageMedian", f.WageMedian,
		"vacancies", f.Vacancies, "turnoverRate", f.TurnoverRate,
		"advancementPotential", f.AdvancementPotential, "jobZone", f.JobZone,
		"acceptsAnyField", f.AcceptsAnyField, "employment", f.Employment, "projectedGrowth", f.ProjectedGrowth,
		"entryEducation", f.EntryEducation, "entryTraining", f.EntryTraining, "interests", f.Interests)
}

// checkWages checks the wage range a role ends up with: an update may give
// one end and keep the other.
func checkWages(r pathway.Role) error {
	if w := r.Wage(); w != nil {
		return w.Validate()
	}
	return nil
}

func skillProps(f pathway.SkillFields) map[string]any {
	return props("name", f.Name, "category", f.Category, "type", f.Type,
		"halfLifeYears", f.HalfLifeYears, "description", f.Description)
}

func credentialProps(f pathway.CredentialFields) map[string]any {
	return props("name", f.Name, "kind", f.Kind, "issuer", f.Issuer, "cost", f.Cost,
		"cohortCost", f.CohortCost, "hours", f.Hours, "weeks", f.Weeks,
		"industryRecognized", f.IndustryRecognized, "ctid", f.CTID, "field", f.Field, "estimated", f.Estimated)
}

func educationProps(f pathway.EducationFields) map[string]any {
	return props("name", f.Name, "rank", f.Rank)
}

// createNode runs a create_* statement: ErrInvalid when a node of the kind
// has the id already.
func (t tx) createNode(ctx context.Context, label, id string, p map[string]any) (map[string]any, error) {
	p["id"] = id
	recs, err := t.run(ctx, "create_"+statementKind(label), map[string]any{"id": id, "props": p})
	if err != nil {
		return nil, err
	}
	if len(recs) != 1 {
		return nil, fmt.Errorf("create %s %q: %d rows", kindNames[label], id, len(recs))
	}
	if get(recs[0], "existed") == true {
		return nil, invalid("%s %q already exists", kindNames[label], id)
	}
	return nodeOf(recs[0]), nil
}

// updateNode runs an update_* statement: ErrNotFound when there is no such node.
func (t tx) updateNode(ctx context.Context, label, id string, p map[string]any) (map[string]any, error) {
	recs, err := t.run(ctx, "update_"+statementKind(label), map[string]any{"id": id, "props": p})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, notFound("%s %q", kindNames[label], id)
	}
	return nodeOf(recs[0]), nil
}

// deleteNode runs a delete_* statement and returns its first record:
// ErrNotFound when there is no such node.
func (t tx) deleteNode(ctx context.Context, label, id string) (*neo4j.Record, error) {
	recs, err := t.run(ctx, "delete_"+statementKind(label), map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 || intOf(get(recs[0], "deleted")) == 0 {
		return nil, notFound("%s %q", kindNames[label], id)
	}
	return recs[0], nil
}

// statementKind is the statement name part for a label.
func statementKind(label string) string {
	if label == labelEducation {
		return "education_level"
	}
	return strings.ToLower(label)
}

// end is one end of an edge: a label and an id.
type end struct{ label, id string }

// missing returns ErrNotFound naming the first end that does not exist, or
// nil when they all do.
func (t tx) missing(ctx context.Context, ends ...end) error {
	ids := make([]string, len(ends))
	for i, e := range ends {
		ids[i] = e.id
	}
	recs, err := t.run(ctx, "node_kinds", map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	found := map[end]bool{}
	for _, rec := range recs {
		kind, _ := get(rec, "kind").(string)
		id, _ := get(rec, "id").(string)
		found[end{kind, id}] = true
	}
	for _, e := range ends {
		if e.label == "" { // a credential or an education level
			if !found[end{labelCredential, e.id}] && !found[end{labelEducation, e.id}] {
				return notFound("no credential or education level %q", e.id)
			}
			continue
		}
		if !found[e] {
			return notFound("%s %q", kindNames[e.label], e.id)
		}
	}
	return nil
}

// edgeMissing explains why an edge statement found no row: an end is missing,
// or else the edge is (what says which edge).
func (t tx) edgeMissing(ctx context.Context, what string, ends ...end) error {
	if err := t.missing(ctx, ends...); err != nil {
		return err
	}
	return notFound("%s", what)
}

// deleteEdge runs a delete statement for an edge: ErrNotFound when there is
// no such edge (what names it).
func (t tx) deleteEdge(ctx context.Context, name string, params map[string]any, what string, ends ...end) error {
	recs, err := t.run(ctx, name, params)
	if err != nil {
		return err
	}
	if len(recs) == 0 || intOf(get(recs[0], "deleted")) == 0 {
		return t.edgeMissing(ctx, what, ends...)
	}
	return nil
}

// writeNode creates or updates a node (op) with properties p, already
// validated, in one transaction, reading it back through from; check, when
// given, vets the node as it ends up (a role's wage range, say) before the
// write commits.
func writeNode[T any](ctx context.Context, s *Store, op func(tx, context.Context, string, string, map[string]any) (map[string]any, error),
	label, id string, p map[string]any, from func(map[string]any) T, check func(T) error) (T, error) {
	var out T
	err := s.write(ctx, func(t tx) error {
		node, err := op(t, ctx, label, id, p)
		if err != nil {
			return err
		}
		out = from(node)
		if check != nil {
			return check(out)
		}
		return nil
	})
	return out, err
}

// Roles.

// CreateRole creates a role. It returns ErrInvalid when the id is taken or a
// field breaks a rule (pathway.Role.Validate).
func (s *Store) CreateRole(ctx context.Context, in pathway.Role) (r pathway.Role, err error) {
	defer wrap(&err, "cypher.CreateRole(%s)", in.ID)
	if err := in.Validate(); err != nil {
		return r, err
	}
	return writeNode(ctx, s, tx.createNode, labelRole, in.ID, roleProps(in.Fields()), roleFrom, nil)
}

// UpdateRole sets the given fields of a role. It returns ErrNotFound when
// there is no such role and ErrInvalid when a field breaks a rule, the wage
// range the role ends up with included.
func (s *Store) UpdateRole(ctx context.Context, id string, f pathway.RoleFields) (r pathway.Role, err error) {
	defer wrap(&err, "cypher.UpdateRole(%s)", id)
	if err := firstError(checkID("id", id), f.Validate()); err != nil {
		return r, err
	}
	err = s.write(ctx, func(t tx) error {
		node, err := t.updateNode(ctx, labelRole, id, roleProps(f))
		if err != nil {
			return err
		}
		if r = roleFrom(node); checkWages(r) != nil {
			return checkWages(r)
		}
		if f.JobZone == nil && f.OccupationCode == nil && f.Industry == nil && f.Interests == nil {
			return nil // relatedness reads none of what changed
		}
		return t.refreshOverlapsOf(ctx, []string{id}, nil)
	})
	return r, err
}

// DeleteRole deletes a role and its edges, and re-derives the overlaps when
// it had a skills profile. It returns ErrNotFound when there is no such role.
func (s *Store) DeleteRole(ctx context.Context, id string) (err error) {
	defer wrap(&err, "cypher.DeleteRole(%s)", id)
	if err := checkID("id", id); err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		fallen, err := t.rolesWithEdgesInto(ctx, id)
		if err != nil {
			return err
		}
		rec, err := t.deleteNode(ctx, labelRole, id)
		if err != nil {
			return err
		}
		if intOf(get(rec, "profiled")) == 0 {
			return nil // a role without skills has no overlap edges and moves no other role's
		}
		return t.refreshOverlapsOf(ctx, []string{id}, fallen)
	})
}

// Skills.

// CreateSkill creates a skill. It returns ErrInvalid when the id is taken or
// a field breaks a rule (pathway.Skill.Validate).
func (s *Store) CreateSkill(ctx context.Context, in pathway.Skill) (sk pathway.Skill, err error) {
	defer wrap(&err, "cypher.CreateSkill(%s)", in.ID)
	if err := in.Validate(); err != nil {
		return sk, err
	}
	return writeNode(ctx, s, tx.createNode, labelSkill, in.ID, skillProps(in.Fields()), skillFrom, nil)
}

// UpdateSkill sets the given fields of a skill. It returns ErrNotFound when
// there is no such skill.
func (s *Store) UpdateSkill(ctx context.Context, id string, f pathway.SkillFields) (sk pathway.Skill, err error) {
	defer wrap(&err, "cypher.UpdateSkill(%s)", id)
	if err := firstError(checkID("id", id), f.Validate()); err != nil {
		return sk, err
	}
	return writeNode(ctx, s, tx.updateNode, labelSkill, id, skillProps(f), skillFrom, nil)
}

// DeleteSkill deletes a skill and its edges, and re-derives the overlaps when
// a role's profile listed it. It returns ErrNotFound when there is no such skill.
func (s *Store) DeleteSkill(ctx context.Context, id string) (err error) {
	defer wrap(&err, "cypher.DeleteSkill(%s)", id)
	if err := checkID("id", id); err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "roles_listing_skill", map[string]any{"id": id})
		if err != nil {
			return err
		}
		var listing []string
		for _, rec := range recs {
			listing = append(listing, get(rec, "id").(string))
		}
		rec, err := t.deleteNode(ctx, labelSkill, id)
		if err != nil {
			return err
		}
		if intOf(get(rec, "profiled")) == 0 {
			return nil // no profile listed it: no overlap changes
		}
		return t.refreshOverlapsOf(ctx, listing, nil)
	})
}

// Credentials.

// CreateCredential creates a credential. It returns ErrInvalid when the id is
// taken or a field breaks a rule (pathway.Credential.Validate).
func (s *Store) CreateCredential(ctx context.Context, in pathway.Credential) (c pathway.Credential, err error) {
	defer wrap(&err, "cypher.CreateCredential(%s)", in.ID)
	if err := in.Validate(); err != nil {
		return c, err
	}
	return writeNode(ctx, s, tx.createNode, labelCredential, in.ID, credentialProps(in.Fields()), credentialFrom, nil)
}

// UpdateCredential sets the given fields of a credential. It returns
// ErrNotFound when there is no such credential.
func (s *Store) UpdateCredential(ctx context.Context, id string, f pathway.CredentialFields) (c pathway.Credential, err error) {
	defer wrap(&err, "cypher.UpdateCredential(%s)", id)
	if err := firstError(checkID("id", id), f.Validate()); err != nil {
		return c, err
	}
	return writeNode(ctx, s, tx.updateNode, labelCredential, id, credentialProps(f), credentialFrom, nil)
}

// DeleteCredential deletes a credential and its edges. It returns
// ErrNotFound when there is no such credential.
func (s *Store) DeleteCredential(ctx context.Context, id string) (err error) {
	defer wrap(&err, "cypher.DeleteCredential(%s)", id)
	if err := checkID("id", id); err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		_, err := t.deleteNode(ctx, labelCredential, id)
		return err
	})
}

// Education levels.

// CreateEducationLevel creates an education level. It returns ErrInvalid
// when the id is taken or a field breaks a rule (pathway.EducationLevel.Validate).
func (s *Store) CreateEducationLevel(ctx context.Context, in pathway.EducationLevel) (l pathway.EducationLevel, err error) {
	defer wrap(&err, "cypher.CreateEducationLevel(%s)", in.ID)
	if err := in.Validate(); err != nil {
		return l, err
	}
	return writeNode(ctx, s, tx.createNode, labelEducation, in.ID, educationProps(in.Fields()), educationFrom, nil)
}

// UpdateEducationLevel sets the given fields of an education level. It
// returns ErrNotFound when there is no such level.
func (s *Store) UpdateEducationLevel(ctx context.Context, id string, f pathway.EducationFields) (l pathway.EducationLevel, err error) {
	defer wrap(&err, "cypher.UpdateEducationLevel(%s)", id)
	if err := firstError(checkID("id", id), f.Validate()); err != nil {
		return l, err
	}
	return writeNode(ctx, s, tx.updateNode, labelEducation, id, educationProps(f), educationFrom, nil)
}

// DeleteEducationLevel deletes an education level and its edges (role
// requirements, conferrals, prerequisites and stackings through it). It
// returns ErrNotFound when there is no such level.
func (s *Store) DeleteEducationLevel(ctx context.Context, id string) (err error) {
	defer wrap(&err, "cypher.DeleteEducationLevel(%s)", id)
	if err := checkID("id", id); err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		_, err := t.deleteNode(ctx, labelEducation, id)
		return err
	})
}

// Role skills: (:Role)-[:REQUIRES {level, importance, required}]->(:Skill).

// RoleSkillFields are a skill of a role's profile. Importance nil leaves it
// unset (unknown); Required nil means true on a create and "unchanged" on an
// update.
type RoleSkillFields struct {
	RoleID     string
	SkillID    string
	Level      int
	Importance *float64
	Required   *bool
}

func (f RoleSkillFields) validate() error {
	return firstError(
		checkID("roleId", f.RoleID),
		checkID("skillId", f.SkillID),
		pathway.ValidateLevel("level", f.Level),
		pathway.ValidateImportance("importance", f.Importance),
	)
}

// CreateRoleSkill adds a skill to a role's profile and re-derives the
// overlaps. It returns ErrNotFound naming the role or skill that does not
// exist and ErrInvalid when the role lists the skill already.
func (s *Store) CreateRoleSkill(ctx context.Context, f RoleSkillFields) (rs pathway.RoleSkill, err error) {
	defer wrap(&err, "cypher.CreateRoleSkill(%s, %s)", f.RoleID, f.SkillID)
	if err := f.validate(); err != nil {
		return rs, err
	}
	required := true
	if f.Required != nil {
		required = *f.Required
	}
	var importance any
	if f.Importance != nil {
		importance = *f.Importance
	}
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "create_role_skill", map[string]any{
			"roleId": f.RoleID, "skillId": f.SkillID, "level": int64(f.Level), "importance": importance, "required": required,
		})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.missing(ctx, end{labelRole, f.RoleID}, end{labelSkill, f.SkillID})
		}
		if get(recs[0], "existed") == true {
			return invalid("role %q already lists skill %q (update it instead)", f.RoleID, f.SkillID)
		}
		rs = roleSkillRow(f.RoleID, recs[0])
		return t.refreshOverlapsOf(ctx, []string{f.RoleID}, nil)
	})
	return rs, err
}

// UpdateRoleSkill changes the level, and the importance and required flag
// when given, of a skill in a role's profile, and re-derives the overlaps.
// It returns ErrNotFound when the role, the skill or the edge is missing.
func (s *Store) UpdateRoleSkill(ctx context.Context, f RoleSkillFields) (rs pathway.RoleSkill, err error) {
	defer wrap(&err, "cypher.UpdateRoleSkill(%s, %s)", f.RoleID, f.SkillID)
	if err := f.validate(); err != nil {
		return rs, err
	}
	p := props("level", f.Level, "importance", f.Importance, "required", f.Required)
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "update_role_skill", map[string]any{"roleId": f.RoleID, "skillId": f.SkillID, "props": p})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.edgeMissing(ctx, fmt.Sprintf("role %q does not list skill %q", f.RoleID, f.SkillID),
				end{labelRole, f.RoleID}, end{labelSkill, f.SkillID})
		}
		rs = roleSkillRow(f.RoleID, recs[0])
		return t.refreshOverlapsOf(ctx, []string{f.RoleID}, nil)
	})
	return rs, err
}

// DeleteRoleSkill removes a skill from a role's profile and re-derives the
// overlaps. It returns ErrNotFound when the role, the skill or the edge is missing.
func (s *Store) DeleteRoleSkill(ctx context.Context, roleID, skillID string) (err error) {
	defer wrap(&err, "cypher.DeleteRoleSkill(%s, %s)", roleID, skillID)
	if err := firstError(checkID("roleId", roleID), checkID("skillId", skillID)); err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		err := t.deleteEdge(ctx, "delete_role_skill", map[string]any{"roleId": roleID, "skillId": skillID},
			fmt.Sprintf("role %q does not list skill %q", roleID, skillID), end{labelRole, roleID}, end{labelSkill, skillID})
		if err != nil {
			return err
		}
		return t.refreshOverlapsOf(ctx, []string{roleID}, nil)
	})
}

// Role credentials: (:Role)-[:REQUIRES]->(:Credential).

// CreateRoleCredential makes a role require a credential and returns the
// role. It returns ErrNotFound naming the end that does not exist and
// ErrInvalid when the role requires the credential already.
func (s *Store) CreateRoleCredential(ctx context.Context, roleID, credentialID string) (r pathway.Role, err error) {
	defer wrap(&err, "cypher.CreateRoleCredential(%s, %s)", roleID, credentialID)
	if err := firstError(checkID("roleId", roleID), checkID("credentialId", credentialID)); err != nil {
		return r, err
	}
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "create_role_credential", map[string]any{"roleId": roleID, "credentialId": credentialID})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.missing(ctx, end{labelRole, roleID}, end{labelCredential, credentialID})
		}
		if get(recs[0], "existed") == true {
			return invalid("role %q already requires credential %q", roleID, credentialID)
		}
		r = roleRow(recs[0])
		return nil
	})
	return r, err
}

// DeleteRoleCredential drops a role's credential requirement. It returns
// ErrNotFound when the role, the credential or the requirement is missing.
func (s *Store) DeleteRoleCredential(ctx context.Context, roleID, credentialID string) (err error) {
	defer wrap(&err, "cypher.DeleteRoleCredential(%s, %s)", roleID, credentialID)
	if err := firstError(checkID("roleId", roleID), checkID("credentialId", credentialID)); err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		return t.deleteEdge(ctx, "delete_role_credential", map[string]any{"roleId": roleID, "credentialId": credentialID},
			fmt.Sprintf("role %q does not require credential %q", roleID, credentialID),
			end{labelRole, roleID}, end{labelCredential, credentialID})
	})
}

// Preparations: (:Credential)-[:PREPARES_FOR]->(:Role), the roles a program
// or credential leads to (the field rule reads them).

// CreatePreparation records that a credential prepares for a role and
// returns the credential. It returns ErrNotFound naming the end that does
// not exist and ErrInvalid when the edge exists already.
func (s *Store) CreatePreparation(ctx context.Context, credentialID, roleID string) (c pathway.Credential, err error) {
	defer wrap(&err, "cypher.CreatePreparation(%s, %s)", credentialID, roleID)
	if err := firstError(checkID("credentialId", credentialID), checkID("roleId", roleID)); err != nil {
		return c, err
	}
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "create_preparation", map[string]any{"credentialId": credentialID, "roleId": roleID})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.missing(ctx, end{labelCredential, credentialID}, end{labelRole, roleID})
		}
		if get(recs[0], "existed") == true {
			return invalid("credential %q prepares for role %q already", credentialID, roleID)
		}
		c = credentialFrom(nodeOf(recs[0]))
		return nil
	})
	return c, err
}

// DeletePreparation drops a credential's preparation for a role. It returns
// ErrNotFound when either end or the edge is missing.
func (s *Store) DeletePreparation(ctx context.Context, credentialID, roleID string) (err error) {
	defer wrap(&err, "cypher.DeletePreparation(%s, %s)", credentialID, roleID)
	if err := firstError(checkID("credentialId", credentialID), checkID("roleId", roleID)); err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		return t.deleteEdge(ctx, "delete_preparation", map[string]any{"credentialId": credentialID, "roleId": roleID},
			fmt.Sprintf("credential %q does not prepare for role %q", credentialID, roleID),
			end{labelCredential, credentialID}, end{labelRole, roleID})
	})
}

// Role education: (:Role)-[:REQUIRES]->(:EducationLevel), at most one per role.

// CreateRoleEducation sets the education level a role requires and returns
// the role. It returns ErrNotFound naming the end that does not exist and
// ErrInvalid when the role requires an education level already.
func (s *Store) CreateRoleEducation(ctx context.Context, roleID, levelID string) (r pathway.Role, err error) {
	defer wrap(&err, "cypher.CreateRoleEducation(%s, %s)", roleID, levelID)
	if err := firstError(checkID("roleId", roleID), checkID("educationLevelId", levelID)); err != nil {
		return r, err
	}
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "create_role_education", map[string]any{"roleId": roleID, "educationLevelId": levelID})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.missing(ctx, end{labelRole, roleID}, end{labelEducation, levelID})
		}
		if existing := asList(get(recs[0], "existing")); len(existing) > 0 {
			return invalid("role %q already requires education level %q (update it instead)", roleID, existing[0])
		}
		r = roleRow(recs[0])
		return nil
	})
	return r, err
}

// UpdateRoleEducation replaces the education level a role requires and
// returns the role. It returns ErrNotFound naming the end that does not
// exist, or when the role requires no education level yet.
func (s *Store) UpdateRoleEducation(ctx context.Context, roleID, levelID string) (r pathway.Role, err error) {
	defer wrap(&err, "cypher.UpdateRoleEducation(%s, %s)", roleID, levelID)
	if err := firstError(checkID("roleId", roleID), checkID("educationLevelId", levelID)); err != nil {
		return r, err
	}
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "update_role_education", map[string]any{"roleId": roleID, "educationLevelId": levelID})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.edgeMissing(ctx, fmt.Sprintf("role %q requires no education level (create the requirement first)", roleID),
				end{labelRole, roleID}, end{labelEducation, levelID})
		}
		r = roleRow(recs[0])
		return nil
	})
	return r, err
}

// DeleteRoleEducation drops a role's education requirement. It returns
// ErrNotFound when the role is missing or requires no education level.
func (s *Store) DeleteRoleEducation(ctx context.Context, roleID string) (err error) {
	defer wrap(&err, "cypher.DeleteRoleEducation(%s)", roleID)
	if err := checkID("roleId", roleID); err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		return t.deleteEdge(ctx, "delete_role_education", map[string]any{"roleId": roleID},
			fmt.Sprintf("role %q requires no education level", roleID), end{labelRole, roleID})
	})
}

// Certifications: (:Credential)-[:CERTIFIES {level}]->(:Skill).

func certifiedFrom(rec *neo4j.Record) pathway.CertifiedSkill {
	return pathway.CertifiedSkill{
		Credential: credentialFrom(asMap(get(rec, "credential"))),
		Skill:      skillFrom(asMap(get(rec, "skill"))),
		Level:      intOf(get(rec, "level")),
	}
}

func checkCertification(credentialID, skillID string, level int) error {
	return firstError(checkID("credentialId", credentialID), checkID("skillId", skillID), pathway.ValidateLevel("level", level))
}

// CreateCertification records that a credential certifies a skill at a
// level. It returns ErrNotFound naming the end that does not exist and
// ErrInvalid when the edge exists already.
func (s *Store) CreateCertification(ctx context.Context, credentialID, skillID string, level int) (c pathway.CertifiedSkill, err error) {
	defer wrap(&err, "cypher.CreateCertification(%s, %s)", credentialID, skillID)
	if err := checkCertification(credentialID, skillID, level); err != nil {
		return c, err
	}
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "create_certification", map[string]any{"credentialId": credentialID, "skillId": skillID, "level": int64(level)})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.missing(ctx, end{labelCredential, credentialID}, end{labelSkill, skillID})
		}
		if get(recs[0], "existed") == true {
			return invalid("credential %q already certifies skill %q (update it instead)", credentialID, skillID)
		}
		c = certifiedFrom(recs[0])
		return nil
	})
	return c, err
}

// UpdateCertification changes the level a credential certifies a skill at.
// It returns ErrNotFound when either end or the edge is missing.
func (s *Store) UpdateCertification(ctx context.Context, credentialID, skillID string, level int) (c pathway.CertifiedSkill, err error) {
	defer wrap(&err, "cypher.UpdateCertification(%s, %s)", credentialID, skillID)
	if err := checkCertification(credentialID, skillID, level); err != nil {
		return c, err
	}
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "update_certification", map[string]any{"credentialId": credentialID, "skillId": skillID, "level": int64(level)})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.edgeMissing(ctx, fmt.Sprintf("credential %q does not certify skill %q", credentialID, skillID),
				end{labelCredential, credentialID}, end{labelSkill, skillID})
		}
		c = certifiedFrom(recs[0])
		return nil
	})
	return c, err
}

// DeleteCertification removes a certification edge. It returns ErrNotFound
// when either end or the edge is missing.
func (s *Store) DeleteCertification(ctx context.Context, credentialID, skillID string) (err error) {
	defer wrap(&err, "cypher.DeleteCertification(%s, %s)", credentialID, skillID)
	if err := firstError(checkID("credentialId", credentialID), checkID("skillId", skillID)); err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		return t.deleteEdge(ctx, "delete_certification", map[string]any{"credentialId": credentialID, "skillId": skillID},
			fmt.Sprintf("credential %q does not certify skill %q", credentialID, skillID),
			end{labelCredential, credentialID}, end{labelSkill, skillID})
	})
}

// Prerequisites: (:Credential)-[:REQUIRES {group}]->(:Credential|:EducationLevel).

// prerequisiteGroup is the group a prerequisite goes in: the one given, or
// by default the prerequisite's id (a group of its own).
func prerequisiteGroup(prerequisiteID string, group *string) (string, error) {
	if group == nil {
		return prerequisiteID, nil
	}
	if err := pathway.ValidateText("group", group); err != nil {
		return "", err
	}
	return *group, nil
}

// CreatePrerequisite adds a prerequisite (a credential or an education
// level) to a credential, in group (nil: a group of its own), and returns
// the credential. It returns ErrNotFound naming the end that does not exist
// and ErrInvalid when the edge exists already, the credential would require
// itself, or the prerequisite id names both a credential and an education level.
func (s *Store) CreatePrerequisite(ctx context.Context, credentialID, prerequisiteID string, group *string) (c pathway.Credential, err error) {
	defer wrap(&err, "cypher.CreatePrerequisite(%s, %s)", credentialID, prerequisiteID)
	if err := firstError(checkID("credentialId", credentialID), checkID("prerequisiteId", prerequisiteID)); err != nil {
		return c, err
	}
	g, err := prerequisiteGroup(prerequisiteID, group)
	if err != nil {
		return c, err
	}
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "create_prerequisite", map[string]any{"credentialId": credentialID, "prerequisiteId": prerequisiteID, "group": g})
		if err != nil {
			return err
		}
		switch {
		case len(recs) == 0:
			return t.missing(ctx, end{labelCredential, credentialID}, end{"", prerequisiteID})
		case len(recs) > 1:
			return invalid("prerequisiteId %q names both a credential and an education level", prerequisiteID)
		case get(recs[0], "self") == true:
			return invalid("credential %q cannot be its own prerequisite", credentialID)
		case get(recs[0], "existed") == true:
			return invalid("credential %q already has prerequisite %q (update it to move it to another group)", credentialID, prerequisiteID)
		}
		c = credentialRow(recs[0])
		return nil
	})
	return c, err
}

// UpdatePrerequisite moves a prerequisite of a credential to group (nil: a
// group of its own) and returns the credential. It returns ErrNotFound when
// the credential or the prerequisite edge is missing.
func (s *Store) UpdatePrerequisite(ctx context.Context, credentialID, prerequisiteID string, group *string) (c pathway.Credential, err error) {
	defer wrap(&err, "cypher.UpdatePrerequisite(%s, %s)", credentialID, prerequisiteID)
	if err := firstError(checkID("credentialId", credentialID), checkID("prerequisiteId", prerequisiteID)); err != nil {
		return c, err
	}
	g, err := prerequisiteGroup(prerequisiteID, group)
	if err != nil {
		return c, err
	}
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "update_prerequisite", map[string]any{"credentialId": credentialID, "prerequisiteId": prerequisiteID, "group": g})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.edgeMissing(ctx, fmt.Sprintf("credential %q has no prerequisite %q", credentialID, prerequisiteID),
				end{labelCredential, credentialID}, end{"", prerequisiteID})
		}
		c = credentialRow(recs[0])
		return nil
	})
	return c, err
}

// DeletePrerequisite removes a prerequisite of a credential. It returns
// ErrNotFound when the credential or the prerequisite edge is missing.
func (s *Store) DeletePrerequisite(ctx context.Context, credentialID, prerequisiteID string) (err error) {
	defer wrap(&err, "cypher.DeletePrerequisite(%s, %s)", credentialID, prerequisiteID)
	if err := firstError(checkID("credentialId", credentialID), checkID("prerequisiteId", prerequisiteID)); err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		return t.deleteEdge(ctx, "delete_prerequisite", map[string]any{"credentialId": credentialID, "prerequisiteId": prerequisiteID},
			fmt.Sprintf("credential %q has no prerequisite %q", credentialID, prerequisiteID),
			end{labelCredential, credentialID}, end{"", prerequisiteID})
	})
}

// Conferrals: (:Credential)-[:CONFERS]->(:EducationLevel), at most one per credential.

// CreateConferral records that a credential confers an education level and
// returns the credential. It returns ErrNotFound naming the end that does
// not exist and ErrInvalid when the credential confers a level already.
func (s *Store) CreateConferral(ctx context.Context, credentialID, levelID string) (c pathway.Credential, err error) {
	defer wrap(&err, "cypher.CreateConferral(%s, %s)", credentialID, levelID)
	if err := firstError(checkID("credentialId", credentialID), checkID("educationLevelId", levelID)); err != nil {
		return c, err
	}
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "create_conferral", map[string]any{"credentialId": credentialID, "educationLevelId": levelID})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.missing(ctx, end{labelCredential, credentialID}, end{labelEducation, levelID})
		}
		if existing := asList(get(recs[0], "existing")); len(existing) > 0 {
			return invalid("credential %q already confers education level %q (a credential confers one level)", credentialID, existing[0])
		}
		c = credentialRow(recs[0])
		return nil
	})
	return c, err
}

// DeleteConferral removes a conferral. It returns ErrNotFound when either
// end or the edge is missing.
func (s *Store) DeleteConferral(ctx context.Context, credentialID, levelID string) (err error) {
	defer wrap(&err, "cypher.DeleteConferral(%s, %s)", credentialID, levelID)
	if err := firstError(checkID("credentialId", credentialID), checkID("educationLevelId", levelID)); err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		return t.deleteEdge(ctx, "delete_conferral", map[string]any{"credentialId": credentialID, "educationLevelId": levelID},
			fmt.Sprintf("credential %q does not confer education level %q", credentialID, levelID),
			end{labelCredential, credentialID}, end{labelEducation, levelID})
	})
}

// Stackings: (:Credential)-[:STACKS_INTO {creditHours, creditCost}]->(:Credential)
// and (:EducationLevel)-[:STACKS_INTO]->(:EducationLevel).

// StackingFields are a stacking edge between credentials. Nil credits are 0
// on a create and unchanged on an update.
type StackingFields struct {
	FromID      string
	ToID        string
	CreditHours *float64
	CreditCost  *float64
}

func (f StackingFields) validate() error {
	return firstError(
		checkID("fromId", f.FromID),
		checkID("toId", f.ToID),
		pathway.ValidateNonNegative("creditHours", f.CreditHours),
		pathway.ValidateNonNegative("creditCost", f.CreditCost),
	)
}

// checkLink refuses an edge that would close a loop: a rung into itself, or
// into one that already leads back to it.
func checkLink(rec *neo4j.Record, what, fromID, toID string) error {
	if get(rec, "existed") == true {
		return invalid("%s %q already stacks into %q", what, fromID, toID)
	}
	if get(rec, "cycle") == true {
		return invalid("%s %q cannot stack into %q: %q already stacks into %q, so the ladder would loop", what, fromID, toID, toID, fromID)
	}
	return nil
}

// CreateStacking records that a credential stacks into another and returns
// the lower credential. It returns ErrNotFound naming the end that does not
// exist and ErrInvalid when the edge exists already, or would stack a
// credential into itself or close a loop.
func (s *Store) CreateStacking(ctx context.Context, f StackingFields) (c pathway.Credential, err error) {
	defer wrap(&err, "cypher.CreateStacking(%s, %s)", f.FromID, f.ToID)
	if err := f.validate(); err != nil {
		return c, err
	}
	if f.FromID == f.ToID {
		return c, invalid("credential %q cannot stack into itself", f.FromID)
	}
	var hours, cost float64
	if f.CreditHours != nil {
		hours = *f.CreditHours
	}
	if f.CreditCost != nil {
		cost = *f.CreditCost
	}
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "create_stacking", map[string]any{"fromId": f.FromID, "toId": f.ToID, "creditHours": hours, "creditCost": cost})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.missing(ctx, end{labelCredential, f.FromID}, end{labelCredential, f.ToID})
		}
		if err := checkLink(recs[0], "credential", f.FromID, f.ToID); err != nil {
			return err
		}
		c = credentialRow(recs[0])
		return nil
	})
	return c, err
}

// UpdateStacking changes the given credits of a stacking edge and returns
// the lower credential. It returns ErrNotFound when either end or the edge
// is missing.
func (s *Store) UpdateStacking(ctx context.Context, f StackingFields) (c pathway.Credential, err error) {
	defer wrap(&err, "cypher.UpdateStacking(%s, %s)", f.FromID, f.ToID)
	if err := f.validate(); err != nil {
		return c, err
	}
	p := props("creditHours", f.CreditHours, "creditCost", f.CreditCost)
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "update_stacking", map[string]any{"fromId": f.FromID, "toId": f.ToID, "props": p})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.edgeMissing(ctx, fmt.Sprintf("credential %q does not stack into %q", f.FromID, f.ToID),
				end{labelCredential, f.FromID}, end{labelCredential, f.ToID})
		}
		c = credentialRow(recs[0])
		return nil
	})
	return c, err
}

// DeleteStacking removes a stacking edge between credentials. It returns
// ErrNotFound when either end or the edge is missing.
func (s *Store) DeleteStacking(ctx context.Context, fromID, toID string) (err error) {
	defer wrap(&err, "cypher.DeleteStacking(%s, %s)", fromID, toID)
	if err := firstError(checkID("fromId", fromID), checkID("toId", toID)); err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		return t.deleteEdge(ctx, "delete_stacking", map[string]any{"fromId": fromID, "toId": toID},
			fmt.Sprintf("credential %q does not stack into %q", fromID, toID),
			end{labelCredential, fromID}, end{labelCredential, toID})
	})
}

// CreateEducationStacking records that an education level leads on to
// another and returns the lower level. It returns ErrNotFound naming the end
// that does not exist and ErrInvalid when the edge exists already, or would
// lead a level into itself or close a loop.
func (s *Store) CreateEducationStacking(ctx context.Context, fromID, toID string) (l pathway.EducationLevel, err error) {
	defer wrap(&err, "cypher.CreateEducationStacking(%s, %s)", fromID, toID)
	if err := firstError(checkID("fromId", fromID), checkID("toId", toID)); err != nil {
		return l, err
	}
	if fromID == toID {
		return l, invalid("education level %q cannot stack into itself", fromID)
	}
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "create_education_stacking", map[string]any{"fromId": fromID, "toId": toID})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.missing(ctx, end{labelEducation, fromID}, end{labelEducation, toID})
		}
		if err := checkLink(recs[0], "education level", fromID, toID); err != nil {
			return err
		}
		l = educationRow(recs[0])
		return nil
	})
	return l, err
}

// DeleteEducationStacking removes a stacking edge between education levels.
// It returns ErrNotFound when either end or the edge is missing.
func (s *Store) DeleteEducationStacking(ctx context.Context, fromID, toID string) (err error) {
	defer wrap(&err, "cypher.DeleteEducationStacking(%s, %s)", fromID, toID)
	if err := firstError(checkID("fromId", fromID), checkID("toId", toID)); err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		return t.deleteEdge(ctx, "delete_education_stacking", map[string]any{"fromId": fromID, "toId": toID},
			fmt.Sprintf("education level %q does not stack into %q", fromID, toID),
			end{labelEducation, fromID}, end{labelEducation, toID})
	})
}

// Skill relations: (:Skill)-[:PART_OF|PRECEDES|SAME_AS]->(:Skill).

func checkSkillRelation(fromID, toID string, rel SkillRelation) (string, error) {
	name, ok := skillRelationStatements[rel]
	if !ok {
		return "", invalid("kind must be PART_OF, PRECEDES or SAME_AS, got %q", rel)
	}
	return name, firstError(checkID("fromId", fromID), checkID("toId", toID))
}

// CreateSkillRelation relates two skills and returns the first. SAME_AS is
// symmetric: an edge either way counts. It returns ErrNotFound naming the
// skill that does not exist and ErrInvalid when the relation exists already,
// relates a skill to itself, or would close a PART_OF or PRECEDES loop.
func (s *Store) CreateSkillRelation(ctx context.Context, fromID, toID string, rel SkillRelation) (sk pathway.Skill, err error) {
	defer wrap(&err, "cypher.CreateSkillRelation(%s, %s, %s)", fromID, toID, rel)
	name, err := checkSkillRelation(fromID, toID, rel)
	if err != nil {
		return sk, err
	}
	if fromID == toID {
		return sk, invalid("skill %q cannot be related to itself", fromID)
	}
	err = s.write(ctx, func(t tx) error {
		recs, err := t.run(ctx, "create_"+name, map[string]any{"fromId": fromID, "toId": toID})
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return t.missing(ctx, end{labelSkill, fromID}, end{labelSkill, toID})
		}
		if get(recs[0], "existed") == true {
			return invalid("skills %q and %q are related by %s already", fromID, toID, rel)
		}
		if get(recs[0], "cycle") == true {
			return invalid("skill %q %s %q would close a loop: %q already reaches %q by %s", fromID, rel, toID, toID, fromID, rel)
		}
		sk = skillRow(recs[0])
		return nil
	})
	return sk, err
}

// DeleteSkillRelation removes a relation between two skills (SAME_AS either
// way). It returns ErrNotFound when either skill or the relation is missing.
func (s *Store) DeleteSkillRelation(ctx context.Context, fromID, toID string, rel SkillRelation) (err error) {
	defer wrap(&err, "cypher.DeleteSkillRelation(%s, %s, %s)", fromID, toID, rel)
	name, err := checkSkillRelation(fromID, toID, rel)
	if err != nil {
		return err
	}
	return s.write(ctx, func(t tx) error {
		return t.deleteEdge(ctx, "delete_"+name, map[string]any{"fromId": fromID, "toId": toID},
			fmt.Sprintf("skill %q is not %s %q", fromID, rel, toID),
			end{labelSkill, fromID}, end{labelSkill, toID})
	})
}
