package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type allianceRow struct {
	bun.BaseModel `bun:"table:alliances"`

	ID            domain.ID                `bun:"id,pk,type:uuid"`
	Slug          string                   `bun:"slug"`
	Name          string                   `bun:"name"`
	Country       string                   `bun:"country"`
	DefaultLocale string                   `bun:"default_locale"`
	Settings      domain.AllianceSettings  `bun:"settings"`
	About         map[domain.Locale]string `bun:"about"`
	CreatedAt     time.Time                `bun:"created_at"`
	UpdatedAt     time.Time                `bun:"updated_at"`
}

func (r *allianceRow) domain() *domain.Alliance {
	return &domain.Alliance{
		ID: r.ID, Slug: r.Slug, Name: r.Name, Country: r.Country,
		DefaultLocale: domain.Locale(r.DefaultLocale), Settings: r.Settings, About: r.About,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
}

func allianceRowOf(a *domain.Alliance) *allianceRow {
	about := a.About
	if about == nil {
		about = map[domain.Locale]string{}
	}
	return &allianceRow{
		ID: a.ID, Slug: a.Slug, Name: a.Name, Country: a.Country,
		DefaultLocale: string(a.DefaultLocale), Settings: a.Settings, About: about,
		CreatedAt: a.CreatedAt.UTC(), UpdatedAt: a.UpdatedAt.UTC(),
	}
}

// AllianceBySlug finds an alliance by its slug; not found when none has it.
func (t *Tx) AllianceBySlug(ctx context.Context, slug string) (*domain.Alliance, error) {
	var r allianceRow
	if err := t.tx.NewSelect().Model(&r).Where("slug = ?", slug).Scan(ctx); err != nil {
		return nil, classify(err)
	}
	return r.domain(), nil
}

// InsertAlliance adds an alliance; a taken slug is a conflict.
func (t *Tx) InsertAlliance(ctx context.Context, a *domain.Alliance) error {
	_, err := t.tx.NewInsert().Model(allianceRowOf(a)).Exec(ctx)
	return classify(err)
}

// CountAlliances counts the alliances of the platform.
func (t *Tx) CountAlliances(ctx context.Context) (int64, error) {
	n, err := t.tx.NewSelect().Model((*allianceRow)(nil)).Count(ctx)
	return n, classify(err)
}

// UpdateAlliance saves an alliance's profile and settings.
func (t *Tx) UpdateAlliance(ctx context.Context, a *domain.Alliance) error {
	_, err := t.tx.NewUpdate().Model(allianceRowOf(a)).
		Column("name", "country", "default_locale", "settings", "about", "updated_at").
		WherePK().Exec(ctx)
	return classify(err)
}

// Alliances lists up to limit alliances by name.
func (t *Tx) Alliances(ctx context.Context, limit int) ([]*domain.Alliance, error) {
	var rows []allianceRow
	if err := t.tx.NewSelect().Model(&rows).Order("name").Limit(int64(limit)).Scan(ctx); err != nil {
		return nil, classify(err)
	}
	out := make([]*domain.Alliance, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, nil
}

// AllianceByID finds an alliance by its id.
func (t *Tx) AllianceByID(ctx context.Context, id domain.ID) (*domain.Alliance, error) {
	var r allianceRow
	if err := t.tx.NewSelect().Model(&r).Where("id = ?", id).Scan(ctx); err != nil {
		return nil, classify(err)
	}
	return r.domain(), nil
}
