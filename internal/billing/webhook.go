package billing

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"

	"github.com/mentorat/mentorat/internal/domain"
)

// SignatureTolerance is how old a webhook's signature may be: an older
// one, replayed or delayed, is refused.
const SignatureTolerance = 5 * time.Minute

// APIVersion is the Stripe API version this product reads events in.
const APIVersion = stripe.APIVersion

// Event is a Stripe event whose signature was checked, in the product's
// words. Its Kind is empty for an event the product does not act on.
type Event struct {
	domain.BillingEvent
	// APIVersion is the Stripe API version the event was written in; one
	// other than APIVersion may be read wrongly.
	APIVersion string
}

// Verify checks the Stripe-Signature header of a webhook against the raw
// body with the endpoint's secret, within SignatureTolerance, and reads
// the event. A missing, wrong or old signature and a body that is not an
// event are malformed requests.
func (s *Stripe) Verify(payload []byte, signature string) (*Event, error) {
	e, err := webhook.ConstructEventWithOptions(payload, signature, s.webhookSecret, webhook.ConstructEventOptions{
		Tolerance: SignatureTolerance,
		// A version mismatch is reported to the caller, which raises it.
		IgnoreAPIVersionMismatch: true,
	})
	switch {
	case errors.Is(err, webhook.ErrTooOld):
		return nil, &domain.Error{Code: domain.CodeMalformed, Key: "error.billing.signature_expired", Cause: err}
	case errors.Is(err, webhook.ErrNotSigned), errors.Is(err, webhook.ErrInvalidHeader), errors.Is(err, webhook.ErrNoValidSignature):
		return nil, &domain.Error{Code: domain.CodeMalformed, Key: "error.billing.signature", Cause: err}
	case err != nil:
		return nil, malformed(err)
	case e.ID == "" || e.Type == "" || e.Data == nil:
		return nil, malformed(errors.New("the event has no id, type or object"))
	}
	out := &Event{APIVersion: e.APIVersion, BillingEvent: domain.BillingEvent{
		ID: e.ID, Type: string(e.Type), Created: time.Unix(e.Created, 0).UTC(),
	}}
	if err := s.read(e, &out.BillingEvent); err != nil {
		return nil, malformed(err)
	}
	return out, nil
}

// read fills in what an event of a kind the product acts on tells; it
// leaves the kind empty for any other.
func (s *Stripe) read(e stripe.Event, out *domain.BillingEvent) error {
	switch e.Type {
	case stripe.EventTypeCheckoutSessionCompleted:
		var cs stripe.CheckoutSession
		if err := json.Unmarshal(e.Data.Raw, &cs); err != nil {
			return err
		}
		if cs.Mode != stripe.CheckoutSessionModeSubscription || cs.Subscription == nil {
			return nil
		}
		status := domain.SubscriptionIncomplete
		if cs.PaymentStatus != stripe.CheckoutSessionPaymentStatusUnpaid {
			status = domain.SubscriptionActive
		}
		plan := domain.PaidPlan(cs.Metadata["plan"])
		if plan.Validate() != nil {
			plan = ""
		}
		out.Kind, out.CustomerID = domain.BillingCheckoutCompleted, customerID(cs.Customer)
		out.Subscription = domain.Subscription{ID: cs.Subscription.ID, Plan: plan, Status: status, StateAt: out.Created}
	case stripe.EventTypeCustomerSubscriptionCreated, stripe.EventTypeCustomerSubscriptionUpdated, stripe.EventTypeCustomerSubscriptionDeleted:
		var sub stripe.Subscription
		if err := json.Unmarshal(e.Data.Raw, &sub); err != nil {
			return err
		}
		out.Kind, out.CustomerID = domain.BillingSubscriptionChanged, customerID(sub.Customer)
		out.Subscription = domain.Subscription{
			ID: sub.ID, Plan: s.planOf(&sub), Status: domain.SubscriptionStatus(sub.Status),
			CancelAtPeriodEnd: sub.CancelAtPeriodEnd, StateAt: out.Created,
		}
		if sub.CurrentPeriodEnd > 0 {
			end := time.Unix(sub.CurrentPeriodEnd, 0).UTC()
			out.Subscription.PeriodEnd = &end
		}
		if e.Type == stripe.EventTypeCustomerSubscriptionDeleted {
			out.Kind, out.Subscription.Status = domain.BillingSubscriptionDeleted, domain.SubscriptionCanceled
		}
	case stripe.EventTypeInvoicePaid, stripe.EventTypeInvoicePaymentFailed:
		var inv stripe.Invoice
		if err := json.Unmarshal(e.Data.Raw, &inv); err != nil {
			return err
		}
		if inv.Subscription == nil || inv.ID == "" {
			return nil
		}
		out.Kind, out.CustomerID = domain.BillingInvoicePaid, customerID(inv.Customer)
		if e.Type == stripe.EventTypeInvoicePaymentFailed {
			out.Kind = domain.BillingPaymentFailed
		}
		out.InvoiceID, out.Subscription = inv.ID, domain.Subscription{ID: inv.Subscription.ID}
	}
	if out.Kind != "" && out.Subscription.ID == "" {
		return fmt.Errorf("a %s event names no subscription", e.Type)
	}
	return nil
}

// planOf gives the paid plan of a subscription's first item, by its price.
func (s *Stripe) planOf(sub *stripe.Subscription) domain.PaidPlan {
	if sub.Items == nil || len(sub.Items.Data) == 0 || sub.Items.Data[0].Price == nil {
		return ""
	}
	return s.planOfPrice(sub.Items.Data[0].Price.ID)
}

func customerID(c *stripe.Customer) string {
	if c == nil {
		return ""
	}
	return c.ID
}

func malformed(cause error) error {
	return &domain.Error{Code: domain.CodeMalformed, Key: "error.billing.event", Cause: cause}
}
