package billing_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/billing"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

const (
	secret       = "whsec_test_mentorat"
	priceMonthly = "price_alliance_monthly"
	priceYearly  = "price_alliance_yearly"
)

// newStripe is a client of a Stripe at apiBase (empty: none is called).
func newStripe(t *testing.T, apiBase string) *billing.Stripe {
	t.Helper()
	return billing.New(billing.Config{
		SecretKey: "sk_test_mentorat", WebhookSecret: secret, APIBase: apiBase,
		Prices: map[domain.PaidPlan]string{domain.PaidAllianceMonthly: priceMonthly, domain.PaidAllianceYearly: priceYearly},
	}, testkit.Logger(t))
}

func TestVerifyRefusesWhatStripeDidNotSignNow(t *testing.T) {
	s := newStripe(t, "")
	now := time.Now()
	body := testkit.StripeEvent{ID: "evt_1", Type: "customer.subscription.updated", Created: now,
		Object: testkit.StripeSubscription("sub_1", "cus_1", "active", priceMonthly, now.Add(720*time.Hour))}.Body(t)
	tests := []struct {
		name      string
		body      []byte
		signature string
		key       string
	}{
		{"no signature", body, "", "error.billing.signature"},
		{"not a signature", body, "v1", "error.billing.signature"},
		{"another secret", body, testkit.StripeSignature(body, "whsec_someone_else", now), "error.billing.signature"},
		{"tampered body", []byte(strings.Replace(string(body), "active", "canceled", 1)), testkit.StripeSignature(body, secret, now), "error.billing.signature"},
		{"too old", body, testkit.StripeSignature(body, secret, now.Add(-billing.SignatureTolerance-time.Minute)), "error.billing.signature_expired"},
		{"signed, but not JSON", []byte("{not json"), testkit.StripeSignature([]byte("{not json"), secret, now), "error.billing.event"},
		{"signed, but not an event", []byte(`{"hello":"world"}`), testkit.StripeSignature([]byte(`{"hello":"world"}`), secret, now), "error.billing.event"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ev, err := s.Verify(tc.body, tc.signature)
			de := domain.AsError(err)
			if err == nil || de.Code != domain.CodeMalformed || de.Key != tc.key || de.Cause == nil {
				t.Fatalf("Verify: %+v, %v; want a malformed %s with its cause", ev, err, tc.key)
			}
		})
	}
	t.Run("valid, a little late", func(t *testing.T) {
		ev, err := s.Verify(body, testkit.StripeSignature(body, secret, now.Add(-4*time.Minute)))
		if err != nil || ev.ID != "evt_1" || ev.Kind != domain.BillingSubscriptionChanged {
			t.Fatalf("Verify: %+v, %v", ev, err)
		}
	})
}

func TestVerifyReadsTheEventsTheProductActsOn(t *testing.T) {
	s := newStripe(t, "")
	created := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	periodEnd := created.Add(365 * 24 * time.Hour)
	deleted := testkit.StripeSubscription("sub_1", "cus_1", "active", priceYearly, periodEnd)
	payment := map[string]any{"id": "pi_1", "object": "payment_intent", "customer": "cus_1"}
	oneOff := testkit.StripeCheckout("cs_2", "cus_1", "", "")
	oneOff["mode"], oneOff["subscription"] = "payment", nil
	tests := []struct {
		typ    string
		object map[string]any
		want   domain.BillingEvent
	}{
		{"checkout.session.completed", testkit.StripeCheckout("cs_1", "cus_1", "sub_1", "alliance_monthly"), domain.BillingEvent{
			Kind: domain.BillingCheckoutCompleted, CustomerID: "cus_1",
			Subscription: domain.Subscription{ID: "sub_1", Plan: domain.PaidAllianceMonthly, Status: domain.SubscriptionActive, StateAt: created},
		}},
		{"customer.subscription.created", testkit.StripeSubscription("sub_1", "cus_1", "incomplete", priceYearly, periodEnd), domain.BillingEvent{
			Kind: domain.BillingSubscriptionChanged, CustomerID: "cus_1",
			Subscription: domain.Subscription{ID: "sub_1", Plan: domain.PaidAllianceYearly, Status: domain.SubscriptionIncomplete, PeriodEnd: &periodEnd, StateAt: created},
		}},
		{"customer.subscription.updated", testkit.StripeSubscription("sub_1", "cus_1", "past_due", "price_unknown", periodEnd), domain.BillingEvent{
			Kind: domain.BillingSubscriptionChanged, CustomerID: "cus_1",
			Subscription: domain.Subscription{ID: "sub_1", Status: domain.SubscriptionPastDue, PeriodEnd: &periodEnd, StateAt: created},
		}},
		{"customer.subscription.deleted", deleted, domain.BillingEvent{
			Kind: domain.BillingSubscriptionDeleted, CustomerID: "cus_1",
			Subscription: domain.Subscription{ID: "sub_1", Plan: domain.PaidAllianceYearly, Status: domain.SubscriptionCanceled, PeriodEnd: &periodEnd, StateAt: created},
		}},
		{"invoice.paid", testkit.StripeInvoice("in_1", "cus_1", "sub_1"), domain.BillingEvent{
			Kind: domain.BillingInvoicePaid, CustomerID: "cus_1", InvoiceID: "in_1", Subscription: domain.Subscription{ID: "sub_1"},
		}},
		{"invoice.payment_failed", testkit.StripeInvoice("in_1", "cus_1", "sub_1"), domain.BillingEvent{
			Kind: domain.BillingPaymentFailed, CustomerID: "cus_1", InvoiceID: "in_1", Subscription: domain.Subscription{ID: "sub_1"},
		}},
		{"payment_intent.succeeded", payment, domain.BillingEvent{}},
		{"checkout.session.completed", oneOff, domain.BillingEvent{}},
		{"invoice.paid", testkit.StripeInvoice("in_2", "cus_1", ""), domain.BillingEvent{}},
	}
	for _, tc := range tests {
		t.Run(tc.typ+" "+tc.object["id"].(string), func(t *testing.T) {
			if tc.object["subscription"] == "" {
				tc.object["subscription"] = nil
			}
			body := testkit.StripeEvent{ID: "evt_1", Type: tc.typ, Created: created, Object: tc.object}.Body(t)
			ev, err := s.Verify(body, testkit.StripeSignature(body, secret, time.Now()))
			if err != nil {
				t.Fatal(err)
			}
			tc.want.ID, tc.want.Type, tc.want.Created = "evt_1", tc.typ, created
			got := ev.BillingEvent
			if !sameTime(got.Subscription.PeriodEnd, tc.want.Subscription.PeriodEnd) {
				t.Fatalf("period end %v; want %v", got.Subscription.PeriodEnd, tc.want.Subscription.PeriodEnd)
			}
			got.Subscription.PeriodEnd, tc.want.Subscription.PeriodEnd = nil, nil
			if got != tc.want {
				t.Fatalf("read\n%+v\nwant\n%+v", got, tc.want)
			}
			if ev.APIVersion != billing.APIVersion {
				t.Fatalf("API version %q", ev.APIVersion)
			}
		})
	}
}

func sameTime(a, b *time.Time) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && a.Equal(*b))
}

func TestVerifyReportsAnotherAPIVersion(t *testing.T) {
	s := newStripe(t, "")
	body := testkit.StripeEvent{ID: "evt_1", Type: "invoice.paid", Created: time.Now(), APIVersion: "2020-08-27",
		Object: testkit.StripeInvoice("in_1", "cus_1", "sub_1")}.Body(t)
	ev, err := s.Verify(body, testkit.StripeSignature(body, secret, time.Now()))
	if err != nil || ev.APIVersion != "2020-08-27" || ev.APIVersion == billing.APIVersion || ev.Kind != domain.BillingInvoicePaid {
		t.Fatalf("Verify: %+v, %v; want the event, with its own API version", ev, err)
	}
}
