package web

import (
	"maps"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

// TestStripeWebhookRefusesWhatStripeDidNotSign: a signature for another
// secret, a tampered body, an old or missing signature, and a signed body
// that is no event each get 400 with their own message, are logged, and
// change nothing.
func TestStripeWebhookRefusesWhatStripeDidNotSign(t *testing.T) {
	e := newBillingEnv(t)
	customer := e.customer(e.a)
	now := time.Now()
	body := e.event("customer.subscription.created", now, testkit.StripeSubscription("sub_1", customer, "active", billingPriceMonthly, now.Add(720*time.Hour))).Body(t)
	signed := func(b []byte, secret string, at time.Time) string { return testkit.StripeSignature(b, secret, at) }
	tests := []struct {
		name      string
		body      []byte
		signature string
		detail    string
	}{
		{"another secret", body, signed(body, "whsec_someone_else", now), "The request’s Stripe signature is missing or not valid."},
		{"a tampered body", []byte(strings.Replace(string(body), `"active"`, `"trialing"`, 1)), signed(body, billingSecret, now), "The request’s Stripe signature is missing or not valid."},
		{"a signature of 6 minutes ago", body, signed(body, billingSecret, now.Add(-6*time.Minute)), "The request’s Stripe signature is too old."},
		{"no signature", body, "", "The request’s Stripe signature is missing or not valid."},
		{"a malformed body", []byte(`{"id": "evt_x", "type":`), signed([]byte(`{"id": "evt_x", "type":`), billingSecret, now), "The request’s body is not a Stripe event."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := e.rows(e.a)
			logged := len(e.log.Records("request failed"))
			got := e.webhook(tc.body, tc.signature)
			if got.Status != http.StatusBadRequest || got.Detail != tc.detail {
				t.Fatalf("%v; want 400 %q", got, tc.detail)
			}
			if after := e.rows(e.a); !maps.Equal(after, before) {
				t.Fatalf("rows changed:\nbefore %v\nafter  %v", before, after)
			}
			if records := e.log.Records("request failed"); len(records) != logged+1 || records[logged]["code"] != "malformed" {
				t.Fatalf("log %v; want the failure logged", records[logged:])
			}
		})
	}
}

// TestStripeWebhookAcknowledgesSignedEvents: a signed event is answered
// 200 whatever becomes of it: queued, a second delivery (which writes
// nothing more), a kind the product does not handle or an unknown
// customer (logged, nothing written); one in another API version raises
// an alert in the log.
func TestStripeWebhookAcknowledgesSignedEvents(t *testing.T) {
	e := newBillingEnv(t)
	customer := e.customer(e.a)
	now := time.Now()
	first := e.event("customer.subscription.created", now, testkit.StripeSubscription("sub_1", customer, "active", billingPriceMonthly, now.Add(720*time.Hour)))
	other := e.event("invoice.paid", now, testkit.StripeInvoice("in_1", customer, "sub_1"))
	other.APIVersion = "2020-08-27"
	tests := []struct {
		name    string
		event   testkit.StripeEvent
		outcome string
		writes  bool
	}{
		{"first delivery", first, "queued", true},
		{"second delivery", first, "duplicate", false},
		{"a kind not handled", e.event("charge.refunded", now, map[string]any{"id": "ch_1", "object": "charge", "customer": customer}), "unhandled", false},
		{"an unknown customer", e.event("customer.subscription.updated", now,
			testkit.StripeSubscription("sub_9", "cus_nobody", "active", billingPriceMonthly, now)), "unknown_customer", false},
		{"another API version", other, "queued", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := e.rows(e.a)
			body := tc.event.Body(t)
			got := e.webhook(body, testkit.StripeSignature(body, billingSecret, now))
			if got.Status != http.StatusOK || got.body != `{"received":true}` {
				t.Fatalf("%v; want 200", got)
			}
			records := e.log.Records("stripe event")
			if last := records[len(records)-1]; last["event"] != tc.event.ID || last["outcome"] != tc.outcome {
				t.Fatalf("logged %v; want %s %s", last, tc.event.ID, tc.outcome)
			}
			if after := e.rows(e.a); maps.Equal(after, before) == tc.writes {
				t.Fatalf("rows before %v, after %v; want written: %v", before, after, tc.writes)
			}
		})
	}
	alerts := e.log.Records("alert: stripe event in another API version")
	if len(alerts) != 1 || alerts[0]["api_version"] != "2020-08-27" || alerts[0]["level"] != "ERROR" {
		t.Fatalf("alerts %v; want one, for the event in 2020-08-27", alerts)
	}
}

// TestStripeWebhookOutOfOrderOverHTTP: updated before created, and deleted
// before updated, through the webhook and its jobs: the API shows the
// state the events describe.
func TestStripeWebhookOutOfOrderOverHTTP(t *testing.T) {
	e := newBillingEnv(t)
	customer := e.customer(e.a)
	t1 := time.Now().Add(-time.Hour).Truncate(time.Second)
	t2, t3 := t1.Add(time.Minute), t1.Add(2*time.Minute)
	sub := func(status string, periodEnd time.Time) map[string]any {
		return testkit.StripeSubscription("sub_1", customer, status, billingPriceYearly, periodEnd)
	}
	periodEnd := t2.Add(365 * 24 * time.Hour)
	e.deliver(e.event("customer.subscription.updated", t2, sub("active", periodEnd)))
	e.deliver(e.event("customer.subscription.created", t1, sub("incomplete", t1)))
	v := e.billingOf(e.a)
	if v.Plan != domain.PlanAlliance || v.Status != "active" || v.PaidPlan == nil || *v.PaidPlan != domain.PaidAllianceYearly ||
		v.NextInvoiceAt == nil || !v.NextInvoiceAt.Equal(periodEnd) || v.Limits[domain.LimitMentors].Max != nil {
		t.Fatalf("after updated, then created: %+v", v)
	}
	e.deliver(e.event("customer.subscription.deleted", t3, sub("canceled", periodEnd)))
	e.deliver(e.event("customer.subscription.updated", t2.Add(time.Second), sub("past_due", periodEnd)))
	if v := e.billingOf(e.a); v.Plan != domain.PlanCommunity || v.Status != "canceled" || v.NextInvoiceAt != nil {
		t.Fatalf("after deleted, then updated: %+v", v)
	}
}
