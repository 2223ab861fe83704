package resolvers

import (
	"context"
	"fmt"
	"slices"

	"github.com/lattice-pathways/lattice/cypher/imports"
	"github.com/lattice-pathways/lattice/graph/model"
	"github.com/lattice-pathways/lattice/pathway"
)

// Limits on the Learning and Employment Records one profile may carry.
const (
	maxRecords     = 20
	maxRecordBytes = 1 << 20
)

// profile checks one profile input and reads its records.
func (r *queryResolver) profile(ctx context.Context, in model.ProfileInput) (pathway.Profile, error) {
	ps, err := r.profiles(ctx, []model.ProfileInput{in})
	if err != nil {
		return pathway.Profile{}, err
	}
	return ps[0], nil
}

// profiles checks profile inputs and turns their records into held skills
// and credentials, keeping those the graph holds: a badge aligned to a
// framework that was never imported still counts for what it can. One round
// trip for skills and one for credentials, whatever the number of profiles.
func (r *queryResolver) profiles(ctx context.Context, ins []model.ProfileInput) ([]pathway.Profile, error) {
	out := make([]pathway.Profile, len(ins))
	fromRecords := make([]pathway.Profile, len(ins))
	var skillIDs, credIDs []string
	for i, in := range ins {
		p, err := profileFrom(in)
		if err != nil {
			return nil, memberErr(len(ins), i, err)
		}
		out[i] = p
		if len(in.Records) > maxRecords {
			return nil, memberErr(len(ins), i, fmt.Errorf("records: at most %d, got %d: %w", maxRecords, len(in.Records), pathway.ErrInvalid))
		}
		for j, rec := range in.Records {
			if len(rec) > maxRecordBytes {
				return nil, memberErr(len(ins), i, fmt.Errorf("records[%d] is larger than 1 MB: %w", j, pathway.ErrInvalid))
			}
			held, _, err := imports.LERProfile([]byte(rec), fmt.Sprintf("records[%d]", j))
			if err != nil {
				return nil, memberErr(len(ins), i, err)
			}
			fromRecords[i].Skills = append(fromRecords[i].Skills, held.Skills...)
			fromRecords[i].CredentialIDs = append(fromRecords[i].CredentialIDs, held.CredentialIDs...)
			for _, s := range held.Skills {
				skillIDs = append(skillIDs, s.SkillID)
			}
			credIDs = append(credIDs, held.CredentialIDs...)
		}
	}
	if len(skillIDs)+len(credIDs) == 0 {
		return out, nil
	}
	skills, err := r.src.SkillsByIDs(ctx, slices.Compact(slices.Sorted(slices.Values(skillIDs))))
	if err != nil {
		return nil, err
	}
	creds, err := r.src.CredentialsByIDs(ctx, slices.Compact(slices.Sorted(slices.Values(credIDs))))
	if err != nil {
		return nil, err
	}
	for i, rec := range fromRecords {
		out[i] = out[i].WithRecords(rec, skills, creds)
	}
	return out, nil
}

// memberErr names the cohort member an error is about.
func memberErr(n, i int, err error) error {
	if n == 1 {
		return err
	}
	return fmt.Errorf("members[%d]: %w", i, err)
}
