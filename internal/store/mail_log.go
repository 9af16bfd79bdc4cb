package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// MailLogEntry is a mail the product sent (or, without SMTP, wrote to the
// log) on an alliance's behalf, kept for its administrators to read.
type MailLogEntry struct {
	bun.BaseModel `bun:"table:mail_log"`

	TenantID  domain.ID `bun:"tenant_id,pk,type:uuid"`
	ID        domain.ID `bun:"id,pk,type:uuid"`
	OutboxID  domain.ID `bun:"outbox_id,type:uuid"`
	To        string    `bun:"to_address"`
	Subject   string    `bun:"subject"`
	BodyText  string    `bun:"body_text"`
	Transport string    `bun:"transport"`
	CreatedAt time.Time `bun:"created_at"`
}

// MailSent tells whether the mail of an outbox job was already recorded.
//
// SECURITY: alliance scopes the lookup to one alliance's mails.
func (t *Tx) MailSent(ctx context.Context, alliance, outboxID domain.ID) (bool, error) {
	ok, err := t.tx.NewSelect().Model((*MailLogEntry)(nil)).
		Where("tenant_id = ? AND outbox_id = ?", alliance, outboxID).Exists(ctx)
	return ok, classify(err)
}

// InsertMailLog records a mail of the alliance; a second record for the same
// outbox job is a conflict.
//
// SECURITY: alliance is the tenant the entry belongs to.
func (t *Tx) InsertMailLog(ctx context.Context, alliance domain.ID, e *MailLogEntry) error {
	e.TenantID = alliance
	_, err := t.tx.NewInsert().Model(e).Exec(ctx)
	return classify(err)
}

// MailLog lists the alliance's mails, newest first.
//
// SECURITY: alliance scopes the list to one alliance's mails.
func (t *Tx) MailLog(ctx context.Context, alliance domain.ID, limit int) ([]MailLogEntry, error) {
	var out []MailLogEntry
	err := t.tx.NewSelect().Model(&out).Where("tenant_id = ?", alliance).
		Order("created_at DESC").Limit(int64(limit)).Scan(ctx)
	return out, classify(err)
}
