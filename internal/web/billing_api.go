package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// billingView is an alliance's billing in the API.
type billingView struct {
	Enabled bool        `json:"enabled"`
	Plan    domain.Plan `json:"plan"`
	// Status is the current subscription's, or "none".
	Status            string                     `json:"status"`
	PaidPlan          *domain.PaidPlan           `json:"paid_plan"`
	NextInvoiceAt     *time.Time                 `json:"next_invoice_at"`
	EndsAt            *time.Time                 `json:"ends_at"`
	CancelAtPeriodEnd bool                       `json:"cancel_at_period_end"`
	GraceEndsAt       *time.Time                 `json:"grace_ends_at"`
	Limits            map[domain.Limit]limitView `json:"limits"`
}

// limitView is how much of a limit an alliance uses; Max is null when its
// plan sets none.
type limitView struct {
	Used int  `json:"used"`
	Max  *int `json:"max"`
}

func billingOf(st *domain.BillingStatus) billingView {
	v := billingView{Enabled: st.Enabled, Plan: st.Plan, Status: "none", GraceEndsAt: st.GraceEndsAt, Limits: map[domain.Limit]limitView{}}
	if sub := st.Subscription; sub != nil {
		v.Status, v.NextInvoiceAt, v.EndsAt, v.CancelAtPeriodEnd = string(sub.Status), sub.NextInvoiceAt(), sub.EndsAt(), sub.CancelAtPeriodEnd
		if sub.Plan != "" {
			v.PaidPlan = &sub.Plan
		}
	}
	for _, u := range st.Usage {
		l := limitView{Used: u.Used}
		if u.Capped {
			l.Max = &u.Max
		}
		v.Limits[u.Limit] = l
	}
	return v
}

// billingGet answers GET /api/v1/alliances/{slug}/billing (admin): the
// plan, its status and the limits used.
func (s *Server) billingGet(c *gin.Context) {
	st, err := s.billing.Status(c.Request.Context(), callerOf(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, billingOf(st))
}

// billingCheckout answers POST /api/v1/alliances/{slug}/billing/checkout
// {plan} (admin): the address of a Stripe Checkout page where the
// alliance subscribes to the plan.
func (s *Server) billingCheckout(c *gin.Context) {
	var in struct {
		Plan domain.PaidPlan `json:"plan"`
	}
	if err := decodeJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	url, err := s.billing.Checkout(c.Request.Context(), callerOf(c), in.Plan)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"url": url})
}

// billingPortal answers POST /api/v1/alliances/{slug}/billing/portal
// (admin): the address of the alliance's page in Stripe's customer portal.
// The request has no body.
func (s *Server) billingPortal(c *gin.Context) {
	url, err := s.billing.Portal(c.Request.Context(), callerOf(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"url": url})
}
