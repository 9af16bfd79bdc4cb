package service

import (
	"context"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// Alliances are the use cases of the alliances themselves.
type Alliances struct {
	DB *store.DB
}

// BySlug gives the alliance with that slug: its public profile. An unknown
// slug is not found.
func (s *Alliances) BySlug(ctx context.Context, slug string) (*domain.Alliance, error) {
	var a *domain.Alliance
	err := s.DB.ReadPlatform(ctx, func(tx *store.Tx) error {
		var err error
		a, err = tx.AllianceBySlug(ctx, slug)
		return err
	})
	return a, err
}

// List gives up to limit alliances, by name, for the product's home page.
func (s *Alliances) List(ctx context.Context, limit int) ([]*domain.Alliance, error) {
	var out []*domain.Alliance
	err := s.DB.InPlatform(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.Alliances(ctx, limit)
		return err
	})
	return out, err
}

// Create makes an alliance whose first admin is the actor.
func (s *Alliances) Create(ctx context.Context, actor Actor, a *domain.Alliance) error {
	now := time.Now().UTC()
	a.ID, a.CreatedAt, a.UpdatedAt = domain.NewID(), now, now
	if a.DefaultLocale == "" {
		a.DefaultLocale = domain.French
	}
	if a.Settings == (domain.AllianceSettings{}) {
		a.Settings = domain.DefaultAllianceSettings()
	}
	if err := a.Validate(); err != nil {
		return err
	}
	// One transaction bound to the new alliance: the registry row, its
	// first admin and the audit entry land together or not at all.
	return s.DB.InTenant(ctx, a.ID, func(tx *store.Tx) error {
		if err := tx.InsertAlliance(ctx, a); err != nil {
			if domain.ErrorCode(err) == domain.CodeConflict {
				return &domain.Error{Code: domain.CodeConflict, Key: "error.conflict.slug_taken",
					Fields: []domain.FieldError{{Field: "slug", Key: "validation.slug_taken"}}}
			}
			return err
		}
		err := tx.InsertMember(ctx, a.ID, &domain.Member{
			UserID: actor.UserID, Roles: []domain.Role{domain.RoleAdmin}, Status: domain.StatusActive,
			Capacity: domain.DefaultMentorCapacity, JoinedAt: now, UpdatedAt: now,
		})
		if err != nil {
			return err
		}
		return tx.InsertAudit(ctx, a.ID, actor.audit(domain.AuditAllianceCreated, a.Slug, map[string]any{"name": a.Name}))
	})
}

// AllianceChange is an admin's change to the profile; nil fields stay.
type AllianceChange struct {
	Name          *string
	Country       *string
	DefaultLocale *domain.Locale
	Settings      *domain.AllianceSettings
	About         map[domain.Locale]string
}

// Update applies an admin's change to the alliance's profile and settings.
func (s *Alliances) Update(ctx context.Context, actor Actor, a *domain.Alliance, c AllianceChange) error {
	changed := map[string]any{}
	if c.Name != nil {
		a.Name, changed["name"] = *c.Name, *c.Name
	}
	if c.Country != nil {
		a.Country, changed["country"] = *c.Country, *c.Country
	}
	if c.DefaultLocale != nil {
		a.DefaultLocale, changed["default_locale"] = *c.DefaultLocale, *c.DefaultLocale
	}
	if c.Settings != nil {
		a.Settings, changed["settings"] = *c.Settings, *c.Settings
	}
	if c.About != nil {
		a.About, changed["about"] = c.About, true
	}
	if err := a.Validate(); err != nil {
		return err
	}
	a.UpdatedAt = time.Now().UTC()
	return s.DB.InTenant(ctx, a.ID, func(tx *store.Tx) error {
		if err := tx.UpdateAlliance(ctx, a); err != nil {
			return err
		}
		return tx.InsertAudit(ctx, a.ID, actor.audit(domain.AuditAllianceUpdated, a.Slug, changed))
	})
}

// All gives every alliance of the platform, for periodic work over them.
func (s *Alliances) All(ctx context.Context) ([]*domain.Alliance, error) {
	var out []*domain.Alliance
	err := s.DB.InPlatform(ctx, func(tx *store.Tx) error {
		var err error
		out, err = tx.Alliances(ctx, 1_000_000)
		return err
	})
	return out, err
}
