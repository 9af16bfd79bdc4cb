package service

import (
	"context"
	"errors"

	"github.com/mentorat/mentorat/internal/billing"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/store"
)

// WebhookOutcome is what became of a Stripe event the webhook took in.
type WebhookOutcome string

// The outcomes of a signed event.
const (
	WebhookQueued          WebhookOutcome = "queued"           // recorded, and the job that applies it written
	WebhookDuplicate       WebhookOutcome = "duplicate"        // delivered before: nothing more is done
	WebhookUnhandled       WebhookOutcome = "unhandled"        // a kind of event the product does not act on
	WebhookUnknownCustomer WebhookOutcome = "unknown_customer" // about a customer that is no alliance's
)

// WebhookReceipt says what the webhook did with a signed Stripe event, for
// the log.
type WebhookReceipt struct {
	EventID  string
	Type     string
	Outcome  WebhookOutcome
	Alliance domain.ID // zero unless the event is an alliance's
	// APIVersion is the Stripe API version of the event; APIVersionMatches
	// is false when it is not the one the product reads.
	APIVersion        string
	APIVersionMatches bool
}

// Receive takes in a Stripe webhook: it checks the signature on the raw
// body and, for an event the product acts on about an alliance's customer,
// records the event's id and writes the job that applies it, in one
// transaction, and answers at once. A bad signature or body is a malformed
// request and changes nothing; any other signed event is acknowledged (so
// that Stripe stops sending it) and changes nothing.
func (s *Billing) Receive(ctx context.Context, payload []byte, signature string) (*WebhookReceipt, error) {
	if !s.Enabled() {
		return nil, &domain.Error{Code: domain.CodeMalformed, Key: "error.billing.signature",
			Cause: errors.New("billing is off: no webhook secret to check the signature with")}
	}
	ev, err := s.Stripe.Verify(payload, signature)
	if err != nil {
		return nil, err
	}
	r := &WebhookReceipt{EventID: ev.ID, Type: ev.Type, APIVersion: ev.APIVersion, APIVersionMatches: ev.APIVersion == billing.APIVersion}
	if ev.Kind == "" {
		r.Outcome = WebhookUnhandled
		return r, nil
	}
	err = s.DB.InPlatform(ctx, func(tx *store.Tx) error {
		var err error
		r.Alliance, err = tx.AllianceOfCustomer(ctx, ev.CustomerID)
		return err
	})
	if domain.ErrorCode(err) == domain.CodeNotFound {
		r.Outcome = WebhookUnknownCustomer
		return r, nil
	}
	if err != nil {
		return nil, err
	}
	err = s.DB.InTenant(ctx, r.Alliance, func(tx *store.Tx) error {
		fresh, err := tx.RecordStripeEvent(ctx, r.Alliance, &ev.BillingEvent)
		if err != nil || !fresh {
			r.Outcome = WebhookDuplicate
			return err
		}
		r.Outcome = WebhookQueued
		_, err = tx.Enqueue(ctx, jobs.TypeStripeEvent, ev.BillingEvent)
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}
