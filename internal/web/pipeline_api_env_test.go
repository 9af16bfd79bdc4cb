package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

// pipelineTables are the tables a request of the mentee pipeline could
// write.
var pipelineTables = []string{"cohorts", "applications", "application_events", "application_notes", "mentorships",
	"mentorship_sessions", "alliance_messages", "members"}

// pipelineAPI is the mentor community of communityAPI running its mentee
// pipeline, with a cohort open in Dakar, and another alliance with its
// own cohort and mentor.
type pipelineAPI struct {
	*communityAPI
	cohort      cohortView
	otherSlug   string
	otherCohort cohortView
	otherMentor acctUser
}

func newPipelineAPI(t *testing.T) *pipelineAPI {
	t.Helper()
	p := &pipelineAPI{communityAPI: newCommunityAPI(t), otherSlug: "thies-mentors"}
	p.cohort = p.newCohort(p.coord, p.slug, "Dakar 2027", 10)
	p.alliance(p.outsider, p.otherSlug, domain.English)
	p.otherMentor = p.user("ousmane@"+p.otherSlug+".example.org", "Ousmane", domain.French)
	p.join(p.outsider, p.otherMentor, p.otherSlug, domain.RoleMentor)
	p.otherCohort = p.newCohort(p.outsider, p.otherSlug, "Thiès 2027", 10)
	return p
}

// cohortInput is a good cohort in Dakar starting in two months, for a
// year, open for applications.
func cohortInput(name string, capacity int) map[string]any {
	start := time.Now().UTC().AddDate(0, 2, 0)
	return map[string]any{"name": name, "city": "Dakar", "starts_on": start.Format(time.DateOnly),
		"ends_on": start.AddDate(1, 0, 0).Format(time.DateOnly), "capacity": capacity, "applications_open": true}
}

// newCohort has u create a cohort in slug.
func (p *pipelineAPI) newCohort(u acctUser, slug, name string, capacity int) cohortView {
	p.t.Helper()
	w := p.call("POST", "/api/v1/alliances/"+slug+"/cohorts", cohortInput(name, capacity), u.Token)
	p.expect(w, http.StatusCreated, "cohort "+name)
	var v cohortView
	p.decode(w, &v)
	return v
}

// form is a good application of name to the cohort, reachable at email.
func (p *pipelineAPI) form(cohort domain.ID, name, email string) map[string]any {
	return map[string]any{
		"cohort_id": cohort.String(),
		"applicant": map[string]any{"name": name, "email": email, "phone": "", "gender": "woman", "birth_year": 1996, "city": "Dakar"},
		"business": map[string]any{"name": "Atelier " + name, "sector": "agrifood", "stage": "growing", "employees": 3,
			"founded_year": 2021, "revenue_band": "1m_5m"},
		"obstacles": "La trésorerie entre deux commandes.", "goals": "Tenir mes comptes.", "motivation": "Apprendre d’une personne passée par là.",
	}
}

// apply sends a form without credentials and gives the new application's
// id.
func (p *pipelineAPI) apply(form map[string]any) domain.ID {
	p.t.Helper()
	w := p.call("POST", p.path("/applications"), form, "")
	p.expect(w, http.StatusCreated, "apply")
	var out struct{ ID domain.ID }
	p.decode(w, &out)
	return out.ID
}

// applied has name apply from email and moves the application along the
// pipeline to status, as the coordinator.
func (p *pipelineAPI) applied(name, email string, to domain.ApplicationStatus) domain.ID {
	p.t.Helper()
	id := p.apply(p.form(p.cohort.ID, name, email))
	for _, st := range pathTo(to) {
		p.move(id, st)
	}
	return id
}

// pathTo is the moves from submitted to status.
func pathTo(to domain.ApplicationStatus) []domain.ApplicationStatus {
	return map[domain.ApplicationStatus][]domain.ApplicationStatus{
		domain.AppSubmitted:  nil,
		domain.AppScreening:  {domain.AppScreening},
		domain.AppInterview:  {domain.AppScreening, domain.AppInterview},
		domain.AppAccepted:   {domain.AppScreening, domain.AppInterview, domain.AppAccepted},
		domain.AppWaitlisted: {domain.AppScreening, domain.AppInterview, domain.AppWaitlisted},
		domain.AppRejected:   {domain.AppScreening, domain.AppInterview, domain.AppRejected},
	}[to]
}

// move moves an application as the coordinator.
func (p *pipelineAPI) move(id domain.ID, to domain.ApplicationStatus) screenedApplicationView {
	p.t.Helper()
	w := p.call("POST", p.path("/applications/"+id.String()+"/transitions"), map[string]any{"to": to}, p.coord.Token)
	p.expect(w, http.StatusOK, fmt.Sprintf("move to %s", to))
	var v screenedApplicationView
	p.decode(w, &v)
	return v
}

// application reads an application as u.
func (p *pipelineAPI) application(id domain.ID, u acctUser) screenedApplicationView {
	p.t.Helper()
	w := p.call("GET", p.path("/applications/"+id.String()), nil, u.Token)
	p.expect(w, http.StatusOK, "application")
	var v screenedApplicationView
	p.decode(w, &v)
	return v
}

// publishCharter publishes a charter, which the mentors then accept.
func (p *pipelineAPI) publishCharter(accepting ...acctUser) {
	p.t.Helper()
	w := p.call("POST", p.path("/charter/versions"), map[string]any{"body_markdown": "# Charte\n\nÉcouter d’abord.", "locale": "fr"}, p.admin.Token)
	p.expect(w, http.StatusCreated, "charter draft")
	var v struct{ Version int }
	p.decode(w, &v)
	p.expect(p.call("POST", p.path(fmt.Sprintf("/charter/versions/%d/publish", v.Version)), nil, p.admin.Token), http.StatusOK, "publish")
	for _, u := range accepting {
		p.expect(p.call("POST", p.path("/charter/accept"), nil, u.Token), http.StatusCreated, "accept the charter")
	}
}

// profile sets a mentor's matching profile as the admin.
func (p *pipelineAPI) profile(u acctUser, city string, sectors, languages []string) {
	p.t.Helper()
	w := p.call("PUT", p.path("/members/"+u.ID.String()+"/profile"), map[string]any{"city": city, "sectors": sectors, "languages": languages}, p.admin.Token)
	p.expect(w, http.StatusOK, "profile")
}

// pipelineCounts counts the rows of the pipeline's tables, the outbox and
// the audit log of the alliance, and the users of the platform.
func (p *pipelineAPI) pipelineCounts() map[string]int {
	p.t.Helper()
	out := p.counts(pipelineTables...)
	out["users"] = testkit.Count(p.t, p.db, nil, "users")
	return out
}

// unchangedPipeline fails when the counts differ from before.
func (p *pipelineAPI) unchangedPipeline(t *testing.T, before map[string]int) {
	t.Helper()
	after := p.pipelineCounts()
	for table, n := range before {
		if after[table] != n {
			t.Fatalf("%s has %d rows after a refused request; want %d", table, after[table], n)
		}
	}
}

// expectDetail fails unless w is a problem of status in loc whose detail
// is the message of key with args.
func (p *pipelineAPI) expectDetail(t *testing.T, w *httptest.ResponseRecorder, status int, loc domain.Locale, key string, args map[string]any) {
	t.Helper()
	p.expectProblem(t, w, status, loc, "")
	if got, want := p.problem(w).Detail, p.message(loc, key, args); got != want {
		t.Fatalf("detail %q; want %q", got, want)
	}
}
