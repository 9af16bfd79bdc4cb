package service

import (
	"context"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// UpdateProfile saves what matching knows of a member: city, sectors and
// languages. The web layer lets members change their own, and those who
// run the pipeline anyone's.
func (s *Members) UpdateProfile(ctx context.Context, c Caller, user domain.ID, p domain.MentorProfile) (*domain.Member, error) {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return nil, err
	}
	var m *domain.Member
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		if err := tx.UpdateMentorProfile(ctx, c.Alliance.ID, user, p); err != nil {
			return err
		}
		var err error
		if m, err = tx.Member(ctx, c.Alliance.ID, user); err != nil {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditMentorProfileChanged, user.String(),
			map[string]any{"city": p.City, "sectors": p.Sectors, "languages": p.Languages}))
	})
	return m, err
}
