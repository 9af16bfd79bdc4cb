package service_test

import (
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/testkit"
)

// TestStripeEventsOutOfOrderLeaveTheRightState delivers, for each
// scenario, the same events in the order Stripe might, and expects the
// state the events describe, not the one that arrived last.
func TestStripeEventsOutOfOrderLeaveTheRightState(t *testing.T) {
	t1 := time.Now().Add(-time.Hour).Truncate(time.Second)
	t2, t3 := t1.Add(10*time.Second), t1.Add(20*time.Second)
	type delivery struct {
		typ     string
		created time.Time
		object  func(p *payingAlliance) map[string]any
	}
	sub := func(status string, created time.Time) func(p *payingAlliance) map[string]any {
		return func(p *payingAlliance) map[string]any { return p.subscription("sub_1", status, created) }
	}
	invoice := func(p *payingAlliance) map[string]any { return testkit.StripeInvoice("in_1", p.customer, "sub_1") }
	checkout := func(p *payingAlliance) map[string]any {
		return testkit.StripeCheckout("cs_1", p.customer, "sub_1", string(domain.PaidAllianceYearly))
	}
	tests := []struct {
		name       string
		deliveries []delivery
		plan       domain.Plan
		status     domain.SubscriptionStatus
		periodEnd  time.Time // zero: none
		grace      bool
	}{
		{"created, then updated", []delivery{
			{"customer.subscription.created", t1, sub("incomplete", t1)},
			{"customer.subscription.updated", t2, sub("active", t2)},
		}, domain.PlanAlliance, domain.SubscriptionActive, t2.Add(30 * 24 * time.Hour), false},
		{"updated before created", []delivery{
			{"customer.subscription.updated", t2, sub("active", t2)},
			{"customer.subscription.created", t1, sub("incomplete", t1)},
		}, domain.PlanAlliance, domain.SubscriptionActive, t2.Add(30 * 24 * time.Hour), false},
		{"created and updated in one second, updated first", []delivery{
			{"customer.subscription.updated", t1, sub("active", t1)},
			{"customer.subscription.created", t1, sub("incomplete", t1)},
		}, domain.PlanAlliance, domain.SubscriptionActive, t1.Add(30 * 24 * time.Hour), false},
		{"deleted before updated", []delivery{
			{"customer.subscription.deleted", t3, sub("canceled", t2)},
			{"customer.subscription.updated", t2, sub("active", t2)},
			{"customer.subscription.created", t1, sub("active", t1)},
		}, domain.PlanCommunity, domain.SubscriptionCanceled, t2.Add(30 * 24 * time.Hour), false},
		{"checkout completed before the subscription is created", []delivery{
			{"checkout.session.completed", t1, checkout},
			{"customer.subscription.created", t1, sub("incomplete", t1)},
		}, domain.PlanAlliance, domain.SubscriptionActive, t1.Add(30 * 24 * time.Hour), false},
		{"payment failed, then paid", []delivery{
			{"customer.subscription.created", t1, sub("active", t1)},
			{"invoice.payment_failed", t2, invoice},
			{"invoice.paid", t3, invoice},
		}, domain.PlanAlliance, domain.SubscriptionActive, t1.Add(30 * 24 * time.Hour), false},
		{"paid, then its older failure arrives", []delivery{
			{"customer.subscription.created", t1, sub("active", t1)},
			{"invoice.paid", t3, invoice},
			{"invoice.payment_failed", t2, invoice},
		}, domain.PlanAlliance, domain.SubscriptionActive, t1.Add(30 * 24 * time.Hour), false},
		{"payment failed before the subscription is known", []delivery{
			{"invoice.payment_failed", t2, invoice},
			{"customer.subscription.updated", t3, sub("past_due", t3)},
		}, domain.PlanAlliance, domain.SubscriptionPastDue, t3.Add(30 * 24 * time.Hour), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newBillingEnv(t, "http://127.0.0.1:9")
			p := e.payingAlliance("mentors-bamako", domain.French)
			for _, d := range tc.deliveries {
				e.deliver(p.event(d.typ, d.created, d.object(p)))
			}
			st := e.status(p)
			if st.Plan != tc.plan || st.Subscription == nil || st.Subscription.Status != tc.status || (st.GraceEndsAt != nil) != tc.grace {
				t.Fatalf("status %+v (subscription %+v); want %s, %s, grace %v", st, st.Subscription, tc.plan, tc.status, tc.grace)
			}
			if end := st.Subscription.PeriodEnd; end == nil || !end.Equal(tc.periodEnd) {
				t.Fatalf("period end %v; want %s", end, tc.periodEnd)
			}
		})
	}
}

// TestStripeEventDeliveredTwiceHasOneEffect: Stripe sends an event again
// when it is not sure it arrived, and the queue may run a job twice: the
// event is recorded once, queued once, and applied once.
func TestStripeEventDeliveredTwiceHasOneEffect(t *testing.T) {
	e := newBillingEnv(t, "http://127.0.0.1:9")
	p := e.payingAlliance("mentors-sikasso", domain.English)
	now := time.Now()
	ev := p.event("customer.subscription.created", now, p.subscription("sub_1", "active", now))
	if r := e.receive(ev); r.Outcome != service.WebhookQueued || r.Alliance != p.ID || !r.APIVersionMatches {
		t.Fatalf("first delivery: %+v", r)
	}
	before := e.billingRows(p.ID)
	if r := e.receive(ev); r.Outcome != service.WebhookDuplicate {
		t.Fatalf("second delivery: %+v", r)
	}
	if after := e.billingRows(p.ID); !maps.Equal(after, before) {
		t.Fatalf("the second delivery wrote:\nbefore %v\nafter  %v", before, after)
	}
	queued := e.stripeJobs(true)
	if len(queued) != 1 {
		t.Fatalf("%d jobs queued; want 1", len(queued))
	}
	for range 2 {
		if err := e.billing.ApplyEvent(e.ctx, &queued[0]); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(e.audit(p.Alliance, domain.AuditBillingSubscriptionChanged)); n != 1 {
		t.Fatalf("%d audit entries; want 1", n)
	}
	if st := e.status(p); st.Plan != domain.PlanAlliance {
		t.Fatalf("plan %s", st.Plan)
	}
}

// TestPaymentFailedTellsTheAdminsThenTheGraceEnds: a failed payment is
// mailed to each active admin in the alliance's language, and the
// alliance keeps its plan for the grace period; after it, the alliance is
// on community, and the hourly task records that once.
func TestPaymentFailedTellsTheAdminsThenTheGraceEnds(t *testing.T) {
	tests := []struct {
		loc     domain.Locale
		subject string
		body    string
	}{
		{domain.French, "Alliance mentors-mopti\u202f: le paiement de l’abonnement a échoué", "S’il n’est pas réglé d’ici le "},
		{domain.English, "Alliance mentors-mopti: the subscription payment failed", "Unless it is paid by "},
	}
	for _, tc := range tests {
		t.Run(string(tc.loc), func(t *testing.T) {
			e := newBillingEnv(t, "http://127.0.0.1:9")
			p := e.payingAlliance("mentors-mopti", tc.loc)
			second := e.signup("second-admin@example.org", "Second Admin", domain.French)
			e.join(p.admin, second, p.Alliance, domain.RoleAdmin)
			mentor := e.signup("mentor@example.org", "A Mentor", domain.French)
			e.join(p.admin, mentor, p.Alliance, domain.RoleMentor)
			mailsBefore := len(e.mails())

			failedAt := time.Now().Add(-6 * 24 * time.Hour).Truncate(time.Second)
			e.deliver(p.event("customer.subscription.created", failedAt.Add(-time.Hour), p.subscription("sub_1", "active", failedAt)))
			e.deliver(p.event("invoice.payment_failed", failedAt, testkit.StripeInvoice("in_1", p.customer, "sub_1")))
			graceEnd := failedAt.Add(svcGrace)
			mails := e.mails()[mailsBefore:]
			to := map[string]bool{}
			for _, m := range mails {
				to[m.To] = true
				if m.Subject != tc.subject || !strings.Contains(m.Text, tc.body+graceEnd.Format("2006-01-02")) ||
					!strings.Contains(m.Text, svcBaseURL+"/a/mentors-mopti/billing") {
					t.Fatalf("mail %q\n%s", m.Subject, m.Text)
				}
			}
			if len(mails) != 2 || !to[p.admin.Email] || !to[second.Email] {
				t.Fatalf("mailed %v; want the two admins", to)
			}
			st := e.status(p)
			if st.Plan != domain.PlanAlliance || st.GraceEndsAt == nil || !st.GraceEndsAt.Equal(graceEnd) {
				t.Fatalf("status %+v; want the alliance plan until %s", st, graceEnd)
			}
			if err := e.billing.EndGraces(e.ctx); err != nil || len(e.audit(p.Alliance, domain.AuditBillingGraceEnded)) != 0 {
				t.Fatalf("the grace is not over, yet it was recorded (%v)", err)
			}

			// Two days later, as far as the stored state goes.
			e.exec(&p.ID, "UPDATE billing_invoices SET failed_at = ?", failedAt.Add(-2*24*time.Hour).UTC())
			if st := e.status(p); st.Plan != domain.PlanCommunity {
				t.Fatalf("plan %s after the grace; want community", st.Plan)
			}
			for range 2 {
				if err := e.billing.EndGraces(e.ctx); err != nil {
					t.Fatal(err)
				}
			}
			ended := e.audit(p.Alliance, domain.AuditBillingGraceEnded)
			if len(ended) != 1 || ended[0].Target != "in_1" || ended[0].Details["plan"] != string(domain.PlanCommunity) {
				t.Fatalf("grace ends recorded: %+v; want one, for in_1", ended)
			}

			e.deliver(p.event("invoice.paid", time.Now(), testkit.StripeInvoice("in_1", p.customer, "sub_1")))
			if st := e.status(p); st.Plan != domain.PlanAlliance || st.GraceEndsAt != nil {
				t.Fatalf("status %+v once paid; want the alliance plan again", st)
			}
			paid := e.audit(p.Alliance, domain.AuditBillingInvoicePaid)
			if len(paid) != 1 || paid[0].Details["plan_to"] != string(domain.PlanAlliance) || paid[0].ActorName != "Stripe" {
				t.Fatalf("invoice paid recorded: %+v", paid)
			}
		})
	}
}

// TestWebhookAcknowledgesWhatItDoesNotActOn: a signed event of a kind the
// product does not handle, or about a customer that is no alliance's, is
// acknowledged and changes nothing; with billing off, no event is taken.
func TestWebhookAcknowledgesWhatItDoesNotActOn(t *testing.T) {
	e := newBillingEnv(t, "http://127.0.0.1:9")
	p := e.payingAlliance("mentors-gao", domain.French)
	now := time.Now()
	tests := []struct {
		name    string
		event   testkit.StripeEvent
		outcome service.WebhookOutcome
	}{
		{"a kind not handled", p.event("customer.updated", now, map[string]any{"id": p.customer, "object": "customer"}), service.WebhookUnhandled},
		{"an invoice of no subscription", p.event("invoice.paid", now, map[string]any{"id": "in_9", "object": "invoice", "customer": p.customer}), service.WebhookUnhandled},
		{"an unknown customer", p.event("customer.subscription.created", now,
			testkit.StripeSubscription("sub_9", "cus_nobody", "active", svcPriceMonthly, now)), service.WebhookUnknownCustomer},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := e.billingRows(p.ID)
			if r := e.receive(tc.event); r.Outcome != tc.outcome {
				t.Fatalf("outcome %s; want %s", r.Outcome, tc.outcome)
			}
			if after := e.billingRows(p.ID); !maps.Equal(after, before) {
				t.Fatalf("rows changed:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
	t.Run("billing off", func(t *testing.T) {
		off := newSvcEnv(t)
		body := tests[0].event.Body(t)
		_, err := off.billing.Receive(off.ctx, body, testkit.StripeSignature(body, svcWebhookSecret, now))
		wantError(t, err, domain.CodeMalformed, "error.billing.signature")
	})
}
