package service

import (
	"context"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// Cohorts is the use cases of an alliance's cohorts: the intakes that
// entrepreneurs apply to.
type Cohorts struct {
	DB *store.DB
	// Now gives the time; tests set it to move the clock.
	Now func() time.Time
}

func (s *Cohorts) now() time.Time { return nowOf(s.Now) }

// nowOf gives clock's time, or the real one when clock is nil.
func nowOf(clock func() time.Time) time.Time {
	if clock != nil {
		return clock().UTC()
	}
	return time.Now().UTC()
}

// CohortSummary is a cohort with how many applications it has in each
// status, and whether its form is open now.
type CohortSummary struct {
	*domain.Cohort
	Counts store.CohortCount
	Open   bool
}

// List gives the alliance's cohorts, latest first, with their counts.
func (s *Cohorts) List(ctx context.Context, c Caller) ([]CohortSummary, error) {
	var out []CohortSummary
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		cohorts, err := tx.Cohorts(ctx, c.Alliance.ID)
		if err != nil {
			return err
		}
		counts, err := tx.CohortCounts(ctx, c.Alliance.ID)
		if err != nil {
			return err
		}
		now := s.now()
		for _, co := range cohorts {
			n := counts[co.ID]
			if n == nil {
				n = store.CohortCount{}
			}
			out = append(out, CohortSummary{Cohort: co, Counts: n, Open: co.TakesApplications(now)})
		}
		return nil
	})
	return out, err
}

// Open lists the cohorts whose form takes applications now: what the
// alliance's public page offers.
func (s *Cohorts) Open(ctx context.Context, alliance domain.ID) ([]*domain.Cohort, error) {
	var out []*domain.Cohort
	err := s.DB.InTenant(ctx, alliance, func(tx *store.Tx) error {
		cohorts, err := tx.Cohorts(ctx, alliance)
		now := s.now()
		for _, co := range cohorts {
			if co.TakesApplications(now) {
				out = append(out, co)
			}
		}
		return err
	})
	return out, err
}

// Get gives one cohort.
func (s *Cohorts) Get(ctx context.Context, alliance, id domain.ID) (*domain.Cohort, error) {
	var co *domain.Cohort
	err := s.DB.InTenant(ctx, alliance, func(tx *store.Tx) error {
		var err error
		co, err = tx.Cohort(ctx, alliance, id, false)
		return err
	})
	return co, err
}

// Create adds a cohort.
func (s *Cohorts) Create(ctx context.Context, c Caller, co *domain.Cohort) error {
	co.Normalize()
	if err := co.Validate(); err != nil {
		return err
	}
	now := s.now()
	co.AllianceID, co.ID, co.CreatedAt, co.UpdatedAt = c.Alliance.ID, domain.NewID(), now, now
	return s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		if err := tx.InsertCohort(ctx, c.Alliance.ID, co); err != nil {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditCohortCreated, co.ID.String(), map[string]any{"name": co.Name}))
	})
}

// Update saves a cohort's fields; its capacity cannot go below the places
// already taken.
func (s *Cohorts) Update(ctx context.Context, c Caller, co *domain.Cohort) error {
	co.Normalize()
	if err := co.Validate(); err != nil {
		return err
	}
	return s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		old, err := tx.Cohort(ctx, c.Alliance.ID, co.ID, true)
		if err != nil {
			return err
		}
		taken, err := tx.PlacesTaken(ctx, c.Alliance.ID, co.ID)
		if err != nil {
			return err
		}
		if co.Capacity < taken {
			var p domain.Problems
			p.Add("capacity", "validation.capacity_below_taken", map[string]any{"taken": taken})
			return p.Err()
		}
		co.AllianceID, co.CreatedAt, co.UpdatedAt = c.Alliance.ID, old.CreatedAt, s.now()
		if err := tx.UpdateCohort(ctx, c.Alliance.ID, co); err != nil {
			return err
		}
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditCohortUpdated, co.ID.String(), map[string]any{"name": co.Name}))
	})
}
