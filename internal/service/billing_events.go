package service

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/store"
)

// stripeActor is who the audit trail names for what Stripe's events do.
var stripeActor = Actor{Name: "Stripe"}

// ApplyEvent is the handler of jobs.TypeStripeEvent: it marks the job
// done, applies one Stripe event to the alliance's billing, records it in
// the audit trail and mails the admins when a payment failed, all in one
// transaction, so that a job run twice has one effect. Each
// subscription and invoice keeps the time of the event its state comes
// from, so that the final state is right whatever order the events arrive
// in (see domain.Subscription.Supersedes and domain.Invoice).
func (s *Billing) ApplyEvent(ctx context.Context, job *store.OutboxJob) error {
	var ev domain.BillingEvent
	if err := json.Unmarshal([]byte(job.Payload), &ev); err != nil {
		return fmt.Errorf("stripe event payload: %w", err)
	}
	if job.AllianceID == nil {
		return errors.New("a stripe event job without its alliance")
	}
	alliance := *job.AllianceID
	return s.DB.InTenant(ctx, alliance, func(tx *store.Tx) error {
		now := time.Now()
		first, err := tx.MarkDoneOnce(ctx, job.ID, now)
		if err != nil || !first {
			return err
		}
		a, err := tx.AllianceByID(ctx, alliance)
		if err != nil {
			return err
		}
		acct, err := tx.BillingAccount(ctx, alliance)
		if err != nil {
			return err
		}
		before := acct.Plan(now, s.Grace)
		var entry *domain.AuditEntry
		switch ev.Kind {
		case domain.BillingCheckoutCompleted, domain.BillingSubscriptionChanged, domain.BillingSubscriptionDeleted:
			entry, err = s.applySubscription(ctx, tx, a, acct, &ev)
		case domain.BillingInvoicePaid, domain.BillingPaymentFailed:
			entry, err = s.applyInvoice(ctx, tx, a, acct, &ev)
		default:
			err = fmt.Errorf("stripe event %s of an unknown kind %q", ev.ID, ev.Kind)
		}
		if err != nil {
			return err
		}
		if entry != nil {
			entry.Details["event"] = ev.ID
			if after := acct.Plan(now, s.Grace); after != before {
				entry.Details["plan_from"], entry.Details["plan_to"] = before, after
			}
			return tx.InsertAudit(ctx, alliance, entry)
		}
		return nil
	})
}

// applySubscription takes the subscription's state from the event when it
// supersedes the one kept, and gives the audit entry of the change (nil
// for an older state that changes nothing). A completed checkout is
// audited even then.
func (s *Billing) applySubscription(ctx context.Context, tx *store.Tx, a *domain.Alliance, acct *domain.BillingAccount, ev *domain.BillingEvent) (*domain.AuditEntry, error) {
	sub := findSubscription(acct, ev.Subscription.ID)
	from := sub.Status
	changed := sub.Merge(ev.Subscription)
	if changed {
		if err := tx.SaveSubscription(ctx, a.ID, sub); err != nil {
			return nil, err
		}
	}
	details := map[string]any{"status": sub.Status, "plan": sub.Plan}
	switch {
	case ev.Kind == domain.BillingCheckoutCompleted:
		return stripeActor.audit(domain.AuditBillingCheckoutCompleted, sub.ID, details), nil
	case !changed:
		return nil, nil
	}
	if from != "" && from != sub.Status {
		details["status_from"] = from
	}
	return stripeActor.audit(domain.AuditBillingSubscriptionChanged, sub.ID, details), nil
}

// applyInvoice records an invoice's payment or failed payment, and gives
// the audit entry (nil for a failure of an invoice already paid). A failed
// payment is mailed to the alliance's admins.
func (s *Billing) applyInvoice(ctx context.Context, tx *store.Tx, a *domain.Alliance, acct *domain.BillingAccount, ev *domain.BillingEvent) (*domain.AuditEntry, error) {
	inv := findInvoice(acct, ev.InvoiceID, ev.Subscription.ID)
	if ev.Kind == domain.BillingInvoicePaid {
		if !inv.Paid(ev.Created) {
			return nil, nil
		}
		if err := tx.SaveInvoice(ctx, a.ID, inv); err != nil {
			return nil, err
		}
		return stripeActor.audit(domain.AuditBillingInvoicePaid, inv.ID, map[string]any{"subscription": inv.SubscriptionID}), nil
	}
	if !inv.PaymentFailed(ev.Created) {
		return nil, nil
	}
	if err := tx.SaveInvoice(ctx, a.ID, inv); err != nil {
		return nil, err
	}
	graceEnd := acct.GraceEnd(inv.SubscriptionID, s.Grace)
	if err := s.mailPaymentFailed(ctx, tx, a, *graceEnd); err != nil {
		return nil, err
	}
	return stripeActor.audit(domain.AuditBillingPaymentFailed, inv.ID, map[string]any{
		"subscription": inv.SubscriptionID, "grace_ends_at": graceEnd.Format(time.RFC3339),
	}), nil
}

// mailPaymentFailed tells every active admin of the alliance, in its
// language, that a payment failed and when the alliance falls back to the
// community plan unless it is paid.
func (s *Billing) mailPaymentFailed(ctx context.Context, tx *store.Tx, a *domain.Alliance, graceEnd time.Time) error {
	admins, err := tx.Members(ctx, a.ID, store.MemberFilter{
		Roles: []domain.Role{domain.RoleAdmin}, Status: []domain.MemberStatus{domain.StatusActive}, Limit: 1000,
	})
	if err != nil {
		return err
	}
	loc := a.DefaultLocale
	for _, m := range admins {
		args := map[string]any{
			"name": m.Name, "alliance": a.Name, "date": graceEnd.UTC().Format("2006-01-02"),
			"link": s.BaseURL + billingPage(a),
		}
		err := jobs.EnqueueMail(ctx, tx, mail.Message{To: m.Email,
			Subject: s.Catalog.T(loc, "mail.billing.payment_failed.subject", args),
			Text:    s.Catalog.T(loc, "mail.billing.payment_failed.body", args)})
		if err != nil {
			return err
		}
	}
	return nil
}

// findSubscription gives the account's subscription of that id, added to
// the account when it is new.
func findSubscription(acct *domain.BillingAccount, id string) *domain.Subscription {
	for i := range acct.Subscriptions {
		if acct.Subscriptions[i].ID == id {
			return &acct.Subscriptions[i]
		}
	}
	acct.Subscriptions = append(acct.Subscriptions, domain.Subscription{ID: id})
	return &acct.Subscriptions[len(acct.Subscriptions)-1]
}

// findInvoice gives the account's invoice of that id, added to the
// account when it is new.
func findInvoice(acct *domain.BillingAccount, id, subscription string) *domain.Invoice {
	for i := range acct.Invoices {
		if acct.Invoices[i].ID == id {
			return &acct.Invoices[i]
		}
	}
	acct.Invoices = append(acct.Invoices, domain.Invoice{ID: id, SubscriptionID: subscription})
	return &acct.Invoices[len(acct.Invoices)-1]
}
