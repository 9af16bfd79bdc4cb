package service_test

import (
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// communityEnv is a svcEnv with the mentor community's use cases, a clock
// the test moves, and an alliance whose cast is an admin, a coordinator,
// two mentors, an entrepreneur, an observer and a suspended mentor.
type communityEnv struct {
	*svcEnv
	library   *service.Library
	guide     *service.Guide
	peers     *service.PeerSessions
	now       time.Time
	setupMail int // the mails of the cast's invitations
	alliance  *domain.Alliance
	admin     *domain.User
	coord     *domain.User
	mentor    *domain.User
	mentor2   *domain.User
	entrep    *domain.User
	observer  *domain.User
	suspended *domain.User
}

func newCommunityEnv(t *testing.T, slug string) *communityEnv {
	t.Helper()
	e := newSvcEnv(t)
	ce := &communityEnv{svcEnv: e, now: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC),
		library: &service.Library{DB: e.db},
		guide:   &service.Guide{DB: e.db, Catalog: e.catalog, BaseURL: svcBaseURL}}
	ce.peers = &service.PeerSessions{DB: e.db, Catalog: e.catalog, BaseURL: svcBaseURL, Now: func() time.Time { return ce.now }}
	ce.admin = e.signup("awa@"+slug+".example.org", "Awa", domain.French)
	ce.alliance = e.createAlliance(ce.admin, slug, domain.French)
	add := func(email, name string, role domain.Role) *domain.User {
		u := e.signup(email+"@"+slug+".example.org", name, domain.French)
		e.join(ce.admin, u, ce.alliance, role)
		return u
	}
	ce.coord = add("binta", "Binta", domain.RoleCoordinator)
	ce.mentor = add("moussa", "Moussa", domain.RoleMentor)
	ce.mentor2 = add("kadi", "Kadiatou", domain.RoleMentor)
	ce.entrep = add("fanta", "Fanta", domain.RoleEntrepreneur)
	ce.observer = add("oumar", "Oumar", domain.RoleObserver)
	ce.suspended = add("issa", "Issa", domain.RoleMentor)
	st := domain.StatusSuspended
	if _, err := e.members.Change(e.ctx, e.caller(ce.admin, ce.alliance), ce.suspended.ID, domain.MemberChange{Status: &st}); err != nil {
		t.Fatal(err)
	}
	ce.setupMail = len(e.mails())
	return ce
}

// as is u acting in the env's alliance.
func (e *communityEnv) as(u *domain.User) service.Caller {
	return e.caller(u, e.alliance)
}

// resource adds a text to the library as the coordinator.
func (e *communityEnv) resource(in domain.ResourceInput) *domain.Resource {
	e.t.Helper()
	r, err := e.library.Create(e.ctx, e.as(e.coord), in)
	if err != nil {
		e.t.Fatalf("create resource %q: %v", in.Title, err)
	}
	return r
}

// plan plans a session as the coordinator, starting at the given time
// with the given mentors.
func (e *communityEnv) plan(at time.Time, topic string, caseID *domain.ID, mentors ...*domain.User) *domain.PeerSession {
	e.t.Helper()
	ids := make([]domain.ID, len(mentors))
	for i, m := range mentors {
		ids[i] = m.ID
	}
	ps, err := e.peers.Plan(e.ctx, e.as(e.coord), domain.PeerSessionInput{StartsAt: at, Place: "Bamako, ACI 2000",
		Topic: topic, CaseResourceID: caseID, AttendeeIDs: ids})
	if err != nil {
		e.t.Fatalf("plan %q: %v", topic, err)
	}
	return ps
}

// mailsTo lists the subjects of the outbox's mails to email since the
// cast was set up.
func (e *communityEnv) mailsTo(email string) []string {
	e.t.Helper()
	var out []string
	for _, m := range e.mails()[e.setupMail:] {
		if m.To == email {
			out = append(out, m.Subject)
		}
	}
	return out
}
