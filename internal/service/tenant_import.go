package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// Tenants loads alliance folders (see the tenants/ folder of the product).
type Tenants struct {
	DB *store.DB
}

// tenantProfile is the alliance.json file of an alliance folder.
type tenantProfile struct {
	Slug          string                   `json:"slug"`
	Name          string                   `json:"name"`
	Country       string                   `json:"country"`
	DefaultLocale domain.Locale            `json:"default_locale"`
	Settings      *domain.AllianceSettings `json:"settings"`
	About         map[domain.Locale]string `json:"about"`
}

// Import loads the alliance folder fsys. It is idempotent: an alliance
// whose slug exists is updated to match the folder, not duplicated. It
// reports the alliance and whether it was created.
func (s *Tenants) Import(ctx context.Context, fsys fs.FS) (*domain.Alliance, bool, error) {
	raw, err := fs.ReadFile(fsys, "alliance.json")
	if err != nil {
		return nil, false, fmt.Errorf("alliance.json: %w", err)
	}
	var p tenantProfile
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, false, fmt.Errorf("alliance.json: %w", err)
	}
	now := time.Now().UTC()
	a := &domain.Alliance{
		ID: domain.NewID(), Slug: p.Slug, Name: p.Name, Country: p.Country,
		DefaultLocale: p.DefaultLocale, Settings: domain.DefaultAllianceSettings(),
		About: p.About, CreatedAt: now, UpdatedAt: now,
	}
	if p.Settings != nil {
		a.Settings = *p.Settings
	}
	if err := a.Validate(); err != nil {
		return nil, false, fmt.Errorf("alliance.json: %w", err)
	}
	created := false
	err = s.DB.InPlatform(ctx, func(tx *store.Tx) error {
		existing, err := tx.AllianceBySlug(ctx, a.Slug)
		if domain.ErrorCode(err) == domain.CodeNotFound {
			created = true
			return tx.InsertAlliance(ctx, a)
		}
		if err != nil {
			return err
		}
		a.ID, a.CreatedAt = existing.ID, existing.CreatedAt
		return tx.UpdateAlliance(ctx, a)
	})
	if err != nil {
		return nil, false, err
	}
	if err := s.importCharter(ctx, a, fsys); err != nil {
		return nil, false, err
	}
	if err := s.importGuide(ctx, a, fsys); err != nil {
		return nil, false, err
	}
	if err := s.importCohorts(ctx, a, fsys); err != nil {
		return nil, false, err
	}
	return a, created, nil
}

// importCharter loads charter/v1.fr.md, v1.en.md, v2.… as the alliance's
// charter versions, the last one published, when the alliance has none
// yet; an alliance that has written its own is left as it is.
func (s *Tenants) importCharter(ctx context.Context, a *domain.Alliance, fsys fs.FS) error {
	var versions []map[domain.Locale]string
	for n := 1; ; n++ {
		bodies := map[domain.Locale]string{}
		for _, loc := range domain.Locales {
			raw, err := fs.ReadFile(fsys, fmt.Sprintf("charter/v%d.%s.md", n, loc))
			if err == nil {
				bodies[loc] = string(raw)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		if len(bodies) == 0 {
			break
		}
		if err := domain.ValidateCharterBodies(bodies); err != nil {
			return fmt.Errorf("charter v%d: %w", n, err)
		}
		versions = append(versions, bodies)
	}
	if len(versions) == 0 {
		return nil
	}
	return s.DB.InTenant(ctx, a.ID, func(tx *store.Tx) error {
		existing, err := tx.CharterVersions(ctx, a.ID)
		if err != nil || len(existing) > 0 {
			return err
		}
		now := time.Now().UTC()
		for i, bodies := range versions {
			v := &domain.CharterVersion{Status: domain.CharterDraft, Bodies: bodies, CreatedAt: now, UpdatedAt: now}
			if err := tx.InsertCharterVersion(ctx, a.ID, v); err != nil {
				return err
			}
			if i == len(versions)-1 {
				if err := tx.PublishCharter(ctx, a.ID, v.Version, now); err != nil {
					return err
				}
			} else if err := tx.SupersedeCharter(ctx, a.ID, v.Version, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// DemoAccount is the admin account made with the demo alliance, so that a
// person trying the product can run it.
type DemoAccount struct {
	Email    string
	Password string
}

// ImportDemoIfEmpty loads the folder only when the platform has no
// alliance yet, as on a product's first start, with an admin account whose
// random password it gives back (nil when it loaded nothing).
func (s *Tenants) ImportDemoIfEmpty(ctx context.Context, fsys fs.FS) (*DemoAccount, error) {
	var n int64
	err := s.DB.InPlatform(ctx, func(tx *store.Tx) error {
		var err error
		n, err = tx.CountAlliances(ctx)
		return err
	})
	if err != nil || n > 0 {
		return nil, err
	}
	a, _, err := s.Import(ctx, fsys)
	if err != nil {
		return nil, err
	}
	account := &DemoAccount{Email: "admin@" + a.Slug + ".example", Password: auth.NewToken()[:20]}
	hash, err := auth.HashPassword(account.Password)
	if err != nil {
		return nil, domain.Internal(err)
	}
	now := time.Now().UTC()
	u := &domain.User{ID: domain.NewID(), Email: account.Email, Name: "Admin " + a.Name, Locale: a.DefaultLocale, CreatedAt: now}
	err = s.DB.InTenant(ctx, a.ID, func(tx *store.Tx) error {
		if err := tx.InsertUser(ctx, u, hash); err != nil {
			return err
		}
		return tx.InsertMember(ctx, a.ID, &domain.Member{
			UserID: u.ID, Roles: []domain.Role{domain.RoleAdmin}, Status: domain.StatusActive,
			Capacity: domain.DefaultMentorCapacity, JoinedAt: now, UpdatedAt: now,
		})
	})
	if err != nil {
		return nil, err
	}
	return account, nil
}
