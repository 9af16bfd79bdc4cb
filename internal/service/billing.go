package service

import (
	"context"
	"time"

	"github.com/mentorat/mentorat/internal/billing"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/store"
)

// Payments is how the alliances pay: through a Stripe account, or not at
// all (Stripe nil: billing is off and every alliance is on the community
// plan), and how long an alliance keeps its paid plan after a failed
// payment.
type Payments struct {
	Stripe *billing.Stripe
	Grace  time.Duration
}

// Billing are the use cases of an alliance's plan: what it is and what it
// allows, paying for the alliance plan through Stripe, and taking in what
// Stripe tells of the payments.
type Billing struct {
	DB      *store.DB
	Catalog *i18n.Catalog
	BaseURL string
	Payments
}

// Enabled tells whether alliances pay through Stripe.
func (s *Billing) Enabled() bool { return s.Stripe != nil }

// Status gives the alliance's plan, its current subscription and how much
// of each limit it uses.
func (s *Billing) Status(ctx context.Context, c Caller) (*domain.BillingStatus, error) {
	var out *domain.BillingStatus
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		now := time.Now()
		acct, err := s.account(ctx, tx, c.Alliance.ID)
		if err != nil {
			return err
		}
		out = &domain.BillingStatus{Enabled: s.Enabled(), Plan: acct.Plan(now, s.Grace)}
		if out.Subscription = acct.Current(now, s.Grace); out.Subscription != nil {
			out.GraceEndsAt = acct.GraceEnd(out.Subscription.ID, s.Grace)
		}
		for _, limit := range domain.Limits {
			used, err := tx.Usage(ctx, c.Alliance.ID, limit, now)
			if err != nil {
				return err
			}
			max, capped := out.Plan.Max(limit)
			out.Usage = append(out.Usage, domain.LimitUsage{Limit: limit, Used: used, Max: max, Capped: capped})
		}
		return nil
	})
	return out, err
}

// CheckRoom refuses, within the transaction of a use case that adds one
// to a limited count (a mentor, a mentorship), an addition the alliance's
// plan has no room for: the error names the limit and links to the
// billing page. What the alliance has beyond its limits (after it went
// back to the community plan) stays; only additions are refused.
func (s *Billing) CheckRoom(ctx context.Context, tx *store.Tx, a *domain.Alliance, limit domain.Limit) error {
	return s.CheckRoomFor(ctx, tx, a, limit, 1)
}

// CheckRoomFor is CheckRoom for n additions at once, all or none.
func (s *Billing) CheckRoomFor(ctx context.Context, tx *store.Tx, a *domain.Alliance, limit domain.Limit, n int) error {
	if err := tx.HoldLimits(ctx, a.ID); err != nil {
		return err
	}
	now := time.Now()
	acct, err := s.account(ctx, tx, a.ID)
	if err != nil {
		return err
	}
	max, capped := acct.Plan(now, s.Grace).Max(limit)
	if !capped {
		return nil
	}
	used, err := tx.Usage(ctx, a.ID, limit, now)
	if err != nil || used+n <= max {
		return err
	}
	return &domain.Error{
		Code: domain.CodeLimitReached, Key: "error.limit_reached." + string(limit),
		Args: map[string]any{"max": max}, Link: billingPage(a),
	}
}

// account reads what the product knows of the alliance's billing; with
// billing off, nothing: every alliance is then on the community plan.
func (s *Billing) account(ctx context.Context, tx *store.Tx, alliance domain.ID) (*domain.BillingAccount, error) {
	if !s.Enabled() {
		return &domain.BillingAccount{}, nil
	}
	return tx.BillingAccount(ctx, alliance)
}

// billingPage is the address of the alliance's billing page.
func billingPage(a *domain.Alliance) string { return "/a/" + a.Slug + "/billing" }
