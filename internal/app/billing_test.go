package app_test

import (
	"bytes"
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
	"github.com/mentorat/mentorat/internal/testkit/testapp"
)

// TestStripeEventsTravelThroughTheWorkers starts the whole product with a
// Stripe key (its API a stripe-mock): a signed subscription event posted
// to the webhook reaches the worker through the outbox and puts the demo
// alliance on the paid plan; a failed payment then reaches its admin's
// mail log.
func TestStripeEventsTravelThroughTheWorkers(t *testing.T) {
	const secret = "whsec_test_app"
	a := testapp.StartApp(t, testapp.AppSetup{Options: fullProduct, Env: map[string]string{
		"MENTORAT_STRIPE_SECRET_KEY":             "sk_test_app",
		"MENTORAT_STRIPE_WEBHOOK_SECRET":         secret,
		"MENTORAT_STRIPE_API_BASE":               testkit.StripeMock(t),
		"MENTORAT_STRIPE_PRICE_ALLIANCE_MONTHLY": "price_monthly",
		"MENTORAT_STRIPE_PRICE_ALLIANCE_YEARLY":  "price_yearly",
	}})
	ctx := context.Background()
	alliance, err := (&service.Alliances{DB: a.DB}).BySlug(ctx, "alliance-mali-mentors")
	if err != nil {
		t.Fatal(err)
	}
	err = a.DB.InTenant(ctx, alliance.ID, func(tx *store.Tx) error {
		_, err := tx.InsertBillingCustomer(ctx, alliance.ID, "cus_demo")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	post := func(ev testkit.StripeEvent) {
		t.Helper()
		body := ev.Body(t)
		req, _ := http.NewRequest(http.MethodPost, a.URL+"/api/v1/stripe/webhook", bytes.NewReader(body))
		req.Header.Set("Stripe-Signature", testkit.StripeSignature(body, secret, time.Now()))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("webhook: %d", resp.StatusCode)
		}
	}
	eventually := func(what string, cond func(tx *store.Tx) bool) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			var ok bool
			_ = a.DB.InTenant(ctx, alliance.ID, func(tx *store.Tx) error { ok = cond(tx); return nil })
			if ok {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("after 20 s: %s", what)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	now := time.Now()
	post(testkit.StripeEvent{ID: "evt_app_1", Type: "customer.subscription.created", Created: now,
		Object: testkit.StripeSubscription("sub_app", "cus_demo", "active", "price_monthly", now.Add(720*time.Hour))})
	eventually("the demo alliance is not on the alliance plan", func(tx *store.Tx) bool {
		acct, err := tx.BillingAccount(ctx, alliance.ID)
		return err == nil && acct.Plan(time.Now(), 7*24*time.Hour) == domain.PlanAlliance
	})
	post(testkit.StripeEvent{ID: "evt_app_2", Type: "invoice.payment_failed", Created: now.Add(time.Second),
		Object: testkit.StripeInvoice("in_app", "cus_demo", "sub_app")})
	eventually("no mail about the failed payment", func(tx *store.Tx) bool {
		mails, _ := tx.MailLog(ctx, alliance.ID, 10)
		for _, m := range mails {
			if m.Subject == "Alliance Mali Mentors\u202f: le paiement de l’abonnement a échoué" {
				return true
			}
		}
		return false
	})
}
