package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type guideEditionRow struct {
	bun.BaseModel `bun:"table:guide_editions,alias:ge"`

	TenantID    domain.ID  `bun:"tenant_id,pk,type:uuid"`
	Edition     int        `bun:"edition,pk"`
	Note        string     `bun:"note"`
	PublishedBy *domain.ID `bun:"published_by,type:uuid"`
	PublishedAt time.Time  `bun:"published_at"`
}

func (r *guideEditionRow) domain() *domain.GuideEdition {
	e := &domain.GuideEdition{Edition: r.Edition, Note: r.Note, PublishedAt: r.PublishedAt.UTC()}
	if r.PublishedBy != nil {
		e.PublishedBy = *r.PublishedBy
	}
	return e
}

type guideAckRow struct {
	bun.BaseModel `bun:"table:guide_acknowledgements,alias:ga"`

	TenantID       domain.ID `bun:"tenant_id,pk,type:uuid"`
	Edition        int       `bun:"edition,pk"`
	UserID         domain.ID `bun:"user_id,pk,type:uuid"`
	AcknowledgedAt time.Time `bun:"acknowledged_at"`
	IP             string    `bun:"ip"`
	Name           string    `bun:"name,scanonly"`
}

// InsertGuideEdition adds an edition with the next number, and sets that
// number on e.
//
// SECURITY: alliance is the tenant the edition belongs to.
func (t *Tx) InsertGuideEdition(ctx context.Context, alliance domain.ID, e *domain.GuideEdition) error {
	var last int
	err := t.tx.NewSelect().Model((*guideEditionRow)(nil)).ColumnExpr("COALESCE(MAX(edition), 0)").
		Where("tenant_id = ?", alliance).Scan(ctx, &last)
	if err != nil {
		return classify(err)
	}
	e.Edition = last + 1
	row := &guideEditionRow{TenantID: alliance, Edition: e.Edition, Note: e.Note, PublishedAt: e.PublishedAt.UTC()}
	if e.PublishedBy != (domain.ID{}) {
		by := e.PublishedBy
		row.PublishedBy = &by
	}
	_, err = t.tx.NewInsert().Model(row).Exec(ctx)
	return classify(err)
}

// CurrentGuideEdition finds the alliance's latest edition; not found when
// it has published none.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) CurrentGuideEdition(ctx context.Context, alliance domain.ID) (*domain.GuideEdition, error) {
	var r guideEditionRow
	err := t.tx.NewSelect().Model(&r).Where("tenant_id = ?", alliance).Order("edition DESC").Limit(1).Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	return r.domain(), nil
}

// GuideEditions lists every edition, newest first.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) GuideEditions(ctx context.Context, alliance domain.ID) ([]*domain.GuideEdition, error) {
	var rows []guideEditionRow
	if err := t.tx.NewSelect().Model(&rows).Where("tenant_id = ?", alliance).Order("edition DESC").Scan(ctx); err != nil {
		return nil, classify(err)
	}
	out := make([]*domain.GuideEdition, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, nil
}

// InsertGuideAcknowledgement records that a user acknowledged an edition;
// a second acknowledgement of the same edition changes nothing and
// reports false.
//
// SECURITY: alliance is the tenant the acknowledgement belongs to.
func (t *Tx) InsertGuideAcknowledgement(ctx context.Context, alliance domain.ID, a *domain.GuideAcknowledgement) (bool, error) {
	res, err := t.tx.NewInsert().Model(&guideAckRow{
		TenantID: alliance, Edition: a.Edition, UserID: a.UserID, AcknowledgedAt: a.AcknowledgedAt.UTC(), IP: a.IP,
	}).On("CONFLICT DO NOTHING").Exec(ctx)
	if err != nil {
		return false, classify(err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// GuideAcknowledgements lists who acknowledged an edition, with their
// names, first first.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) GuideAcknowledgements(ctx context.Context, alliance domain.ID, edition int) ([]domain.GuideAcknowledgement, error) {
	var rows []guideAckRow
	err := t.tx.NewSelect().Model(&rows).ColumnExpr("ga.*, u.name").Join("JOIN users AS u ON u.id = ga.user_id").
		Where("ga.tenant_id = ? AND ga.edition = ?", alliance, edition).Order("ga.acknowledged_at").Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	out := make([]domain.GuideAcknowledgement, len(rows))
	for i, r := range rows {
		out[i] = domain.GuideAcknowledgement{Edition: r.Edition, UserID: r.UserID, Name: r.Name,
			AcknowledgedAt: r.AcknowledgedAt.UTC(), IP: r.IP}
	}
	return out, nil
}

// GuideAcknowledgementOf finds a user's acknowledgement of an edition; not
// found when they have not acknowledged it.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) GuideAcknowledgementOf(ctx context.Context, alliance domain.ID, edition int, user domain.ID) (*domain.GuideAcknowledgement, error) {
	var r guideAckRow
	err := t.tx.NewSelect().Model(&r).
		Where("ga.tenant_id = ? AND ga.edition = ? AND ga.user_id = ?", alliance, edition, user).Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	return &domain.GuideAcknowledgement{Edition: r.Edition, UserID: r.UserID, AcknowledgedAt: r.AcknowledgedAt.UTC(), IP: r.IP}, nil
}
