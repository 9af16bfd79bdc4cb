package service

import (
	"context"

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
	err := s.DB.InPlatform(ctx, func(tx *store.Tx) error {
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
