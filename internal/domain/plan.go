package domain

import (
	"slices"
	"strings"
)

// Plan is what an alliance is entitled to: the free community plan with
// its limits, or the paid alliance plan without them.
type Plan string

// The plans.
const (
	PlanCommunity Plan = "community" // free: a few mentors and mentorships
	PlanAlliance  Plan = "alliance"  // paid monthly or yearly: no limits
)

// PaidPlan is what an alliance can buy: the alliance plan, paid by the
// month or by the year. The API calls it "plan"; each has its own Stripe
// price, named in the configuration.
type PaidPlan string

// The paid plans.
const (
	PaidAllianceMonthly PaidPlan = "alliance_monthly"
	PaidAllianceYearly  PaidPlan = "alliance_yearly"
)

// PaidPlans lists every paid plan, in the order the billing page offers
// them.
var PaidPlans = []PaidPlan{PaidAllianceMonthly, PaidAllianceYearly}

// Validate refuses a paid plan the product does not sell, on the field
// "plan".
func (p PaidPlan) Validate() error {
	var problems Problems
	if !slices.Contains(PaidPlans, p) {
		names := make([]string, len(PaidPlans))
		for i, known := range PaidPlans {
			names[i] = string(known)
		}
		problems.Add("plan", "validation.one_of", map[string]any{"values": strings.Join(names, ", ")})
	}
	return problems.Err()
}

// Limit names something the community plan counts and caps.
type Limit string

// The limits of the community plan.
const (
	LimitMentors     Limit = "mentors"     // active mentors and pending invitations of mentors
	LimitMentorships Limit = "mentorships" // active mentorships
)

// Limits lists every limit, in the order the billing page shows them.
var Limits = []Limit{LimitMentors, LimitMentorships}

// communityLimits are the caps of the free plan.
var communityLimits = map[Limit]int{LimitMentors: 10, LimitMentorships: 25}

// Max gives the most of limit the plan allows, and false when the plan
// sets no such limit.
func (p Plan) Max(limit Limit) (int, bool) {
	if p != PlanCommunity {
		return 0, false
	}
	n, ok := communityLimits[limit]
	return n, ok
}
