package domain

import "time"

// BillingEventKind is what a Stripe event means for an alliance's billing.
type BillingEventKind string

// The kinds of Stripe events the product acts on.
const (
	BillingCheckoutCompleted   BillingEventKind = "checkout_completed"   // a checkout for a subscription ended paid
	BillingSubscriptionChanged BillingEventKind = "subscription_changed" // a subscription was created or updated
	BillingSubscriptionDeleted BillingEventKind = "subscription_deleted" // a subscription ended
	BillingInvoicePaid         BillingEventKind = "invoice_paid"
	BillingPaymentFailed       BillingEventKind = "payment_failed"
)

// BillingEvent is what one Stripe event tells of an alliance's billing, in
// the product's words: the payload of the job that applies it.
type BillingEvent struct {
	ID         string           `json:"id"`
	Type       string           `json:"type"` // Stripe's name of the event, for the records
	Kind       BillingEventKind `json:"kind"`
	Created    time.Time        `json:"created"`
	CustomerID string           `json:"customer_id"`
	// Subscription is the subscription the event is about; for the
	// events of a subscription and for a checkout, with its state as of
	// the event (StateAt is the event's time). For an invoice's events,
	// only its ID is set.
	Subscription Subscription `json:"subscription"`
	InvoiceID    string       `json:"invoice_id,omitempty"`
}
