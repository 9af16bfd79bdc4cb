package service_test

import (
	"fmt"
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
	svcWebhookSecret = "whsec_test_mentorat"
	svcPriceMonthly  = "price_alliance_monthly"
	svcPriceYearly   = "price_alliance_yearly"
	svcGrace         = 7 * 24 * time.Hour
)

// newBillingEnv builds the services with billing on, through a Stripe at
// apiBase (a stripe-mock; any address for tests that never call it).
func newBillingEnv(t testing.TB, apiBase string) *svcEnv {
	t.Helper()
	stripe := billing.New(billing.Config{
		SecretKey: "sk_test_mentorat", WebhookSecret: svcWebhookSecret, APIBase: apiBase,
		Prices: map[domain.PaidPlan]string{domain.PaidAllianceMonthly: svcPriceMonthly, domain.PaidAllianceYearly: svcPriceYearly},
	}, testkit.Logger(t))
	return newSvcEnvPaying(t, service.Payments{Stripe: stripe, Grace: svcGrace})
}

// payingAlliance is an alliance with its admin and a Stripe customer, as
// its first checkout leaves it.
type payingAlliance struct {
	*domain.Alliance
	admin    *domain.User
	customer string
	events   int
}

// payingAlliance makes an alliance in loc whose Stripe customer is known.
func (e *svcEnv) payingAlliance(slug string, loc domain.Locale) *payingAlliance {
	e.t.Helper()
	admin := e.signup("admin@"+slug+".example.org", "Admin of "+slug, loc)
	a := e.createAlliance(admin, slug, loc)
	p := &payingAlliance{Alliance: a, admin: admin, customer: "cus_" + slug}
	if err := e.db.InTenant(e.ctx, a.ID, func(tx *store.Tx) error {
		_, err := tx.InsertBillingCustomer(e.ctx, a.ID, p.customer)
		return err
	}); err != nil {
		e.t.Fatal(err)
	}
	return p
}

// event is an event of the alliance's customer, created at, with a fresh
// id.
func (p *payingAlliance) event(typ string, created time.Time, object map[string]any) testkit.StripeEvent {
	p.events++
	return testkit.StripeEvent{ID: fmt.Sprintf("evt_%s_%d", p.Slug, p.events), Type: typ, Created: created, Object: object}
}

// subscription is the alliance's subscription object with status, paid
// monthly, its period ending a month after created.
func (p *payingAlliance) subscription(id, status string, created time.Time) map[string]any {
	return testkit.StripeSubscription(id, p.customer, status, svcPriceMonthly, created.Add(30*24*time.Hour))
}

// receive hands a freshly signed event to the webhook.
func (e *svcEnv) receive(ev testkit.StripeEvent) *service.WebhookReceipt {
	e.t.Helper()
	body := ev.Body(e.t)
	r, err := e.billing.Receive(e.ctx, body, testkit.StripeSignature(body, svcWebhookSecret, time.Now()))
	if err != nil {
		e.t.Fatalf("receive %s: %v", ev.Type, err)
	}
	return r
}

// deliver hands an event to the webhook and runs the job it queued, as
// the worker would.
func (e *svcEnv) deliver(ev testkit.StripeEvent) {
	e.t.Helper()
	if r := e.receive(ev); r.Outcome != service.WebhookQueued {
		e.t.Fatalf("%s %s: %s; want it queued", ev.Type, ev.ID, r.Outcome)
	}
	e.runStripeJobs()
}

// runStripeJobs runs the Stripe event jobs of the outbox not done yet.
func (e *svcEnv) runStripeJobs() {
	e.t.Helper()
	for _, job := range e.stripeJobs(false) {
		if err := e.billing.ApplyEvent(e.ctx, &job); err != nil {
			e.t.Fatalf("apply %s: %v", job.Payload, err)
		}
	}
}

// stripeJobs lists the outbox's Stripe event jobs, oldest first: all of
// them, or only those not done.
func (e *svcEnv) stripeJobs(all bool) []store.OutboxJob {
	e.t.Helper()
	var out []store.OutboxJob
	err := e.db.InPlatform(e.ctx, func(tx *store.Tx) error {
		q := tx.Bun().NewSelect().Model(&out).Where("task_type = ?", jobs.TypeStripeEvent).Order("created_at", "id")
		if !all {
			q = q.Where("done_at IS NULL")
		}
		return q.Scan(e.ctx)
	})
	if err != nil {
		e.t.Fatal(err)
	}
	return out
}

// status is the alliance's billing as its admin sees it.
func (e *svcEnv) status(p *payingAlliance) *domain.BillingStatus {
	e.t.Helper()
	st, err := e.billing.Status(e.ctx, e.caller(p.admin, p.Alliance))
	if err != nil {
		e.t.Fatal(err)
	}
	return st
}

// billingRows counts the rows that billing and the requests of these
// tests write, the alliance's included.
func (e *svcEnv) billingRows(alliance domain.ID) map[string]int {
	e.t.Helper()
	out := map[string]int{}
	for _, table := range []string{"billing_customers", "stripe_events", "outbox"} {
		out[table] = e.count(nil, table)
	}
	for _, table := range []string{"billing_subscriptions", "billing_invoices", "audit_log", "members", "invitations"} {
		out[table] = e.count(&alliance, table)
	}
	return out
}

// usage gives how much of limit the status says is used, and its most.
func usage(st *domain.BillingStatus, limit domain.Limit) domain.LimitUsage {
	for _, u := range st.Usage {
		if u.Limit == limit {
			return u
		}
	}
	return domain.LimitUsage{}
}
