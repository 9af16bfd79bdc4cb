package domain_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// t0 is the time of the first event of every scenario.
var t0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func at(seconds int) time.Time { return t0.Add(time.Duration(seconds) * time.Second) }

func sub(status domain.SubscriptionStatus, seconds int) domain.Subscription {
	return domain.Subscription{ID: "sub_1", Status: status, StateAt: at(seconds)}
}

func TestSubscriptionSupersedes(t *testing.T) {
	tests := []struct {
		name      string
		kept, new domain.Subscription
		want      bool
	}{
		{"a later event wins", sub(domain.SubscriptionIncomplete, 0), sub(domain.SubscriptionActive, 5), true},
		{"an earlier event loses", sub(domain.SubscriptionActive, 5), sub(domain.SubscriptionIncomplete, 0), false},
		{"a later event wins even backwards in a subscription's life", sub(domain.SubscriptionPastDue, 0), sub(domain.SubscriptionActive, 5), true},
		{"same second: further along in the life wins", sub(domain.SubscriptionIncomplete, 0), sub(domain.SubscriptionActive, 0), true},
		{"same second: not the one before", sub(domain.SubscriptionActive, 0), sub(domain.SubscriptionIncomplete, 0), false},
		{"same second, same status: taken again", sub(domain.SubscriptionActive, 0), sub(domain.SubscriptionActive, 0), true},
		{"canceled ends it whatever its time", sub(domain.SubscriptionActive, 9), sub(domain.SubscriptionCanceled, 1), true},
		{"nothing follows canceled", sub(domain.SubscriptionCanceled, 1), sub(domain.SubscriptionActive, 9), false},
		{"nothing follows an expired checkout", sub(domain.SubscriptionIncompleteExpired, 1), sub(domain.SubscriptionActive, 9), false},
		{"anything replaces what was never known", domain.Subscription{ID: "sub_1"}, sub(domain.SubscriptionIncomplete, 0), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.kept.Supersedes(tc.new); got != tc.want {
				t.Fatalf("%s at %s superseded by %s at %s: %v; want %v",
					tc.kept.Status, tc.kept.StateAt, tc.new.Status, tc.new.StateAt, got, tc.want)
			}
		})
	}
}

func TestSubscriptionMergeKeepsWhatTheEventDoesNotKnow(t *testing.T) {
	end := at(30 * 24 * 3600)
	kept := domain.Subscription{ID: "sub_1", Plan: domain.PaidAllianceYearly, Status: domain.SubscriptionIncomplete, PeriodEnd: &end, StateAt: at(0)}
	// A checkout tells neither the period nor, here, the plan.
	if !kept.Merge(domain.Subscription{ID: "sub_1", Status: domain.SubscriptionActive, StateAt: at(1)}) {
		t.Fatal("the later state was not taken")
	}
	if kept.Status != domain.SubscriptionActive || kept.Plan != domain.PaidAllianceYearly || kept.PeriodEnd == nil || !kept.PeriodEnd.Equal(end) {
		t.Fatalf("merged %+v", kept)
	}
	if kept.Merge(domain.Subscription{ID: "sub_1", Status: domain.SubscriptionIncomplete, StateAt: at(0)}) {
		t.Fatal("an older state was taken")
	}
	if kept.Merge(kept) {
		t.Fatal("the same state again is a change")
	}
	// An older state still tells what the kept one does not know.
	checkout := domain.Subscription{ID: "sub_1", Status: domain.SubscriptionActive, StateAt: at(5)}
	if !checkout.Merge(domain.Subscription{ID: "sub_1", Plan: domain.PaidAllianceMonthly, Status: domain.SubscriptionIncomplete, PeriodEnd: &end, StateAt: at(5)}) {
		t.Fatal("the older state's period and plan were not taken")
	}
	if checkout.Status != domain.SubscriptionActive || checkout.Plan != domain.PaidAllianceMonthly || checkout.PeriodEnd == nil {
		t.Fatalf("merged %+v", checkout)
	}
}

// TestEventsInAnyOrderGiveOneState applies every order of each scenario's
// events, as Stripe may deliver them, and expects one final state.
func TestEventsInAnyOrderGiveOneState(t *testing.T) {
	end1, end2 := at(100), at(200)
	tests := []struct {
		name   string
		events []domain.Subscription
		want   domain.Subscription
	}{
		{"created, paid, renewed", []domain.Subscription{
			{ID: "sub_1", Status: domain.SubscriptionIncomplete, StateAt: at(0)},
			{ID: "sub_1", Status: domain.SubscriptionActive, Plan: domain.PaidAllianceMonthly, PeriodEnd: &end1, StateAt: at(0)},
			{ID: "sub_1", Status: domain.SubscriptionActive, Plan: domain.PaidAllianceMonthly, PeriodEnd: &end2, StateAt: at(60)},
		}, domain.Subscription{ID: "sub_1", Status: domain.SubscriptionActive, Plan: domain.PaidAllianceMonthly, PeriodEnd: &end2, StateAt: at(60)}},
		{"updated, then deleted", []domain.Subscription{
			{ID: "sub_1", Status: domain.SubscriptionActive, PeriodEnd: &end1, StateAt: at(0)},
			{ID: "sub_1", Status: domain.SubscriptionPastDue, PeriodEnd: &end1, StateAt: at(10)},
			{ID: "sub_1", Status: domain.SubscriptionCanceled, PeriodEnd: &end1, StateAt: at(20)},
		}, domain.Subscription{ID: "sub_1", Status: domain.SubscriptionCanceled, PeriodEnd: &end1, StateAt: at(20)}},
	}
	for _, tc := range tests {
		for _, order := range permutations(len(tc.events)) {
			t.Run(fmt.Sprintf("%s %v", tc.name, order), func(t *testing.T) {
				got := domain.Subscription{ID: "sub_1"}
				for _, i := range order {
					got.Merge(tc.events[i])
				}
				if got.Status != tc.want.Status || got.Plan != tc.want.Plan || !got.StateAt.Equal(tc.want.StateAt) ||
					got.PeriodEnd == nil || !got.PeriodEnd.Equal(*tc.want.PeriodEnd) {
					t.Fatalf("final state %+v; want %+v", got, tc.want)
				}
			})
		}
	}
}

// permutations lists every order of 0…n-1.
func permutations(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

func TestInvoicePaidIsFinal(t *testing.T) {
	tests := []struct {
		name       string
		apply      func(inv *domain.Invoice)
		failing    bool
		failedAtSc int
	}{
		{"failed", func(inv *domain.Invoice) { inv.PaymentFailed(at(10)) }, true, 10},
		{"failed twice: the first failure counts", func(inv *domain.Invoice) { inv.PaymentFailed(at(10)); inv.PaymentFailed(at(5)) }, true, 5},
		{"failed, then paid", func(inv *domain.Invoice) { inv.PaymentFailed(at(10)); inv.Paid(at(20)) }, false, 10},
		{"paid, then an older failure arrives", func(inv *domain.Invoice) { inv.Paid(at(20)); inv.PaymentFailed(at(10)) }, false, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inv := &domain.Invoice{ID: "in_1", SubscriptionID: "sub_1"}
			tc.apply(inv)
			if inv.Failing() != tc.failing {
				t.Fatalf("failing %v; want %v (%+v)", inv.Failing(), tc.failing, inv)
			}
			if tc.failedAtSc >= 0 && (inv.FailedAt == nil || !inv.FailedAt.Equal(at(tc.failedAtSc))) {
				t.Fatalf("failed at %v; want %v", inv.FailedAt, at(tc.failedAtSc))
			}
		})
	}
}

func TestPlanOfAnAccount(t *testing.T) {
	const grace = 7 * 24 * time.Hour
	now := at(0).Add(30 * 24 * time.Hour)
	failed := func(daysAgo int) *time.Time {
		t := now.Add(-time.Duration(daysAgo) * 24 * time.Hour)
		return &t
	}
	subscription := func(status domain.SubscriptionStatus) []domain.Subscription {
		return []domain.Subscription{{ID: "sub_1", Status: status, StateAt: at(0)}}
	}
	tests := []struct {
		name     string
		account  domain.BillingAccount
		want     domain.Plan
		graceEnd bool
	}{
		{"nothing", domain.BillingAccount{}, domain.PlanCommunity, false},
		{"active", domain.BillingAccount{Subscriptions: subscription(domain.SubscriptionActive)}, domain.PlanAlliance, false},
		{"trialing", domain.BillingAccount{Subscriptions: subscription(domain.SubscriptionTrialing)}, domain.PlanAlliance, false},
		{"checkout not paid", domain.BillingAccount{Subscriptions: subscription(domain.SubscriptionIncomplete)}, domain.PlanCommunity, false},
		{"canceled", domain.BillingAccount{Subscriptions: subscription(domain.SubscriptionCanceled)}, domain.PlanCommunity, false},
		{"payment late, within the grace", domain.BillingAccount{Subscriptions: subscription(domain.SubscriptionPastDue),
			Invoices: []domain.Invoice{{ID: "in_1", SubscriptionID: "sub_1", FailedAt: failed(6)}}}, domain.PlanAlliance, true},
		{"payment late, grace over", domain.BillingAccount{Subscriptions: subscription(domain.SubscriptionPastDue),
			Invoices: []domain.Invoice{{ID: "in_1", SubscriptionID: "sub_1", FailedAt: failed(8)}}}, domain.PlanCommunity, true},
		{"still active for Stripe, grace over", domain.BillingAccount{Subscriptions: subscription(domain.SubscriptionActive),
			Invoices: []domain.Invoice{{ID: "in_1", SubscriptionID: "sub_1", FailedAt: failed(8)}}}, domain.PlanCommunity, true},
		{"failed long ago, then paid", domain.BillingAccount{Subscriptions: subscription(domain.SubscriptionActive),
			Invoices: []domain.Invoice{{ID: "in_1", SubscriptionID: "sub_1", FailedAt: failed(20), PaidAt: failed(19)}}}, domain.PlanAlliance, false},
		{"one canceled, a new one active", domain.BillingAccount{Subscriptions: []domain.Subscription{
			{ID: "sub_1", Status: domain.SubscriptionCanceled, StateAt: at(50)},
			{ID: "sub_2", Status: domain.SubscriptionActive, StateAt: at(10)},
		}}, domain.PlanAlliance, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.account.Plan(now, grace); got != tc.want {
				t.Fatalf("plan %s; want %s", got, tc.want)
			}
			if end := tc.account.GraceEnd("sub_1", grace); (end != nil) != tc.graceEnd {
				t.Fatalf("grace end %v; want one: %v", end, tc.graceEnd)
			}
			over := tc.account.GracesOver(now, grace)
			if wantOver := tc.graceEnd && tc.want == domain.PlanCommunity; (len(over) == 1) != wantOver {
				t.Fatalf("graces over %v; want one: %v", over, wantOver)
			}
		})
	}
}

func TestCommunityPlanLimits(t *testing.T) {
	for _, tc := range []struct {
		plan   domain.Plan
		limit  domain.Limit
		max    int
		capped bool
	}{
		{domain.PlanCommunity, domain.LimitMentors, 10, true},
		{domain.PlanCommunity, domain.LimitMentorships, 25, true},
		{domain.PlanAlliance, domain.LimitMentors, 0, false},
		{domain.PlanAlliance, domain.LimitMentorships, 0, false},
	} {
		if max, capped := tc.plan.Max(tc.limit); max != tc.max || capped != tc.capped {
			t.Errorf("%s %s: %d %v; want %d %v", tc.plan, tc.limit, max, capped, tc.max, tc.capped)
		}
	}
	for plan, valid := range map[domain.PaidPlan]bool{"alliance_monthly": true, "alliance_yearly": true, "": false, "community": false, "alliance": false} {
		if err := plan.Validate(); (err == nil) != valid {
			t.Errorf("paid plan %q: %v", plan, err)
		}
	}
}
