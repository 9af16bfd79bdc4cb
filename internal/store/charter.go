package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type charterRow struct {
	bun.BaseModel `bun:"table:charter_versions,alias:cv"`

	TenantID    domain.ID                `bun:"tenant_id,pk,type:uuid"`
	Version     int                      `bun:"version,pk"`
	Status      string                   `bun:"status"`
	Bodies      map[domain.Locale]string `bun:"bodies"`
	CreatedBy   *domain.ID               `bun:"created_by,type:uuid"`
	CreatedAt   time.Time                `bun:"created_at"`
	UpdatedAt   time.Time                `bun:"updated_at"`
	PublishedAt *time.Time               `bun:"published_at"`
}

func (r *charterRow) domain() *domain.CharterVersion {
	v := &domain.CharterVersion{
		AllianceID: r.TenantID, Version: r.Version, Status: domain.CharterStatus(r.Status), Bodies: r.Bodies,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), PublishedAt: r.PublishedAt,
	}
	if r.CreatedBy != nil {
		v.CreatedBy = *r.CreatedBy
	}
	return v
}

// InsertCharterVersion adds a version with the next number, and gives
// that number.
//
// SECURITY: alliance is the tenant the version belongs to.
func (t *Tx) InsertCharterVersion(ctx context.Context, alliance domain.ID, v *domain.CharterVersion) error {
	var last int
	err := t.tx.NewSelect().Model((*charterRow)(nil)).ColumnExpr("COALESCE(MAX(version), 0)").
		Where("tenant_id = ?", alliance).Scan(ctx, &last)
	if err != nil {
		return classify(err)
	}
	v.Version = last + 1
	row := &charterRow{TenantID: alliance, Version: v.Version, Status: string(v.Status), Bodies: v.Bodies,
		CreatedAt: v.CreatedAt.UTC(), UpdatedAt: v.UpdatedAt.UTC(), PublishedAt: v.PublishedAt}
	if v.CreatedBy != (domain.ID{}) {
		by := v.CreatedBy
		row.CreatedBy = &by
	}
	_, err = t.tx.NewInsert().Model(row).Exec(ctx)
	return classify(err)
}

// CharterVersion finds one version of the alliance's charter.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) CharterVersion(ctx context.Context, alliance domain.ID, version int) (*domain.CharterVersion, error) {
	var r charterRow
	if err := t.tx.NewSelect().Model(&r).Where("tenant_id = ? AND version = ?", alliance, version).Scan(ctx); err != nil {
		return nil, classify(err)
	}
	return r.domain(), nil
}

// CurrentCharter finds the alliance's published version; not found when
// none is.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) CurrentCharter(ctx context.Context, alliance domain.ID) (*domain.CharterVersion, error) {
	var r charterRow
	err := t.tx.NewSelect().Model(&r).
		Where("tenant_id = ? AND status = ?", alliance, string(domain.CharterPublished)).Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	return r.domain(), nil
}

// CharterVersions lists every version of the alliance's charter, newest
// first.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) CharterVersions(ctx context.Context, alliance domain.ID) ([]*domain.CharterVersion, error) {
	var rows []charterRow
	if err := t.tx.NewSelect().Model(&rows).Where("tenant_id = ?", alliance).Order("version DESC").Scan(ctx); err != nil {
		return nil, classify(err)
	}
	out := make([]*domain.CharterVersion, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, nil
}

// UpdateCharterDraft replaces a draft's texts; a version that is not a
// draft is a conflict.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) UpdateCharterDraft(ctx context.Context, alliance domain.ID, version int, bodies map[domain.Locale]string, at time.Time) error {
	res, err := t.tx.NewUpdate().Model((*charterRow)(nil)).
		Set("bodies = ?", bodies).Set("updated_at = ?", at.UTC()).
		Where("tenant_id = ? AND version = ? AND status = ?", alliance, version, string(domain.CharterDraft)).Exec(ctx)
	return affectedOne(res, err)
}

// PublishCharter makes a draft the published version and supersedes the
// one before; a version that is not a draft is a conflict.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) PublishCharter(ctx context.Context, alliance domain.ID, version int, at time.Time) error {
	_, err := t.tx.NewUpdate().Model((*charterRow)(nil)).Set("status = ?", string(domain.CharterSuperseded)).
		Where("tenant_id = ? AND status = ?", alliance, string(domain.CharterPublished)).Exec(ctx)
	if err != nil {
		return classify(err)
	}
	res, err := t.tx.NewUpdate().Model((*charterRow)(nil)).
		Set("status = ?", string(domain.CharterPublished)).Set("published_at = ?", at.UTC()).Set("updated_at = ?", at.UTC()).
		Where("tenant_id = ? AND version = ? AND status = ?", alliance, version, string(domain.CharterDraft)).Exec(ctx)
	return affectedOne(res, err)
}

// SupersedeCharter marks a draft superseded without publishing it, for a
// history loaded from a tenant folder.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) SupersedeCharter(ctx context.Context, alliance domain.ID, version int, at time.Time) error {
	res, err := t.tx.NewUpdate().Model((*charterRow)(nil)).
		Set("status = ?", string(domain.CharterSuperseded)).Set("published_at = ?", at.UTC()).
		Where("tenant_id = ? AND version = ?", alliance, version).Exec(ctx)
	return affectedOne(res, err)
}
