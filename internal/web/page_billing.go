package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// stripePages are where the billing page's forms lead once the product
// has answered them: Stripe's checkout and customer portal.
const stripePages = "https://checkout.stripe.com https://billing.stripe.com"

// billingPage shows an admin the alliance's plan, its subscription, the
// limits used, and the forms to subscribe and to open Stripe's portal.
func (s *Server) billingPage(c *gin.Context) {
	s.renderBilling(c, http.StatusOK, newForm(nil))
}

func (s *Server) renderBilling(c *gin.Context, status int, f *form) {
	st, err := s.billing.Status(c.Request.Context(), callerOf(c))
	if err != nil {
		s.failPage(c, err)
		return
	}
	// A form's answer sends the browser on to Stripe: the policy lets
	// this page's forms go there, and nowhere else.
	c.Header("Content-Security-Policy", strings.Replace(contentSecurityPolicy, "form-action 'self'", "form-action 'self' "+stripePages, 1))
	s.renderSection(c, status, "billing", "billing.title", gin.H{
		"Form": f, "Billing": st, "PaidPlans": domain.PaidPlans, "Checkout": c.Query("checkout"),
	})
}

// billingCheckoutSubmit sends the admin to Stripe Checkout to subscribe to
// the plan of the form.
func (s *Server) billingCheckoutSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	url, err := s.billing.Checkout(c.Request.Context(), callerOf(c), domain.PaidPlan(f.V("plan")))
	s.toStripe(c, f, url, err)
}

// billingPortalSubmit sends the admin to the alliance's page in Stripe's
// customer portal.
func (s *Server) billingPortalSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	url, err := s.billing.Portal(c.Request.Context(), callerOf(c))
	s.toStripe(c, f, url, err)
}

// toStripe ends a billing form: on to Stripe's page, or the billing page
// again with what went wrong.
func (s *Server) toStripe(c *gin.Context, f *form, url string, err error) {
	if err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderBilling(c, status, f)
		}
		return
	}
	seeOther(c, url)
}
