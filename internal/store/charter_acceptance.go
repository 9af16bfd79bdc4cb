package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type acceptanceRow struct {
	bun.BaseModel `bun:"table:charter_acceptances,alias:ca"`

	TenantID   domain.ID `bun:"tenant_id,pk,type:uuid"`
	Version    int       `bun:"version,pk"`
	UserID     domain.ID `bun:"user_id,pk,type:uuid"`
	AcceptedAt time.Time `bun:"accepted_at"`
	IP         string    `bun:"ip"`
	Name       string    `bun:"name,scanonly"`
}

// InsertCharterAcceptance records that a user accepted a version; a second
// acceptance of the same version changes nothing and reports false.
//
// SECURITY: alliance is the tenant the acceptance belongs to.
func (t *Tx) InsertCharterAcceptance(ctx context.Context, alliance domain.ID, a *domain.CharterAcceptance) (bool, error) {
	res, err := t.tx.NewInsert().Model(&acceptanceRow{
		TenantID: alliance, Version: a.Version, UserID: a.UserID, AcceptedAt: a.AcceptedAt.UTC(), IP: a.IP,
	}).On("CONFLICT DO NOTHING").Exec(ctx)
	if err != nil {
		return false, classify(err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// CharterAcceptances lists who accepted a version, with their names.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) CharterAcceptances(ctx context.Context, alliance domain.ID, version int) ([]domain.CharterAcceptance, error) {
	var rows []acceptanceRow
	err := t.tx.NewSelect().Model(&rows).ColumnExpr("ca.*, u.name").Join("JOIN users AS u ON u.id = ca.user_id").
		Where("ca.tenant_id = ? AND ca.version = ?", alliance, version).Order("ca.accepted_at").Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	out := make([]domain.CharterAcceptance, len(rows))
	for i, r := range rows {
		out[i] = domain.CharterAcceptance{Version: r.Version, UserID: r.UserID, Name: r.Name, AcceptedAt: r.AcceptedAt.UTC(), IP: r.IP}
	}
	return out, nil
}

// HasAcceptedCharter tells whether a user accepted the alliance's
// published version.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) HasAcceptedCharter(ctx context.Context, alliance, user domain.ID) (bool, error) {
	ok, err := t.tx.NewSelect().Model((*acceptanceRow)(nil)).
		Join("JOIN charter_versions AS cv ON cv.tenant_id = ca.tenant_id AND cv.version = ca.version").
		Where("ca.tenant_id = ? AND ca.user_id = ? AND cv.status = ?", alliance, user, string(domain.CharterPublished)).
		Exists(ctx)
	return ok, classify(err)
}

// CharterAcceptanceOf finds a user's acceptance of a version; not found
// when they have not accepted it.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) CharterAcceptanceOf(ctx context.Context, alliance domain.ID, version int, user domain.ID) (*domain.CharterAcceptance, error) {
	var r acceptanceRow
	err := t.tx.NewSelect().Model(&r).
		Where("ca.tenant_id = ? AND ca.version = ? AND ca.user_id = ?", alliance, version, user).Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	return &domain.CharterAcceptance{Version: r.Version, UserID: r.UserID, AcceptedAt: r.AcceptedAt.UTC(), IP: r.IP}, nil
}
