package service_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/ratelimit"
	"github.com/mentorat/mentorat/internal/service"
)

// pipelineEnv is a communityEnv with the pipeline's use cases, the
// alliance's charter published, and a cohort open in Ségou.
type pipelineEnv struct {
	*communityEnv
	cohorts  *service.Cohorts
	apps     *service.Applications
	messages *service.Messages
	matching *service.Matching
	charters *service.Charters
	cohort   *domain.Cohort
	ip       int
}

func newPipelineEnv(t *testing.T, slug string) *pipelineEnv {
	t.Helper()
	ce := newCommunityEnv(t, slug)
	clock := func() time.Time { return ce.now }
	e := &pipelineEnv{communityEnv: ce,
		cohorts:  &service.Cohorts{DB: ce.db, Now: clock},
		messages: &service.Messages{DB: ce.db, Catalog: ce.catalog},
		matching: &service.Matching{DB: ce.db, Catalog: ce.catalog, BaseURL: svcBaseURL, Billing: ce.billing, Now: clock},
		charters: &service.Charters{DB: ce.db, Catalog: ce.catalog, BaseURL: svcBaseURL}}
	e.apps = &service.Applications{DB: ce.db, Catalog: ce.catalog, Limiter: newLimiter(t, ce.svcEnv), Messages: e.messages,
		BaseURL: svcBaseURL, Now: clock}
	e.cohort = e.newCohort("Ségou 2027", "Ségou", 3)
	v, err := e.charters.Draft(e.ctx, e.as(e.admin), map[domain.Locale]string{domain.French: "# Charte"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.charters.Publish(e.ctx, e.as(e.admin), v.Version); err != nil {
		t.Fatal(err)
	}
	e.setupMail = len(e.mails())
	return e
}

// newCohort opens a cohort starting in two months, for a year.
func (e *pipelineEnv) newCohort(name, city string, capacity int) *domain.Cohort {
	e.t.Helper()
	start := domain.Day(e.now.AddDate(0, 2, 0))
	co := &domain.Cohort{Name: name, City: city, StartsOn: start, EndsOn: start.AddDate(1, 0, 0), Capacity: capacity, ApplicationsOpen: true}
	if err := e.cohorts.Create(e.ctx, e.as(e.coord), co); err != nil {
		e.t.Fatalf("cohort %s: %v", name, err)
	}
	return co
}

// form is a valid application to the env's cohort.
func (e *pipelineEnv) form(name, email string) domain.ApplicationForm {
	return domain.ApplicationForm{CohortID: e.cohort.ID, Locale: domain.French,
		Applicant: domain.Applicant{Name: name, Email: email, Phone: "+223 70 12 34 56", Gender: domain.GenderWoman, BirthYear: 1998, City: "Ségou"},
		Business:  domain.Business{Name: "Atelier " + name, Sector: "textile", Stage: "growing", Employees: 3, FoundedYear: 2021, RevenueBand: "1m_5m"},
		Obstacles: "La trésorerie entre deux commandes.", Goals: "Tenir mes comptes et embaucher.", Motivation: "Apprendre d’une personne qui est passée par là."}
}

// apply sends a form from a fresh address.
func (e *pipelineEnv) apply(f domain.ApplicationForm) (*service.Submitted, error) {
	e.ip++
	return e.apps.Apply(e.ctx, e.alliance, f, "203.0.113."+strconv.Itoa(e.ip))
}

// applied sends a valid form and moves the application to status along
// the state machine.
func (e *pipelineEnv) applied(name string, to domain.ApplicationStatus) *domain.Application {
	e.t.Helper()
	f := e.form(name, name+"@entreprises.example.org")
	f.Applicant.Phone = ""
	s, err := e.apply(f)
	if err != nil {
		e.t.Fatalf("apply %s: %v", name, err)
	}
	path := map[domain.ApplicationStatus][]domain.ApplicationStatus{
		domain.AppSubmitted:  nil,
		domain.AppScreening:  {domain.AppScreening},
		domain.AppInterview:  {domain.AppScreening, domain.AppInterview},
		domain.AppAccepted:   {domain.AppScreening, domain.AppInterview, domain.AppAccepted},
		domain.AppWaitlisted: {domain.AppScreening, domain.AppInterview, domain.AppWaitlisted},
		domain.AppRejected:   {domain.AppScreening, domain.AppInterview, domain.AppRejected},
	}[to]
	app := s.Application
	for _, st := range path {
		if app, err = e.apps.Move(e.ctx, e.as(e.coord), app.ID, st, ""); err != nil {
			e.t.Fatalf("move %s to %s: %v", name, st, err)
		}
	}
	return app
}

// acceptCharter has u accept the current charter.
func (e *pipelineEnv) acceptCharter(u *domain.User) {
	e.t.Helper()
	if _, _, err := e.charters.Accept(e.ctx, e.as(u)); err != nil {
		e.t.Fatal(err)
	}
}

// profile sets a mentor's profile.
func (e *pipelineEnv) profile(u *domain.User, city string, sectors, languages []string) {
	e.t.Helper()
	if _, err := e.members.UpdateProfile(e.ctx, e.as(e.admin), u.ID, domain.MentorProfile{City: city, Sectors: sectors, Languages: languages}); err != nil {
		e.t.Fatal(err)
	}
}

// newLimiter is a rate limiter over the env's embedded Redis.
func newLimiter(t *testing.T, e *svcEnv) *ratelimit.Limiter {
	rdb := redis.NewClient(&redis.Options{Addr: e.mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	return ratelimit.New(rdb)
}

// applicant is the applicant with that account, signed in at the
// alliance without being one of its members.
func (e *pipelineEnv) applicant(user domain.ID, name string) service.Caller {
	return service.Caller{Actor: service.Actor{UserID: user, Name: name, IP: "203.0.113.250"}, Alliance: e.alliance}
}
