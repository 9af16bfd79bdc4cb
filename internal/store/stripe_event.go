package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// stripeEventRow is a platform row: a Stripe event the product took in,
// kept under its id so that a second delivery is known.
type stripeEventRow struct {
	bun.BaseModel `bun:"table:stripe_events"`

	EventID    string    `bun:"event_id,pk"`
	EventType  string    `bun:"event_type"`
	AllianceID domain.ID `bun:"alliance_id,type:uuid"`
	CreatedAt  time.Time `bun:"created_at"`
	ReceivedAt time.Time `bun:"received_at"`
}

// RecordStripeEvent keeps the id of a Stripe event about an alliance and
// tells whether it is new: false when the event was delivered before. The
// caller writes the event's effect in the same transaction, so that a
// redelivered event has none.
func (t *Tx) RecordStripeEvent(ctx context.Context, alliance domain.ID, e *domain.BillingEvent) (bool, error) {
	res, err := t.tx.NewInsert().Model(&stripeEventRow{
		EventID: e.ID, EventType: e.Type, AllianceID: alliance,
		CreatedAt: e.Created.UTC(), ReceivedAt: time.Now().UTC(),
	}).On("CONFLICT DO NOTHING").Exec(ctx)
	if err != nil {
		return false, classify(err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// PruneStripeEvents deletes the record of the events received before a
// time, and reports how many.
func (t *Tx) PruneStripeEvents(ctx context.Context, receivedBefore time.Time) (int64, error) {
	res, err := t.tx.NewDelete().Model((*stripeEventRow)(nil)).Where("received_at < ?", receivedBefore.UTC()).Exec(ctx)
	if err != nil {
		return 0, classify(err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}
