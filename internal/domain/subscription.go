package domain

import (
	"slices"
	"time"
)

// SubscriptionStatus is where a Stripe subscription stands, in Stripe's
// words.
type SubscriptionStatus string

// The statuses of a subscription, in the order a subscription's life goes
// through them; the last two are final.
const (
	SubscriptionIncomplete        SubscriptionStatus = "incomplete"
	SubscriptionTrialing          SubscriptionStatus = "trialing"
	SubscriptionActive            SubscriptionStatus = "active"
	SubscriptionPastDue           SubscriptionStatus = "past_due"
	SubscriptionUnpaid            SubscriptionStatus = "unpaid"
	SubscriptionPaused            SubscriptionStatus = "paused"
	SubscriptionIncompleteExpired SubscriptionStatus = "incomplete_expired"
	SubscriptionCanceled          SubscriptionStatus = "canceled"
)

// SubscriptionStatuses lists every status in the order of a
// subscription's life: of two states that Stripe events give in the same
// second, the later in this order is taken.
var SubscriptionStatuses = []SubscriptionStatus{
	SubscriptionIncomplete, SubscriptionTrialing, SubscriptionActive, SubscriptionPastDue,
	SubscriptionUnpaid, SubscriptionPaused, SubscriptionIncompleteExpired, SubscriptionCanceled,
}

// rank is the place of the status in a subscription's life; an unknown
// status comes before every known one.
func (s SubscriptionStatus) rank() int { return slices.Index(SubscriptionStatuses, s) }

// Final tells whether the subscription is over for good: nothing Stripe
// says about it afterwards changes it.
func (s SubscriptionStatus) Final() bool {
	return s == SubscriptionCanceled || s == SubscriptionIncompleteExpired
}

// paying tells whether the status gives the paid plan: a subscription that
// runs, or whose payment is late (for the grace period).
func (s SubscriptionStatus) paying() bool {
	switch s {
	case SubscriptionActive, SubscriptionTrialing, SubscriptionPastDue, SubscriptionUnpaid:
		return true
	}
	return false
}

// Subscription is what the product knows of one Stripe subscription of an
// alliance, as of the Stripe event that last changed it.
type Subscription struct {
	ID                string
	Plan              PaidPlan // empty when its Stripe price is none of the configured ones
	Status            SubscriptionStatus
	PeriodEnd         *time.Time // the end of the paid period: the next invoice, or the end
	CancelAtPeriodEnd bool
	// StateAt is the creation time of the Stripe event this state comes
	// from: the clock that orders the events of one subscription.
	StateAt time.Time
}

// NextInvoiceAt is when Stripe invoices the subscription again: the end
// of its period, unless it ends then or is over; nil otherwise.
func (s *Subscription) NextInvoiceAt() *time.Time {
	if !s.Status.paying() || s.CancelAtPeriodEnd {
		return nil
	}
	return s.PeriodEnd
}

// EndsAt is when a subscription canceled at the end of its period stops:
// nil for one that renews or is already over.
func (s *Subscription) EndsAt() *time.Time {
	if !s.CancelAtPeriodEnd || s.Status.Final() {
		return nil
	}
	return s.PeriodEnd
}

// Supersedes tells whether next, a state that a Stripe event gives, is to
// replace s, whatever order the events arrive in:
//   - a final state (canceled) is never replaced: the subscription's
//     deletion ends it, even when older events arrive after it;
//   - a final state replaces any other, since nothing follows it;
//   - otherwise the state of the later event wins; of two events of the
//     same second, the status further along in a subscription's life.
func (s *Subscription) Supersedes(next Subscription) bool {
	switch {
	case s.Status.Final():
		return false
	case next.Status.Final():
		return true
	case !next.StateAt.Equal(s.StateAt):
		return next.StateAt.After(s.StateAt)
	}
	return next.Status.rank() >= s.Status.rank()
}

// Merge takes next in place of s when it supersedes it, and tells whether
// the state changed. What one of the two does not know (a checkout gives
// neither the period nor always the plan) is taken from the other.
func (s *Subscription) Merge(next Subscription) bool {
	if !s.Supersedes(next) {
		filled := false
		if s.PeriodEnd == nil && next.PeriodEnd != nil {
			s.PeriodEnd, filled = next.PeriodEnd, true
		}
		if s.Plan == "" && next.Plan != "" {
			s.Plan, filled = next.Plan, true
		}
		return filled
	}
	if next.PeriodEnd == nil {
		next.PeriodEnd = s.PeriodEnd
	}
	if next.Plan == "" {
		next.Plan = s.Plan
	}
	same := s.Status == next.Status && s.Plan == next.Plan && s.CancelAtPeriodEnd == next.CancelAtPeriodEnd &&
		s.StateAt.Equal(next.StateAt) && sameInstant(s.PeriodEnd, next.PeriodEnd)
	*s = next
	return !same
}

// sameInstant tells whether two optional times are both absent or equal.
func sameInstant(a, b *time.Time) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && a.Equal(*b))
}
