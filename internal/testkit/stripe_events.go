package testkit

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"
)

// StripeEvent is a Stripe event as Stripe sends it to the webhook, for
// tests: its id, type, creation time and object.
type StripeEvent struct {
	ID         string
	Type       string
	Created    time.Time
	Object     map[string]any
	APIVersion string // empty: the version stripe-go reads
}

// Body gives the event's JSON body.
func (e StripeEvent) Body(t testing.TB) []byte {
	t.Helper()
	version := e.APIVersion
	if version == "" {
		version = stripe.APIVersion
	}
	raw, err := json.Marshal(map[string]any{
		"id": e.ID, "object": "event", "api_version": version, "created": e.Created.Unix(),
		"type": e.Type, "livemode": false, "pending_webhooks": 1, "data": map[string]any{"object": e.Object},
	})
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// StripeSignature gives the Stripe-Signature header Stripe would send with
// body, signed with secret at the time given, through stripe-go's own test
// helper.
func StripeSignature(body []byte, secret string, at time.Time) string {
	return webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: secret, Timestamp: at}).Header
}

// StripeSubscription is a subscription object of customer with one item
// at price.
func StripeSubscription(id, customer, status, price string, periodEnd time.Time) map[string]any {
	return map[string]any{
		"id": id, "object": "subscription", "customer": customer, "status": status,
		"cancel_at_period_end": false, "current_period_end": periodEnd.Unix(),
		"items": map[string]any{"object": "list", "data": []any{map[string]any{
			"id": "si_" + id, "object": "subscription_item", "price": map[string]any{"id": price, "object": "price"},
		}}},
	}
}

// StripeInvoice is an invoice object of customer for a subscription.
func StripeInvoice(id, customer, subscription string) map[string]any {
	return map[string]any{"id": id, "object": "invoice", "customer": customer, "subscription": subscription}
}

// StripeCheckout is a completed, paid checkout session of customer that
// started a subscription to plan.
func StripeCheckout(id, customer, subscription, plan string) map[string]any {
	return map[string]any{
		"id": id, "object": "checkout.session", "customer": customer, "subscription": subscription,
		"mode": "subscription", "status": "complete", "payment_status": "paid", "metadata": map[string]any{"plan": plan},
	}
}
