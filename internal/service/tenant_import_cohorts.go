package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// tenantCohort is one cohort of an alliance folder's cohorts.json.
type tenantCohort struct {
	Name             string `json:"name"`
	City             string `json:"city"`
	StartsOn         string `json:"starts_on"`
	EndsOn           string `json:"ends_on"`
	Capacity         int    `json:"capacity"`
	ApplicationsOpen bool   `json:"applications_open"`
}

// importCohorts loads cohorts.json: a cohort whose name the alliance
// already has is left as the alliance made it.
func (s *Tenants) importCohorts(ctx context.Context, a *domain.Alliance, fsys fs.FS) error {
	raw, err := fs.ReadFile(fsys, "cohorts.json")
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var list []tenantCohort
	if err := json.Unmarshal(raw, &list); err != nil {
		return fmt.Errorf("cohorts.json: %w", err)
	}
	now := time.Now().UTC()
	var cohorts []*domain.Cohort
	for _, tc := range list {
		starts, ok1 := domain.ParseDay(tc.StartsOn)
		ends, ok2 := domain.ParseDay(tc.EndsOn)
		if !ok1 || !ok2 {
			return fmt.Errorf("cohorts.json: %s: dates are written YYYY-MM-DD", tc.Name)
		}
		co := &domain.Cohort{AllianceID: a.ID, ID: domain.NewID(), Name: tc.Name, City: tc.City, StartsOn: starts, EndsOn: ends,
			Capacity: tc.Capacity, ApplicationsOpen: tc.ApplicationsOpen, CreatedAt: now, UpdatedAt: now}
		co.Normalize()
		if err := co.Validate(); err != nil {
			return fmt.Errorf("cohorts.json: %s: %w", tc.Name, err)
		}
		cohorts = append(cohorts, co)
	}
	return s.DB.InTenant(ctx, a.ID, func(tx *store.Tx) error {
		existing, err := tx.Cohorts(ctx, a.ID)
		if err != nil {
			return err
		}
		have := map[string]bool{}
		for _, co := range existing {
			have[co.Name] = true
		}
		for _, co := range cohorts {
			if have[co.Name] {
				continue
			}
			if err := tx.InsertCohort(ctx, a.ID, co); err != nil {
				return err
			}
		}
		return nil
	})
}
