package service

import (
	"context"
	"fmt"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// Checkout opens a Stripe Checkout session in which the alliance
// subscribes to a paid plan, and gives its address. The alliance's Stripe
// customer is created on this first need. An alliance already on the paid
// plan changes it in the customer portal instead.
func (s *Billing) Checkout(ctx context.Context, c Caller, plan domain.PaidPlan) (string, error) {
	if err := plan.Validate(); err != nil {
		return "", err
	}
	if !s.Enabled() {
		return "", domain.E(domain.CodeConflict, "error.billing.off", nil)
	}
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		acct, err := tx.BillingAccount(ctx, c.Alliance.ID)
		if err == nil && acct.Plan(time.Now(), s.Grace) == domain.PlanAlliance {
			return domain.E(domain.CodeConflict, "error.billing.subscribed", nil)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	customer, err := s.customer(ctx, c)
	if err != nil {
		return "", err
	}
	page := s.BaseURL + billingPage(c.Alliance)
	url, err := s.Stripe.CheckoutURL(ctx, customer, c.Alliance, plan, page+"?checkout=done", page)
	if err != nil {
		return "", err
	}
	err = s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		return tx.InsertAudit(ctx, c.Alliance.ID, c.audit(domain.AuditBillingCheckoutStarted, customer, map[string]any{"plan": plan}))
	})
	return url, err
}

// Portal opens a session of Stripe's customer portal for the alliance,
// where its admins change or cancel the subscription and update the
// payment method, and gives its address.
func (s *Billing) Portal(ctx context.Context, c Caller) (string, error) {
	if !s.Enabled() {
		return "", domain.E(domain.CodeConflict, "error.billing.off", nil)
	}
	customer, err := s.customer(ctx, c)
	if err != nil {
		return "", err
	}
	return s.Stripe.PortalURL(ctx, customer, s.BaseURL+billingPage(c.Alliance))
}

// customer gives the alliance's Stripe customer, created at the first
// need. Stripe is called outside any transaction; two requests that race
// get the same customer from Stripe (its idempotency key) and the first to
// record it wins.
func (s *Billing) customer(ctx context.Context, c Caller) (string, error) {
	a := c.Alliance
	var id string
	err := s.DB.InTenant(ctx, a.ID, func(tx *store.Tx) error {
		var err error
		id, err = tx.BillingCustomerOf(ctx, a.ID)
		if domain.ErrorCode(err) == domain.CodeNotFound {
			return nil
		}
		return err
	})
	if err != nil || id != "" {
		return id, err
	}
	created, err := s.Stripe.CreateCustomer(ctx, a)
	if err != nil {
		return "", err
	}
	err = s.DB.InTenant(ctx, a.ID, func(tx *store.Tx) error {
		recorded, err := tx.InsertBillingCustomer(ctx, a.ID, created)
		if err != nil {
			return err
		}
		if !recorded {
			id, err = tx.BillingCustomerOf(ctx, a.ID)
			if domain.ErrorCode(err) == domain.CodeNotFound {
				return domain.Internal(fmt.Errorf("stripe customer %s is another alliance's", created))
			}
			return err
		}
		id = created
		return tx.InsertAudit(ctx, a.ID, c.audit(domain.AuditBillingCustomerCreated, created, nil))
	})
	return id, err
}
