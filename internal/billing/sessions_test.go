package billing_test

import (
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

// TestSessionsThroughStripeGo creates a customer, a checkout session and a
// portal session through stripe-go against a stripe-mock.
func TestSessionsThroughStripeGo(t *testing.T) {
	s := newStripe(t, testkit.StripeMock(t))
	ctx := t.Context()
	a := &domain.Alliance{ID: domain.NewID(), Slug: "alliance-kayes", Name: "Alliance Kayes"}
	customer, err := s.CreateCustomer(ctx, a)
	if err != nil || !strings.HasPrefix(customer, "cus_") {
		t.Fatalf("customer %q, %v", customer, err)
	}
	checkout, err := s.CheckoutURL(ctx, customer, a, domain.PaidAllianceYearly, "https://mentorat.test/done", "https://mentorat.test/back")
	if err != nil || !strings.HasPrefix(checkout, "https://checkout.stripe.com/") {
		t.Fatalf("checkout %q, %v", checkout, err)
	}
	portal, err := s.PortalURL(ctx, customer, "https://mentorat.test/back")
	if err != nil || !strings.HasPrefix(portal, "https://") {
		t.Fatalf("portal %q, %v", portal, err)
	}
}

// TestStripeDownIsUnavailable: a Stripe that does not answer is a 503 to
// try again, and what went wrong stays in the log.
func TestStripeDownIsUnavailable(t *testing.T) {
	s := newStripe(t, "http://"+testkit.FreeAddr(t))
	_, err := s.CreateCustomer(t.Context(), &domain.Alliance{ID: domain.NewID(), Slug: "alliance-kita", Name: "Alliance Kita"})
	if de := domain.AsError(err); de.Code != domain.CodeUnavailable || de.Cause == nil {
		t.Fatalf("error %v; want unavailable with its cause", err)
	}
}
