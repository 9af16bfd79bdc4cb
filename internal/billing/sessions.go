package billing

import (
	"context"
	"fmt"

	"github.com/stripe/stripe-go/v76"

	"github.com/mentorat/mentorat/internal/domain"
)

// CreateCustomer creates the Stripe customer of an alliance and gives its
// id. The request's idempotency key is the alliance's id, so that two
// requests racing to create it get the same customer.
func (s *Stripe) CreateCustomer(ctx context.Context, a *domain.Alliance) (string, error) {
	params := &stripe.CustomerParams{
		Name:     stripe.String(a.Name),
		Metadata: map[string]string{"alliance_id": a.ID.String(), "alliance_slug": a.Slug},
	}
	params.Context = ctx
	params.SetIdempotencyKey("mentorat-customer-" + a.ID.String())
	c, err := s.api.Customers.New(params)
	if err != nil {
		return "", unavailable("create the customer", err)
	}
	return c.ID, nil
}

// CheckoutURL opens a Stripe Checkout session in which the customer
// subscribes to plan, and gives its address. Stripe sends the browser back
// to done once paid, or to back when the person gives up.
func (s *Stripe) CheckoutURL(ctx context.Context, customer string, a *domain.Alliance, plan domain.PaidPlan, done, back string) (string, error) {
	price, ok := s.prices[plan]
	if !ok {
		return "", domain.Internal(fmt.Errorf("no Stripe price for the plan %q", plan))
	}
	meta := map[string]string{"alliance_id": a.ID.String(), "plan": string(plan)}
	params := &stripe.CheckoutSessionParams{
		Mode:              stripe.String(string(stripe.CheckoutSessionModeSubscription)),
		Customer:          stripe.String(customer),
		ClientReferenceID: stripe.String(a.ID.String()),
		LineItems:         []*stripe.CheckoutSessionLineItemParams{{Price: stripe.String(price), Quantity: stripe.Int64(1)}},
		SuccessURL:        stripe.String(done),
		CancelURL:         stripe.String(back),
		Metadata:          meta,
		SubscriptionData:  &stripe.CheckoutSessionSubscriptionDataParams{Metadata: meta},
	}
	params.Context = ctx
	session, err := s.api.CheckoutSessions.New(params)
	if err != nil {
		return "", unavailable("open a checkout session", err)
	}
	return session.URL, nil
}

// PortalURL opens a session of Stripe's customer portal, where the
// customer changes or cancels the subscription and its payment method, and
// gives its address. The portal sends the browser back to back.
func (s *Stripe) PortalURL(ctx context.Context, customer, back string) (string, error) {
	params := &stripe.BillingPortalSessionParams{Customer: stripe.String(customer), ReturnURL: stripe.String(back)}
	params.Context = ctx
	session, err := s.api.BillingPortalSessions.New(params)
	if err != nil {
		return "", unavailable("open a portal session", err)
	}
	return session.URL, nil
}

// unavailable is a failed call to Stripe: the person may try again later;
// what Stripe said goes to the log only.
func unavailable(what string, err error) error {
	return domain.Unavailable(fmt.Errorf("stripe: %s: %w", what, err))
}
