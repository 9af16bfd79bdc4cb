package service

import (
	"context"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// Mentorships is the use cases of reading mentorships: staff see every
// one, a mentor or an entrepreneur their own.
type Mentorships struct {
	DB *store.DB
}

// MentorshipQuery narrows the list; All is set for those who see every
// mentorship of the alliance.
type MentorshipQuery struct {
	All      bool
	CohortID *domain.ID
	Status   []domain.MentorshipStatus
}

// List gives the mentorships the caller may see, newest first.
func (s *Mentorships) List(ctx context.Context, c Caller, q MentorshipQuery) ([]*domain.Mentorship, error) {
	var out []*domain.Mentorship
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		f := store.MentorshipFilter{CohortID: q.CohortID, Status: q.Status, Limit: 1000}
		if q.All {
			var err error
			out, err = tx.Mentorships(ctx, c.Alliance.ID, f)
			return err
		}
		me := c.UserID
		f.MentorID = &me
		asMentor, err := tx.Mentorships(ctx, c.Alliance.ID, f)
		if err != nil {
			return err
		}
		f.MentorID, f.EntrepreneurID = nil, &me
		asEntrepreneur, err := tx.Mentorships(ctx, c.Alliance.ID, f)
		out = append(asMentor, asEntrepreneur...)
		return err
	})
	return out, err
}

// Get gives one mentorship with its sessions to staff (all set) or to its
// mentor or entrepreneur; anyone else finds nothing.
func (s *Mentorships) Get(ctx context.Context, c Caller, id domain.ID, all bool) (*domain.Mentorship, error) {
	var m *domain.Mentorship
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		if m, err = tx.Mentorship(ctx, c.Alliance.ID, id); err != nil {
			return err
		}
		if !all && m.MentorID != c.UserID && m.EntrepreneurID != c.UserID {
			return domain.NotFound()
		}
		return nil
	})
	return m, err
}
