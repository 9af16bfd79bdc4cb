package store

import (
	"context"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// MarkReminderSent records that the reminder of kind with key was sent,
// and reports false when it already had been: each reminder goes once.
//
// SECURITY: alliance is the tenant the reminder belongs to.
func (t *Tx) MarkReminderSent(ctx context.Context, alliance domain.ID, kind, key string, at time.Time) (bool, error) {
	res, err := t.tx.NewRaw("INSERT INTO reminders_sent (tenant_id, kind, key, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
		alliance, kind, key, at.UTC()).Exec(ctx)
	if err != nil {
		return false, classify(err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}
