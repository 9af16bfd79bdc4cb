package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/billing"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
)

// The Stripe account of the billing tests.
const (
	billingSecret       = "whsec_test_mentorat"
	billingPriceMonthly = "price_alliance_monthly"
	billingPriceYearly  = "price_alliance_yearly"
)

// billingEnv is a server with billing on, through a stripe-mock, whose log
// the test reads, and two alliances with their casts.
type billingEnv struct {
	t      *testing.T
	ts     testServer
	log    *testkit.LogBuffer
	a, b   *cast
	events int
}

func newBillingEnv(t *testing.T) *billingEnv {
	t.Helper()
	stripe := billing.New(billing.Config{
		SecretKey: "sk_test_mentorat", WebhookSecret: billingSecret, APIBase: testkit.StripeMock(t),
		Prices: map[domain.PaidPlan]string{domain.PaidAllianceMonthly: billingPriceMonthly, domain.PaidAllianceYearly: billingPriceYearly},
	}, testkit.Logger(t))
	log, buf := testkit.CaptureLog()
	ts := startServerPaying(t, 1<<20, "https://mentorat.test", service.Payments{Stripe: stripe, Grace: 7 * 24 * time.Hour}, log)
	return &billingEnv{t: t, ts: ts, log: buf,
		a: newCastIn(t, ts.Server, "alliance-tombouctou", domain.English), b: newCast(t, ts.Server, "alliance-koulikoro")}
}

// customer gives the Stripe customer of c's alliance, made by a checkout
// through the API.
func (e *billingEnv) customer(c *cast) string {
	e.t.Helper()
	var id string
	if err := e.ts.db.InTenant(e.t.Context(), c.alliance.ID, func(tx *store.Tx) error {
		var err error
		id, err = tx.BillingCustomerOf(e.t.Context(), c.alliance.ID)
		return err
	}); domain.ErrorCode(err) == domain.CodeNotFound {
		e.checkout(c, domain.PaidAllianceMonthly)
		return e.customer(c)
	} else if err != nil {
		e.t.Fatal(err)
	}
	return id
}

// checkout starts a checkout as c's admin and gives Stripe's address.
func (e *billingEnv) checkout(c *cast, plan domain.PaidPlan) string {
	e.t.Helper()
	w := do(e.ts.Server, http.MethodPost, "/api/v1/alliances/"+c.slug+"/billing/checkout", `{"plan":"`+string(plan)+`"}`, c.headers(callerAdmin))
	var out struct{ URL string }
	if err := json.Unmarshal(w.Body.Bytes(), &out); w.Code != http.StatusOK || err != nil || out.URL == "" {
		e.t.Fatalf("checkout: %d %s", w.Code, w.Body)
	}
	return out.URL
}

// event is an event with a fresh id.
func (e *billingEnv) event(typ string, created time.Time, object map[string]any) testkit.StripeEvent {
	e.events++
	return testkit.StripeEvent{ID: fmt.Sprintf("evt_web_%d", e.events), Type: typ, Created: created, Object: object}
}

// webhook posts body to the webhook with the signature header given.
func (e *billingEnv) webhook(body []byte, signature string) answer {
	h := map[string]string{"Content-Type": "application/json", "Accept-Language": "en"}
	if signature != "" {
		h["Stripe-Signature"] = signature
	}
	return send(e.ts.Server, http.MethodPost, "/api/v1/stripe/webhook", string(body), h)
}

// deliver posts a freshly signed event and runs the job it queued, as the
// worker would.
func (e *billingEnv) deliver(ev testkit.StripeEvent) {
	e.t.Helper()
	body := ev.Body(e.t)
	if got := e.webhook(body, testkit.StripeSignature(body, billingSecret, time.Now())); got.Status != http.StatusOK {
		e.t.Fatalf("deliver %s: %v", ev.Type, got)
	}
	var pending []store.OutboxJob
	if err := e.ts.db.InPlatform(e.t.Context(), func(tx *store.Tx) error {
		return tx.Bun().NewSelect().Model(&pending).Where("task_type = ? AND done_at IS NULL", jobs.TypeStripeEvent).Scan(e.t.Context())
	}); err != nil {
		e.t.Fatal(err)
	}
	for _, job := range pending {
		if err := e.ts.billing.ApplyEvent(e.t.Context(), &job); err != nil {
			e.t.Fatal(err)
		}
	}
}

// billingOf reads c's alliance's billing through the API as its admin.
func (e *billingEnv) billingOf(c *cast) billingView {
	e.t.Helper()
	w := do(e.ts.Server, http.MethodGet, "/api/v1/alliances/"+c.slug+"/billing", "", c.headers(callerAdmin))
	var v billingView
	if err := json.Unmarshal(w.Body.Bytes(), &v); w.Code != http.StatusOK || err != nil {
		e.t.Fatalf("billing of %s: %d %s", c.slug, w.Code, w.Body)
	}
	return v
}

// rows counts the rows billing and these requests could write, those of
// c's alliance included.
func (e *billingEnv) rows(c *cast) map[string]int {
	e.t.Helper()
	out := map[string]int{}
	for _, table := range []string{"billing_customers", "stripe_events", "outbox"} {
		out[table] = testkit.Count(e.t, e.ts.db, nil, table)
	}
	for _, table := range []string{"billing_subscriptions", "billing_invoices", "audit_log", "invitations", "members"} {
		out[table] = testkit.Count(e.t, e.ts.db, &c.alliance.ID, table)
	}
	return out
}
