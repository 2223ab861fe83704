package cypher

import (
	"context"
	"fmt"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lattice-pathways/lattice/pathway"
)

// Profile resolves a profile into what it holds, in one round trip: the
// role's required skills, credentials and education level, the listed skills,
// the held credentials as the skills they certify and the levels they confer.
// It returns the profile's role (nil when it names none) and
// pathway.ErrNotFound naming the first id that names nothing.
func (s *Store) Profile(ctx context.Context, p pathway.Profile) (_ *pathway.Held, _ *pathway.Role, err error) {
	defer wrap(&err, "cypher.Profile(%s)", p.RoleID)
	held, roles, err := s.Profiles(ctx, []pathway.Profile{p})
	if err != nil {
		return nil, nil, err
	}
	return held[0], roles[0], nil
}

// Profiles resolves many profiles in one round trip, index-aligned.
func (s *Store) Profiles(ctx context.Context, ps []pathway.Profile) (held []*pathway.Held, roles []*pathway.Role, err error) {
	defer wrap(&err, "cypher.Profiles(%d profiles)", len(ps))
	rows := make([]map[string]any, len(ps))
	for i, p := range ps {
		skillIDs := make([]string, len(p.Skills))
		for j, sk := range p.Skills {
			skillIDs[j] = sk.SkillID
		}
		row := map[string]any{"i": int64(i), "roleId": nil, "skillIds": skillIDs, "credentialIds": nonNil(p.CredentialIDs), "educationLevelId": nil}
		if p.RoleID != "" {
			row["roleId"] = p.RoleID
		}
		if p.EducationLevelID != "" {
			row["educationLevelId"] = p.EducationLevelID
		}
		rows[i] = row
	}
	recs, err := s.read(ctx, "profile", map[string]any{"profiles": rows})
	if err != nil {
		return nil, nil, err
	}
	if len(recs) != len(ps) {
		return nil, nil, fmt.Errorf("profile returned %d rows for %d profiles", len(recs), len(ps))
	}
	held = make([]*pathway.Held, len(ps))
	roles = make([]*pathway.Role, len(ps))
	for _, rec := range recs {
		i := intOf(get(rec, "i"))
		if held[i], roles[i], err = heldFrom(rec, ps[i]); err != nil {
			if len(ps) > 1 {
				err = fmt.Errorf("profile %d: %w", i, err)
			}
			return nil, nil, err
		}
	}
	return held, roles, nil
}

// heldFrom reads one profile row, checking every id it names was found.
// Every skill held or certified also counts for the skills it is the same
// as (pathway.SameAs).
func heldFrom(rec *neo4j.Record, p pathway.Profile) (held *pathway.Held, role *pathway.Role, err error) {
	held = pathway.NewHeld()
	same := pathway.SameAs{}
	if p.RoleID != "" {
		m := asMap(get(rec, "role"))
		if m == nil {
			return nil, nil, fmt.Errorf("role %q: %w", p.RoleID, pathway.ErrNotFound)
		}
		r := roleFrom(m)
		role = &r
		held.Profile = requirementsFrom(get(rec, "roleSkills"))
		for _, x := range asList(get(rec, "roleSkills")) {
			same[str(asMap(x), "skill")] = stringList(asMap(x)["same"])
		}
		rank := -1
		if v, ok := num(get(rec, "roleEducationRank")); ok {
			rank = int(v)
		}
		held.TakeRole(r.ID, held.Profile, stringList(get(rec, "roleCredentials")), rank,
			pathway.FieldAcceptance{Fields: stringList(get(rec, "roleFields"))})
	}
	found := map[string]bool{}
	for _, x := range asList(get(rec, "skills")) {
		id := str(asMap(x), "id")
		found[id] = true
		same[id] = stringList(asMap(x)["same"])
	}
	for _, sk := range p.Skills {
		if !found[sk.SkillID] {
			return nil, nil, fmt.Errorf("skill %q: %w", sk.SkillID, pathway.ErrNotFound)
		}
		held.AddSkill(sk.SkillID, sk.Level)
	}
	creds := map[string]bool{}
	for _, c := range asList(get(rec, "credentials")) {
		m := asMap(c)
		id := str(m, "id")
		creds[id] = true
		held.Credentials[id] = true
		for _, cert := range asList(m["certifies"]) {
			cm := asMap(cert)
			held.AddSkill(str(cm, "skill"), intOf(cm["level"]))
			same[str(cm, "skill")] = append(same[str(cm, "skill")], stringList(cm["same"])...)
		}
		if r, ok := num(m["confers"]); ok {
			held.HoldEducation(pathway.HeldEducation{Rank: int(r), Fields: stringList([]any{m["field"]}), CredentialID: id})
		}
	}
	for _, id := range p.CredentialIDs {
		if !creds[id] {
			return nil, nil, fmt.Errorf("credential %q: %w", id, pathway.ErrNotFound)
		}
	}
	if p.EducationLevelID != "" {
		r, ok := num(get(rec, "educationRank"))
		if !ok {
			return nil, nil, fmt.Errorf("education level %q: %w", p.EducationLevelID, pathway.ErrNotFound)
		}
		e := pathway.HeldEducation{Rank: int(r)}
		if p.EducationField != "" {
			e.Fields = []string{p.EducationField}
		}
		held.HoldEducation(e)
	}
	same.Expand(held.Skills)
	held.Finish()
	return held, role, nil
}

// nonNil is l, or an empty list for nil: Cypher reads a nil parameter as
// null, not as a list.
func nonNil[T any](l []T) []T {
	if l == nil {
		return []T{}
	}
	return l
}

// CredentialStack returns the rungs that stack into the credential or
// education level id, or that it stacks into, with the edges among them. It
// returns pathway.ErrNotFound when id names neither.
func (s *Store) CredentialStack(ctx context.Context, id string) (st pathway.Stack, err error) {
	defer wrap(&err, "cypher.CredentialStack(%s)", id)
	stacks, err := s.CredentialStacks(ctx, []string{id})
	if err != nil {
		return st, err
	}
	st, ok := stacks[id]
	if !ok {
		return st, fmt.Errorf("no credential or education level %q: %w", id, pathway.ErrNotFound)
	}
	return st, nil
}

// CredentialStacks returns CredentialStack of each id that names a
// credential or an education level, in one round trip.
func (s *Store) CredentialStacks(ctx context.Context, ids []string) (out map[string]pathway.Stack, err error) {
	defer wrap(&err, "cypher.CredentialStacks(%d ids)", len(ids))
	recs, err := s.read(ctx, "credential_stacks", map[string]any{"ids": nonNil(ids)})
	if err != nil {
		return nil, err
	}
	out = map[string]pathway.Stack{}
	for _, rec := range recs {
		id := get(rec, "id").(string)
		st := out[id]
		m := nodeOf(rec)
		r := pathway.Rung{ID: str(m, "id")}
		if get(rec, "kind") == "Credential" {
			c := credentialFrom(m)
			r.Credential = &c
		} else {
			e := educationFrom(m)
			r.Level = &e
		}
		st.Rungs = append(st.Rungs, r)
		for _, n := range asList(get(rec, "next")) {
			nm := asMap(n)
			st.Links = append(st.Links, pathway.StackLink{From: r.ID, To: str(nm, "to"),
				CreditHours: floatOf(nm["creditHours"]), CreditCost: floatOf(nm["creditCost"])})
		}
		out[id] = st
	}
	return out, nil
}

// CredentialIDs returns the id of every credential, sorted.
func (s *Store) CredentialIDs(ctx context.Context) (ids []string, err error) {
	defer wrap(&err, "cypher.CredentialIDs()")
	recs, err := s.read(ctx, "credential_ids", nil)
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		ids = append(ids, get(rec, "id").(string))
	}
	return ids, nil
}

// DegreeRoles returns every role whose education requirement is a degree, by id.
func (s *Store) DegreeRoles(ctx context.Context) (out []pathway.DegreeRole, err error) {
	defer wrap(&err, "cypher.DegreeRoles()")
	recs, err := s.read(ctx, "recredentialing", map[string]any{"degreeRank": pathway.DegreeRank})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		d := pathway.DegreeRole{Role: roleFrom(nodeOf(rec))}
		for _, m := range asList(get(rec, "moves")) {
			d.Moves = append(d.Moves, roleFrom(asMap(m)))
		}
		out = append(out, d)
	}
	return out, nil
}

// RolesSharingSkills returns the ids of the roles whose profiles list the
// most of the skills, at most first, sorted by id.
func (s *Store) RolesSharingSkills(ctx context.Context, skillIDs []string, first int) (ids []string, err error) {
	defer wrap(&err, "cypher.RolesSharingSkills(%d skills, %d)", len(skillIDs), first)
	recs, err := s.read(ctx, "roles_sharing_skills", map[string]any{"skillIds": nonNil(skillIDs), "first": int64(first)})
	if err != nil {
		return nil, err
	}
	for _, rec := range recs {
		ids = append(ids, get(rec, "id").(string))
	}
	sort.Strings(ids)
	return ids, nil
}

// EducationRequiredBy returns the roles that require each education level,
// and the ids of those of them a degree of any field qualifies for (the role
// says so, or nothing prepares for it).
func (s *Store) EducationRequiredBy(ctx context.Context, levelIDs []string) (out map[string][]pathway.Role, anyField map[string]bool, err error) {
	defer wrap(&err, "cypher.EducationRequiredBy(%d levels)", len(levelIDs))
	anyField = map[string]bool{}
	out, err = grouped(ctx, s, "education_required_by", levelIDs, nil, func(rec *neo4j.Record) pathway.Role {
		r := roleRow(rec)
		if get(rec, "anyField") == true {
			anyField[r.ID] = true
		}
		return r
	})
	return out, anyField, err
}
