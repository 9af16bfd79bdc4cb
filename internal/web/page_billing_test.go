package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/frontend"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
)

// TestBillingPageSendsTheAdminToStripe: the admin's pages link to the
// billing page, which shows the plan, the limits used and a form per paid
// plan; each form's answer sends the browser to Stripe, which the page's
// Content-Security-Policy lets its forms reach. A plan that is none is
// refused on the page. A mentor has no billing page.
func TestBillingPageSendsTheAdminToStripe(t *testing.T) {
	e := newBillingEnv(t)
	s, c := e.ts.Server, e.b
	admin := pageSession(t, s, c, callerAdmin)
	if home := get(s, "/a/"+c.slug, admin).Body.String(); !strings.Contains(home, `href="/a/`+c.slug+`/billing" id="link-billing"`) {
		t.Fatalf("the admin's links lack the billing page:\n%s", home)
	}
	w := get(s, "/a/"+c.slug+"/billing", admin)
	body := w.Body.String()
	expectPage(t, "the billing page", w, body, http.StatusOK,
		`id="billing-plan">Communauté`, `id="limit-mentors">2 sur 10`, `id="limit-mentorships">1 sur 25`,
		`id="checkout-alliance_monthly"`, `id="checkout-alliance_yearly"`, `id="portal-form"`)
	if strings.Contains(body, `id="billing-off"`) {
		t.Fatalf("the billing page:\n%s", body)
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "form-action 'self' https://checkout.stripe.com https://billing.stripe.com;") ||
		strings.Contains(csp, "unsafe-inline") {
		t.Fatalf("CSP %q", csp)
	}
	if csp := get(s, "/a/"+c.slug+"/settings", admin).Header().Get("Content-Security-Policy"); strings.Contains(csp, "stripe") {
		t.Fatalf("another page lets its forms go to Stripe: %q", csp)
	}

	w = post(s, "/a/"+c.slug+"/billing/checkout", url.Values{"plan": {"alliance_yearly"}}, admin)
	if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "https://checkout.stripe.com/") {
		t.Fatalf("checkout form: %d to %q", w.Code, w.Header().Get("Location"))
	}
	w = post(s, "/a/"+c.slug+"/billing/portal", nil, admin)
	if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "https://") {
		t.Fatalf("portal form: %d to %q", w.Code, w.Header().Get("Location"))
	}
	w = post(s, "/a/"+c.slug+"/billing/checkout", url.Values{"plan": {"gold"}}, admin)
	expectPage(t, "an unknown plan", w, w.Body.String(), http.StatusUnprocessableEntity, `id="form-problem">Certains champs ne sont pas valides.`)

	if got := get(s, "/a/"+c.slug+"/billing", pageSession(t, s, c, callerMentor)); got.Code != http.StatusForbidden {
		t.Fatalf("a mentor's billing page: %d", got.Code)
	}
	if home := get(s, "/a/"+c.slug, pageSession(t, s, c, callerMentor)).Body.String(); strings.Contains(home, `id="link-billing"`) {
		t.Fatal("a mentor's links name the billing page")
	}
}

// TestBillingPageWithBillingOff says so, shows the community plan's
// limits, and offers no payment.
func TestBillingPageWithBillingOff(t *testing.T) {
	s := newTestServer(t)
	c := newCast(t, s, "alliance-bougouni")
	w := get(s, "/a/"+c.slug+"/billing", pageSession(t, s, c, callerAdmin))
	body := w.Body.String()
	expectPage(t, "the billing page", w, body, http.StatusOK,
		`id="billing-off">La facturation n’est pas activée sur cette instance`+"\u202f"+`: l’alliance est sur le plan Communauté, avec ses limites.`,
		`id="billing-plan">Communauté`, `id="limit-mentors">2 sur 10`)
	if strings.Contains(body, "<form method=\"post\" action=\"/a/"+c.slug+"/billing") {
		t.Fatalf("billing off, yet the page offers to pay:\n%s", body)
	}
}

// TestBillingMessagesExistForEveryValue: the billing page builds its
// message keys from plans, statuses and limits; each has its message.
func TestBillingMessagesExistForEveryValue(t *testing.T) {
	c, err := i18n.Load(frontend.Locales)
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{"plan.community", "plan.alliance"}
	for _, st := range domain.SubscriptionStatuses {
		keys = append(keys, "billing.status."+string(st))
	}
	for _, p := range domain.PaidPlans {
		keys = append(keys, "paid_plan."+string(p), "billing.checkout."+string(p))
	}
	for _, l := range domain.Limits {
		keys = append(keys, "limit."+string(l), "error.limit_reached."+string(l))
	}
	for _, k := range keys {
		if !c.Has(k) {
			t.Errorf("no message %q", k)
		}
	}
}
