package domain

import "time"

// Invoice is what the product knows of one Stripe invoice of a
// subscription: when its payment first failed, and when it was paid. Paid
// is final, so that the events of one invoice give the same state in any
// order.
type Invoice struct {
	ID             string
	SubscriptionID string
	FailedAt       *time.Time // the first failed payment, by the time of its Stripe event
	PaidAt         *time.Time
	// GraceEndedAt is when the product recorded that the grace period of
	// this unpaid invoice was over.
	GraceEndedAt *time.Time
}

// Failing tells whether a payment of the invoice failed and it is still
// unpaid.
func (i *Invoice) Failing() bool { return i.FailedAt != nil && i.PaidAt == nil }

// PaymentFailed records a failed payment at the time of its event, and
// tells whether the invoice is failing because of it: false when the
// invoice is already paid.
func (i *Invoice) PaymentFailed(at time.Time) bool {
	if i.PaidAt != nil {
		return false
	}
	if i.FailedAt == nil || at.Before(*i.FailedAt) {
		i.FailedAt = &at
	}
	return true
}

// Paid records the payment at the time of its event, and tells whether it
// is news.
func (i *Invoice) Paid(at time.Time) bool {
	if i.PaidAt != nil {
		return false
	}
	i.PaidAt = &at
	return true
}
