package web

import (
	"encoding/json"
	"maps"
	"net/http"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

// TestBillingCheckoutAndPortalThroughStripeMock: an admin sees the
// alliance on community with its limits, gets a Stripe Checkout address
// for each paid plan and one of the customer portal, all through stripe-go
// against stripe-mock; the alliance's Stripe customer is created once.
func TestBillingCheckoutAndPortalThroughStripeMock(t *testing.T) {
	e := newBillingEnv(t)
	c := e.a
	v := e.billingOf(c)
	if !v.Enabled || v.Plan != domain.PlanCommunity || v.Status != "none" || v.PaidPlan != nil || v.NextInvoiceAt != nil {
		t.Fatalf("billing %+v; want community, no subscription", v)
	}
	if m := v.Limits[domain.LimitMentors]; m.Used != 2 || m.Max == nil || *m.Max != 10 {
		t.Fatalf("mentors %+v; want 2 of 10 (the mentor and the pending invitation)", m)
	}
	if m := v.Limits[domain.LimitMentorships]; m.Used != 1 || m.Max == nil || *m.Max != 25 {
		t.Fatalf("mentorships %+v; want 1 of 25 (the mentor's with the entrepreneur)", m)
	}
	for _, plan := range domain.PaidPlans {
		if url := e.checkout(c, plan); !strings.HasPrefix(url, "https://checkout.stripe.com/") {
			t.Fatalf("checkout of %s: %q", plan, url)
		}
	}
	w := do(e.ts.Server, http.MethodPost, "/api/v1/alliances/"+c.slug+"/billing/portal", "", c.headers(callerAdmin))
	var portal struct{ URL string }
	if err := json.Unmarshal(w.Body.Bytes(), &portal); w.Code != http.StatusOK || err != nil || !strings.HasPrefix(portal.URL, "https://") {
		t.Fatalf("portal: %d %s", w.Code, w.Body)
	}
	if n := testkit.Count(t, e.ts.db, nil, "billing_customers"); n != 1 {
		t.Fatalf("%d Stripe customers; want the alliance's one", n)
	}
	audit := do(e.ts.Server, http.MethodGet, "/api/v1/alliances/"+c.slug+"/audit?action=billing.", "", c.headers(callerAdmin))
	for _, want := range []string{`"billing.customer_created"`, `"billing.checkout_started"`} {
		if strings.Count(audit.Body.String(), want) != map[string]int{`"billing.customer_created"`: 1, `"billing.checkout_started"`: 2}[want] {
			t.Errorf("audit of billing: %s", audit.Body)
		}
	}
}

// TestBillingCheckoutRefusesBadInput: an unknown plan, a caller who is no
// admin, an admin of another alliance, a body that is not JSON: each gets
// its own clear answer, and nothing is written (not even a Stripe
// customer).
func TestBillingCheckoutRefusesBadInput(t *testing.T) {
	e := newBillingEnv(t)
	tests := []struct {
		name   string
		who    string
		from   *cast // whose caller asks
		body   string
		status int
		detail string
	}{
		{"an unknown plan", callerAdmin, e.a, `{"plan":"platinum"}`, http.StatusUnprocessableEntity, "Some fields are not valid."},
		{"the free plan", callerAdmin, e.a, `{"plan":"community"}`, http.StatusUnprocessableEntity, "Some fields are not valid."},
		{"no plan", callerAdmin, e.a, `{}`, http.StatusUnprocessableEntity, "Some fields are not valid."},
		{"not JSON", callerAdmin, e.a, `{"plan":`, http.StatusBadRequest, "valid JSON"},
		{"a coordinator", callerCoordinator, e.a, `{"plan":"alliance_monthly"}`, http.StatusForbidden, ""},
		{"a mentor", callerMentor, e.a, `{"plan":"alliance_monthly"}`, http.StatusForbidden, ""},
		{"another alliance's admin", callerAdmin, e.b, `{"plan":"alliance_monthly"}`, http.StatusNotFound, ""},
		{"nobody", callerAnonymous, e.a, `{"plan":"alliance_monthly"}`, http.StatusUnauthorized, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := e.rows(e.a)
			w := do(e.ts.Server, http.MethodPost, "/api/v1/alliances/"+e.a.slug+"/billing/checkout", tc.body, tc.from.headers(tc.who))
			p := decodeProblem(t, w)
			if w.Code != tc.status || !strings.Contains(p.Detail, tc.detail) {
				t.Fatalf("%d %+v; want %d with %q", w.Code, p, tc.status, tc.detail)
			}
			if tc.status == http.StatusUnprocessableEntity && (len(p.Errors) != 1 || p.Errors[0].Field != "plan" ||
				p.Errors[0].Message != "Unknown value: choose one of alliance_monthly, alliance_yearly.") {
				t.Fatalf("errors %+v; want the plan's", p.Errors)
			}
			if after := e.rows(e.a); !maps.Equal(after, before) {
				t.Fatalf("rows changed:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

// TestBillingWithoutAStripeKey: billing is off on the embedded defaults:
// the alliance is on community with its limits, and neither checkout nor
// portal opens.
func TestBillingWithoutAStripeKey(t *testing.T) {
	s := newTestServer(t)
	c := newCastIn(t, s, "alliance-nioro", domain.English)
	w := do(s, http.MethodGet, "/api/v1/alliances/"+c.slug+"/billing", "", c.headers(callerAdmin))
	var v billingView
	if err := json.Unmarshal(w.Body.Bytes(), &v); w.Code != http.StatusOK || err != nil || v.Enabled || v.Plan != domain.PlanCommunity {
		t.Fatalf("billing: %d %s", w.Code, w.Body)
	}
	if m := v.Limits[domain.LimitMentors]; m.Max == nil || *m.Max != 10 {
		t.Fatalf("mentors %+v; want the limit of 10", m)
	}
	for path, body := range map[string]string{"/checkout": `{"plan":"alliance_yearly"}`, "/portal": ""} {
		w := do(s, http.MethodPost, "/api/v1/alliances/"+c.slug+"/billing"+path, body, c.headers(callerAdmin))
		if p := decodeProblem(t, w); w.Code != http.StatusConflict || p.Detail != "Billing is off on this instance." {
			t.Errorf("%s: %d %+v", path, w.Code, p)
		}
	}
}

// TestLimitReachedLinksToTheBillingPage: the eleventh mentor is refused
// through the API with a problem that names the limit and links to the
// billing page, and through the invitations page with the message and
// the link.
func TestLimitReachedLinksToTheBillingPage(t *testing.T) {
	s := newTestServer(t)
	c := newCastIn(t, s, "alliance-kati", domain.English)
	invite := func(email string) *answer {
		a := send(s, http.MethodPost, "/api/v1/alliances/"+c.slug+"/invitations",
			`{"email":"`+email+`","roles":["mentor"]}`, c.headers(callerAdmin))
		return &a
	}
	for i := range 8 { // the cast holds two places already
		if got := invite(strings.Repeat("m", i+1) + "@kati.example.org"); got.Status != http.StatusCreated {
			t.Fatalf("mentor %d: %v", i+3, got)
		}
	}
	w := do(s, http.MethodPost, "/api/v1/alliances/"+c.slug+"/invitations", `{"email":"eleven@kati.example.org","roles":["mentor"]}`, c.headers(callerAdmin))
	p := decodeProblem(t, w)
	if w.Code != http.StatusConflict || p.Type != "https://mentorat.org/problems/limit_reached" || p.Link != "/a/alliance-kati/billing" ||
		p.Title != "Plan limit reached" ||
		p.Detail != "The Community plan allows at most 10 mentors, pending invitations included. Move to the Alliance plan to add more." {
		t.Fatalf("the eleventh mentor: %d %+v", w.Code, p)
	}
	session := pageSession(t, s, c, callerAdmin)
	page := post(s, "/a/"+c.slug+"/invitations", map[string][]string{"email": {"eleven@kati.example.org"}, "roles": {"mentor"}}, session)
	expectPage(t, "the invitations page", page, page.Body.String(), http.StatusConflict,
		`id="form-problem">Le plan Communauté permet au plus 10 mentors`,
		`<a href="/a/alliance-kati/billing" id="form-problem-link">Voir le plan et l’abonnement</a>`)
}
