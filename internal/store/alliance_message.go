package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type allianceMessageRow struct {
	bun.BaseModel `bun:"table:alliance_messages,alias:am"`

	TenantID  domain.ID  `bun:"tenant_id,pk,type:uuid"`
	Key       string     `bun:"key,pk"`
	Locale    string     `bun:"locale,pk"`
	Subject   string     `bun:"subject"`
	Body      string     `bun:"body"`
	UpdatedBy *domain.ID `bun:"updated_by,type:uuid"`
	UpdatedAt time.Time  `bun:"updated_at"`
}

// AllianceMessage is an alliance's own wording of one of the product's
// mails, in one language.
type AllianceMessage struct {
	Key, Subject, Body string
	Locale             domain.Locale
	UpdatedAt          time.Time
}

// AllianceMessages lists the alliance's own wordings.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) AllianceMessages(ctx context.Context, alliance domain.ID) ([]AllianceMessage, error) {
	var rows []allianceMessageRow
	if err := t.tx.NewSelect().Model(&rows).Where("tenant_id = ?", alliance).Order("key", "locale").Scan(ctx); err != nil {
		return nil, classify(err)
	}
	out := make([]AllianceMessage, len(rows))
	for i, r := range rows {
		out[i] = AllianceMessage{Key: r.Key, Locale: domain.Locale(r.Locale), Subject: r.Subject, Body: r.Body, UpdatedAt: r.UpdatedAt.UTC()}
	}
	return out, nil
}

// SaveAllianceMessage sets the alliance's wording of a mail in a language.
//
// SECURITY: alliance is the tenant the wording belongs to.
func (t *Tx) SaveAllianceMessage(ctx context.Context, alliance, by domain.ID, m AllianceMessage) error {
	_, err := t.tx.NewInsert().Model(&allianceMessageRow{TenantID: alliance, Key: m.Key, Locale: string(m.Locale),
		Subject: m.Subject, Body: m.Body, UpdatedBy: &by, UpdatedAt: m.UpdatedAt.UTC()}).
		On("CONFLICT (tenant_id, key, locale) DO UPDATE").
		Set("subject = EXCLUDED.subject, body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at").
		Exec(ctx)
	return classify(err)
}

// DeleteAllianceMessage goes back to the product's wording of a mail.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) DeleteAllianceMessage(ctx context.Context, alliance domain.ID, key string, loc domain.Locale) error {
	_, err := t.tx.NewDelete().Model((*allianceMessageRow)(nil)).
		Where("tenant_id = ? AND key = ? AND locale = ?", alliance, key, string(loc)).Exec(ctx)
	return classify(err)
}
