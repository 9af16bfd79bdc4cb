package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// applyPage (GET /a/:slug/apply) is the form an entrepreneur applies to
// one of the alliance's open cohorts with, no account needed; ?cohort=
// chooses the cohort beforehand. A signed-in person finds their name and
// e-mail filled in.
func (s *Server) applyPage(c *gin.Context) {
	f := newForm(nil)
	if id := c.Query("cohort"); id != "" {
		f.Values.Set("cohort_id", id)
	}
	if sess := sessionOf(c); sess != nil {
		f.Values.Set("applicant.name", sess.User.Name)
		f.Values.Set("applicant.email", sess.User.Email)
	}
	s.renderApply(c, http.StatusOK, f, false)
}

// applySubmit (POST /a/:slug/apply) records the application, in the
// language of the page, and goes to the confirmation. A form with
// mistakes comes back with what was typed, a message next to each field
// and their list at the top; a closed cohort or a second application to
// the same cohort is said at the top (409), and so is a connection that
// sent too many (429). A form that fills the field people do not see gets
// the same confirmation, and nothing is recorded.
func (s *Server) applySubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	a := allianceOf(c)
	if strings.TrimSpace(f.V(honeypotField)) != "" {
		s.log.Info("application refused: the hidden field was filled", "request_id", requestID(c), "alliance", a.Slug)
		seeOther(c, applyThanksPath(a, f.V("cohort_id"), strings.TrimSpace(f.V("applicant.email")) == ""))
		return
	}
	in := applicationFormOf(f, localeOf(c))
	var err error
	if in.CohortID == (domain.ID{}) {
		// The service would say so only once the rest is right: the
		// page says it along with the rest.
		f.fail("cohort_id", s.t(c, "page.apply.choose_cohort"))
		checked := in
		checked.Normalize()
		if err = checked.Validate(time.Now().UTC()); err == nil {
			err = domain.E(domain.CodeInvalid, "", nil)
		}
	} else {
		_, err = s.applications.Apply(c.Request.Context(), a, in, c.ClientIP())
	}
	if err != nil {
		status, ok := s.formFailed(c, f, err)
		if !ok {
			return
		}
		if de := domain.AsError(err); de.Code == domain.CodeRateLimited {
			f.Problem = s.catalog.T(localeOf(c), "page.apply.rate_limited", map[string]any{"minutes": waitMinutes(de.Args["seconds"])})
		}
		s.renderApply(c, status, f, true)
		return
	}
	seeOther(c, applyThanksPath(a, in.CohortID.String(), strings.TrimSpace(in.Applicant.Email) == ""))
}

// waitMinutes gives a wait in seconds as whole minutes, at least one.
func waitMinutes(seconds any) int {
	n, _ := seconds.(int)
	return max(1, (n+59)/60)
}

// applyThanksPath is the address of the confirmation: it names the
// cohort, and whether the applicant gave only a phone number.
func applyThanksPath(a *domain.Alliance, cohort string, phoneOnly bool) string {
	q := url.Values{"cohort": {cohort}}
	if phoneOnly {
		q.Set("by", "phone")
	}
	return "/a/" + a.Slug + "/apply/thanks?" + q.Encode()
}

// renderApply shows the form to apply. With no open cohort, the page says
// so instead, unless the person has just sent the form: what they typed
// then stays on the page.
func (s *Server) renderApply(c *gin.Context, status int, f *form, posted bool) {
	a := allianceOf(c)
	cohorts, err := s.cohorts.Open(c.Request.Context(), a.ID)
	if err != nil {
		s.failPage(c, err)
		return
	}
	if len(cohorts) == 1 && f.V("cohort_id") == "" {
		f.Values.Set("cohort_id", cohorts[0].ID.String())
	}
	s.render(c, status, "apply", s.t(c, "page.apply.title")+" · "+a.Name, gin.H{
		"Alliance": a, "Form": f, "Cohorts": cohorts, "Posted": posted, "Summary": s.applySummary(c, f),
		"Genders": domain.Genders, "Sectors": domain.Sectors, "Stages": domain.Stages, "RevenueBands": domain.RevenueBands,
		"TextMax": domain.ApplicationTextMax, "Honeypot": honeypotField,
	})
}

// applyThanksPage (GET /a/:slug/apply/thanks) confirms an application and
// says what comes next: a mail with the link to follow it, or, for an
// applicant who gave only a phone number, a call from the alliance.
func (s *Server) applyThanksPage(c *gin.Context) {
	a := allianceOf(c)
	var cohort *domain.Cohort
	if id, err := domain.ParseID(c.Query("cohort")); err == nil {
		// An address typed by hand may name no cohort of the alliance:
		// the page then names none.
		if co, err := s.cohorts.Get(c.Request.Context(), a.ID, id); err == nil {
			cohort = co
		}
	}
	s.render(c, http.StatusOK, "apply_thanks", s.t(c, "page.apply.thanks.title")+" · "+a.Name, gin.H{
		"Alliance": a, "Cohort": cohort, "ByPhone": c.Query("by") == "phone",
	})
}
