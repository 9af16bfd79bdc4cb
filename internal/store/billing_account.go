package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// subscriptionRow is what Stripe's events told of one subscription of an
// alliance.
type subscriptionRow struct {
	bun.BaseModel `bun:"table:billing_subscriptions"`

	TenantID          domain.ID  `bun:"tenant_id,pk,type:uuid"`
	SubscriptionID    string     `bun:"subscription_id,pk"`
	Plan              string     `bun:"plan"`
	Status            string     `bun:"status"`
	PeriodEnd         *time.Time `bun:"period_end"`
	CancelAtPeriodEnd bool       `bun:"cancel_at_period_end"`
	StateAt           time.Time  `bun:"state_at"`
	UpdatedAt         time.Time  `bun:"updated_at"`
}

// invoiceRow is what Stripe's events told of one invoice of an alliance.
type invoiceRow struct {
	bun.BaseModel `bun:"table:billing_invoices"`

	TenantID       domain.ID  `bun:"tenant_id,pk,type:uuid"`
	InvoiceID      string     `bun:"invoice_id,pk"`
	SubscriptionID string     `bun:"subscription_id"`
	FailedAt       *time.Time `bun:"failed_at"`
	PaidAt         *time.Time `bun:"paid_at"`
	GraceEndedAt   *time.Time `bun:"grace_ended_at"`
}

// BillingAccount reads what the product knows of an alliance's
// subscriptions and invoices.
//
// SECURITY: alliance scopes the reading to one alliance.
func (t *Tx) BillingAccount(ctx context.Context, alliance domain.ID) (*domain.BillingAccount, error) {
	var subs []subscriptionRow
	if err := t.tx.NewSelect().Model(&subs).Where("tenant_id = ?", alliance).Order("state_at", "subscription_id").Scan(ctx); err != nil {
		return nil, classify(err)
	}
	var invs []invoiceRow
	if err := t.tx.NewSelect().Model(&invs).Where("tenant_id = ?", alliance).Order("invoice_id").Scan(ctx); err != nil {
		return nil, classify(err)
	}
	out := &domain.BillingAccount{}
	for _, r := range subs {
		out.Subscriptions = append(out.Subscriptions, domain.Subscription{
			ID: r.SubscriptionID, Plan: domain.PaidPlan(r.Plan), Status: domain.SubscriptionStatus(r.Status),
			PeriodEnd: utcOrNil(r.PeriodEnd), CancelAtPeriodEnd: r.CancelAtPeriodEnd, StateAt: r.StateAt.UTC(),
		})
	}
	for _, r := range invs {
		out.Invoices = append(out.Invoices, domain.Invoice{
			ID: r.InvoiceID, SubscriptionID: r.SubscriptionID,
			FailedAt: utcOrNil(r.FailedAt), PaidAt: utcOrNil(r.PaidAt), GraceEndedAt: utcOrNil(r.GraceEndedAt),
		})
	}
	return out, nil
}

// SaveSubscription writes the state of a subscription of the alliance,
// replacing the one kept.
//
// SECURITY: alliance is the tenant the subscription belongs to.
func (t *Tx) SaveSubscription(ctx context.Context, alliance domain.ID, s *domain.Subscription) error {
	_, err := t.tx.NewInsert().Model(&subscriptionRow{
		TenantID: alliance, SubscriptionID: s.ID, Plan: string(s.Plan), Status: string(s.Status),
		PeriodEnd: utcOrNil(s.PeriodEnd), CancelAtPeriodEnd: s.CancelAtPeriodEnd,
		StateAt: s.StateAt.UTC(), UpdatedAt: time.Now().UTC(),
	}).On("CONFLICT (tenant_id, subscription_id) DO UPDATE").
		Set("plan = EXCLUDED.plan").Set("status = EXCLUDED.status").Set("period_end = EXCLUDED.period_end").
		Set("cancel_at_period_end = EXCLUDED.cancel_at_period_end").Set("state_at = EXCLUDED.state_at").
		Set("updated_at = EXCLUDED.updated_at").Exec(ctx)
	return classify(err)
}

// SaveInvoice writes the state of an invoice of the alliance, replacing
// the one kept.
//
// SECURITY: alliance is the tenant the invoice belongs to.
func (t *Tx) SaveInvoice(ctx context.Context, alliance domain.ID, inv *domain.Invoice) error {
	_, err := t.tx.NewInsert().Model(&invoiceRow{
		TenantID: alliance, InvoiceID: inv.ID, SubscriptionID: inv.SubscriptionID,
		FailedAt: utcOrNil(inv.FailedAt), PaidAt: utcOrNil(inv.PaidAt), GraceEndedAt: utcOrNil(inv.GraceEndedAt),
	}).On("CONFLICT (tenant_id, invoice_id) DO UPDATE").
		Set("subscription_id = EXCLUDED.subscription_id").Set("failed_at = EXCLUDED.failed_at").
		Set("paid_at = EXCLUDED.paid_at").Set("grace_ended_at = EXCLUDED.grace_ended_at").Exec(ctx)
	return classify(err)
}

// utcOrNil gives t in UTC, or nil.
func utcOrNil(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
