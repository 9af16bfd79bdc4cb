package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// billingCustomerRow is a platform row: the Stripe customer of one
// alliance, found by either.
type billingCustomerRow struct {
	bun.BaseModel `bun:"table:billing_customers"`

	CustomerID string    `bun:"customer_id,pk"`
	AllianceID domain.ID `bun:"alliance_id,type:uuid"`
	CreatedAt  time.Time `bun:"created_at"`
}

// InsertBillingCustomer records the Stripe customer of an alliance and
// tells whether this call recorded it: false when the alliance has one
// already (two requests that raced to create it got the same customer from
// Stripe's idempotency key).
func (t *Tx) InsertBillingCustomer(ctx context.Context, alliance domain.ID, customerID string) (bool, error) {
	res, err := t.tx.NewInsert().Model(&billingCustomerRow{
		CustomerID: customerID, AllianceID: alliance, CreatedAt: time.Now().UTC(),
	}).On("CONFLICT DO NOTHING").Exec(ctx)
	if err != nil {
		return false, classify(err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// BillingCustomerOf gives the Stripe customer id of an alliance; not found
// when it has none yet.
func (t *Tx) BillingCustomerOf(ctx context.Context, alliance domain.ID) (string, error) {
	var r billingCustomerRow
	if err := t.tx.NewSelect().Model(&r).Where("alliance_id = ?", alliance).Scan(ctx); err != nil {
		return "", classify(err)
	}
	return r.CustomerID, nil
}

// AllianceOfCustomer gives the alliance of a Stripe customer; not found
// for a customer the product did not create.
func (t *Tx) AllianceOfCustomer(ctx context.Context, customerID string) (domain.ID, error) {
	var r billingCustomerRow
	if err := t.tx.NewSelect().Model(&r).Where("customer_id = ?", customerID).Scan(ctx); err != nil {
		return domain.ID{}, classify(err)
	}
	return r.AllianceID, nil
}

// AlliancesWithCustomers lists the alliances that have a Stripe customer:
// the only ones whose billing can change.
func (t *Tx) AlliancesWithCustomers(ctx context.Context) ([]domain.ID, error) {
	var ids []domain.ID
	err := t.tx.NewSelect().Model((*billingCustomerRow)(nil)).Column("alliance_id").Order("alliance_id").Scan(ctx, &ids)
	return ids, classify(err)
}
