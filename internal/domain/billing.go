package domain

import "time"

// BillingAccount is an alliance's billing as the product knows it from
// Stripe's events: its subscriptions and their invoices.
type BillingAccount struct {
	Subscriptions []Subscription
	Invoices      []Invoice
}

// GraceEnd gives when the grace period of a subscription ends: grace after
// the first failed payment of an invoice still unpaid. It is nil when no
// invoice of the subscription is failing.
func (b *BillingAccount) GraceEnd(subscription string, grace time.Duration) *time.Time {
	var first *time.Time
	for _, inv := range b.Invoices {
		if inv.SubscriptionID == subscription && inv.Failing() && (first == nil || inv.FailedAt.Before(*first)) {
			first = inv.FailedAt
		}
	}
	if first == nil {
		return nil
	}
	end := first.Add(grace)
	return &end
}

// gives tells whether a subscription gives the paid plan at now: it runs,
// or its payment is late by less than the grace period.
func (b *BillingAccount) gives(s Subscription, now time.Time, grace time.Duration) bool {
	if !s.Status.paying() {
		return false
	}
	end := b.GraceEnd(s.ID, grace)
	return end == nil || now.Before(*end)
}

// Plan gives the alliance's plan at now: the alliance plan while a
// subscription gives it, community otherwise. It is computed at each read,
// so the plan falls back the moment a grace period ends.
func (b *BillingAccount) Plan(now time.Time, grace time.Duration) Plan {
	if s := b.Current(now, grace); s != nil && b.gives(*s, now, grace) {
		return PlanAlliance
	}
	return PlanCommunity
}

// Current is the subscription to show: one that gives the paid plan, else
// the one whose state is the most recent; nil when there is none.
func (b *BillingAccount) Current(now time.Time, grace time.Duration) *Subscription {
	var latest *Subscription
	for i := range b.Subscriptions {
		s := &b.Subscriptions[i]
		if b.gives(*s, now, grace) {
			return s
		}
		if latest == nil || s.StateAt.After(latest.StateAt) {
			latest = s
		}
	}
	return latest
}

// GracesOver lists the unpaid invoices whose grace period is over at now
// and not yet recorded, of subscriptions that would give the paid plan
// but for them.
func (b *BillingAccount) GracesOver(now time.Time, grace time.Duration) []*Invoice {
	var out []*Invoice
	for i := range b.Invoices {
		inv := &b.Invoices[i]
		if !inv.Failing() || inv.GraceEndedAt != nil || now.Before(inv.FailedAt.Add(grace)) {
			continue
		}
		for _, s := range b.Subscriptions {
			if s.ID == inv.SubscriptionID && s.Status.paying() {
				out = append(out, inv)
			}
		}
	}
	return out
}

// LimitUsage is how much of a limit an alliance uses, and the most its
// plan allows (Capped false: no limit).
type LimitUsage struct {
	Limit  Limit
	Used   int
	Max    int
	Capped bool
}

// BillingStatus is an alliance's billing as its admins see it.
type BillingStatus struct {
	// Enabled is false when the product runs without Stripe: every
	// alliance is then on the community plan.
	Enabled      bool
	Plan         Plan
	Subscription *Subscription // the current one; nil when none
	GraceEndsAt  *time.Time    // set while a failed payment is in its grace period
	Usage        []LimitUsage
}
