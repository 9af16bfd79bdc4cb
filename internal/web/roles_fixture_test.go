package web

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// The callers of the role tests: the five roles of an alliance, a
// signed-in user who is no member of it, and nobody at all.
const (
	callerAdmin        = "admin"
	callerCoordinator  = "coordinator"
	callerMentor       = "mentor"
	callerEntrepreneur = "entrepreneur"
	callerObserver     = "observer"
	callerNonMember    = "non-member"
	callerAnonymous    = "anonymous"
)

// castRoles are the callers who are members of the cast's alliance, each
// with the role of the same name.
var castRoles = []string{callerAdmin, callerCoordinator, callerMentor, callerEntrepreneur, callerObserver}

// callers are every caller of the role matrix, in its column order.
var callers = append(append([]string{}, castRoles...), callerNonMember, callerAnonymous)

// castPassword is every cast member's password: long enough, and in no
// list of common passwords.
const castPassword = "Baobab-sous-la-pluie-7391"

// castUser is one person of a cast, logged in through the API.
type castUser struct {
	user  *domain.User
	email string
	token string // bearer token from POST /api/v1/auth/login
}

// cast is an alliance with one member of each role, a signed-in user who
// is not a member, and one object of each kind the alliance has, to fill
// the path parameters of its routes.
type cast struct {
	slug     string
	alliance *domain.Alliance
	users    map[string]*castUser // by caller name; no entry for anonymous
	// objects are the ids of the alliance's objects by the path segment
	// that names their collection: "members" → a member's user id (the
	// mentor, whom every role that reads members may see), "invitations" →
	// a pending invitation, "resources" and "library" → a text of the
	// library, "peer-sessions" → a planned peer session (see community),
	// "cohorts" and "applications" → a cohort and the entrepreneur's
	// accepted application to it, "mentorships" → the mentor's mentorship
	// of the entrepreneur, "actions" → the action agreed in its first
	// session, which is held (see pipeline). A session's :number is 1
	// (see fill).
	objects map[string]domain.ID
	// admin is the alliance's creator as a service caller.
	admin service.Caller
}

// newCast builds an alliance named slug whose default language is French,
// with its full cast logged in.
func newCast(t testing.TB, s *Server, slug string) *cast {
	t.Helper()
	return newCastIn(t, s, slug, domain.French)
}

// castIPs keeps every sign-up of the fixtures on its own address, clear of
// the per-address sign-up throttle that requests through do() share.
func castIPs() string {
	n := castIPCount.Add(1)
	return fmt.Sprintf("198.51.%d.%d", 100+n/250%100, n%250+1)
}

var castIPCount atomic.Int64

// newCastIn builds the cast of an alliance whose default language is loc.
// The services make the people and memberships (signing up, creating the
// alliance, inviting and accepting); each person then logs in through the
// API. E-mails carry the slug, so that casts never share a person.
func newCastIn(t testing.TB, s *Server, slug string, loc domain.Locale) *cast {
	t.Helper()
	ctx := t.Context()
	c := &cast{slug: slug, users: map[string]*castUser{}, objects: map[string]domain.ID{}}
	for _, who := range append(append([]string{}, castRoles...), callerNonMember) {
		c.users[who] = c.signup(t, s, who)
	}
	adminUser := c.users[callerAdmin].user
	actor := service.Actor{UserID: adminUser.ID, Name: adminUser.Name, IP: "198.51.100.1"}
	a := &domain.Alliance{Slug: slug, Name: "Alliance " + slug, Country: "Sénégal", DefaultLocale: loc}
	if err := s.alliances.Create(ctx, actor, a); err != nil {
		t.Fatalf("create alliance %s: %v", slug, err)
	}
	c.alliance = a
	adminMember, err := s.members.Membership(ctx, a.ID, adminUser.ID)
	if err != nil {
		t.Fatalf("the creator's membership: %v", err)
	}
	c.admin = service.Caller{Actor: actor, Alliance: a, Member: adminMember}
	for _, role := range castRoles[1:] {
		u := c.users[role]
		c.invite(t, s, u, domain.Role(role))
	}
	// One invitation stays pending, so that the alliance has one to show.
	inv, _, err := s.invitations.Invite(ctx, c.admin, domain.InvitationRequest{
		Email: "pending@" + slug + ".example.org", Roles: []domain.Role{domain.RoleMentor},
	})
	if err != nil {
		t.Fatalf("pending invitation: %v", err)
	}
	c.objects["invitations"] = inv.ID
	c.objects["members"] = c.users[callerMentor].user.ID
	c.community(t, s)
	c.pipeline(t, s)
	for who, u := range c.users {
		u.token = c.login(t, s, who)
	}
	return c
}

// community gives the cast's alliance what its mentor community's routes
// name: a case of the library that entrepreneurs may read too (the API's
// resources/:id and the pages' library/:id), a published edition of the
// guide, and a peer session planned a month ahead that discusses the case,
// so that the case cannot be deleted, with the mentor invited.
func (c *cast) community(t testing.TB, s *Server) {
	t.Helper()
	ctx := t.Context()
	r, err := s.library.Create(ctx, c.admin, domain.ResourceInput{Kind: domain.KindCase, Locale: domain.French,
		Title: "Le cas de la boulangerie", Body: "Une boulangerie de " + c.slug + " cherche un second four.", ForEntrepreneurs: true})
	if err != nil {
		t.Fatalf("a text of the library: %v", err)
	}
	c.objects["resources"], c.objects["library"] = r.ID, r.ID
	if _, err := s.guide.Publish(ctx, c.admin, "Première édition du guide"); err != nil {
		t.Fatalf("an edition of the guide: %v", err)
	}
	ps, err := s.peers.Plan(ctx, c.admin, domain.PeerSessionInput{StartsAt: time.Now().Add(30 * 24 * time.Hour), Place: "Dakar",
		Topic: "Le cas de la boulangerie", CaseResourceID: &r.ID, AttendeeIDs: []domain.ID{c.userID(callerMentor)}})
	if err != nil {
		t.Fatalf("a peer session: %v", err)
	}
	c.objects["peer-sessions"] = ps.ID
}

// pipeline gives the cast's alliance what the mentee pipeline's routes
// name: a cohort where the entrepreneur's application is accepted, and
// another where their application is matched with the mentor, by the
// admin's override since the mentor has accepted no charter; the first
// session of that journey is held.
func (c *cast) pipeline(t testing.TB, s *Server) {
	t.Helper()
	ctx := t.Context()
	start := domain.Day(time.Now().AddDate(0, 1, 0))
	apply := func(name string) (*domain.Cohort, *domain.Application) {
		co := &domain.Cohort{Name: name, City: "Dakar", StartsOn: start, EndsOn: start.AddDate(1, 0, 0), Capacity: 5, ApplicationsOpen: true}
		if err := s.cohorts.Create(ctx, c.admin, co); err != nil {
			t.Fatalf("a cohort: %v", err)
		}
		sub, err := s.applications.Apply(ctx, c.alliance, domain.ApplicationForm{CohortID: co.ID, Locale: domain.French,
			Applicant: domain.Applicant{Name: personName(callerEntrepreneur, c.slug), Email: c.users[callerEntrepreneur].email,
				Gender: domain.GenderWoman, BirthYear: 1995, City: "Dakar"},
			Business: domain.Business{Name: "Boulangerie de " + c.slug, Sector: "agrifood", Stage: "growing", Employees: 2,
				FoundedYear: 2020, RevenueBand: "1m_5m"},
			Obstacles: "Un four en panne.", Goals: "Un second four.", Motivation: "Apprendre d’une autre boulangère."}, castIPs())
		if err != nil {
			t.Fatalf("an application: %v", err)
		}
		for _, to := range []domain.ApplicationStatus{domain.AppScreening, domain.AppInterview, domain.AppAccepted} {
			if _, err := s.applications.Move(ctx, c.admin, sub.Application.ID, to, ""); err != nil {
				t.Fatalf("an application to %s: %v", to, err)
			}
		}
		return co, sub.Application
	}
	cohort, accepted := apply("Cohorte de printemps")
	_, matched := apply("Cohorte d’automne")
	m, err := s.matching.Match(ctx, c.admin, service.MatchRequest{ApplicationID: matched.ID, MentorID: c.userID(callerMentor),
		OverrideReason: "La charte sera signée à la prochaine réunion."}, true)
	if err != nil {
		t.Fatalf("a mentorship: %v", err)
	}
	c.objects["cohorts"], c.objects["applications"], c.objects["mentorships"] = cohort.ID, accepted.ID, m.ID
	c.objects["actions"] = c.firstSessionHeld(t, s, m)
}

// firstSessionHeld has the mentor log the first session of m, on the day
// the journey begins, with one action agreed (whose id it gives) and
// private notes.
func (c *cast) firstSessionHeld(t testing.TB, s *Server, m *domain.Mentorship) domain.ID {
	t.Helper()
	ctx := t.Context()
	mentor := c.users[callerMentor].user
	member, err := s.members.Membership(ctx, c.alliance.ID, mentor.ID)
	if err != nil {
		t.Fatalf("the mentor's membership: %v", err)
	}
	as := service.Caller{Actor: service.Actor{UserID: mentor.ID, Name: mentor.Name}, Alliance: c.alliance, Member: member}
	journey := *s.journey
	journey.Now = func() time.Time { return m.StartsOn.Add(9 * time.Hour) }
	if _, err := journey.Log(ctx, as, m.ID, 1, domain.SessionLog{HeldOn: m.StartsOn, DurationMinutes: 60,
		Actions: []domain.ActionInput{{Text: "Demander un devis pour le four"}}, PrivateNotes: "Fatiguée ce jour-là."}); err != nil {
		t.Fatalf("the first session's log: %v", err)
	}
	v, err := journey.View(ctx, as, m.ID, false)
	if err != nil || len(v.Actions) != 1 {
		t.Fatalf("the first session's action: %v", err)
	}
	return v.Actions[0].ID
}

// signup opens the account of the cast's person who.
func (c *cast) signup(t testing.TB, s *Server, who string) *castUser {
	t.Helper()
	email := strings.ReplaceAll(who, "-", "") + "@" + c.slug + ".example.org"
	u, err := s.accounts.Signup(t.Context(), domain.Signup{
		Email: email, Password: castPassword, Name: personName(who, c.slug), Locale: domain.French,
	}, castIPs())
	if err != nil {
		t.Fatalf("sign up %s: %v", email, err)
	}
	return &castUser{user: u, email: email}
}

// personName is the name of the cast's person who: "Mentor of slug".
func personName(who, slug string) string { return strings.ToUpper(who[:1]) + who[1:] + " of " + slug }

// invite has the admin invite u with role, and u accept.
func (c *cast) invite(t testing.TB, s *Server, u *castUser, role domain.Role) {
	t.Helper()
	ctx := t.Context()
	_, link, err := s.invitations.Invite(ctx, c.admin, domain.InvitationRequest{Email: u.email, Roles: []domain.Role{role}})
	if err != nil {
		t.Fatalf("invite %s: %v", u.email, err)
	}
	token := link[strings.LastIndex(link, "/")+1:]
	m, _, err := s.invitations.Accept(ctx, service.Actor{UserID: u.user.ID, Name: u.user.Name}, token)
	if err != nil {
		t.Fatalf("%s accepts: %v", u.email, err)
	}
	if m.Status != domain.StatusActive || len(m.Roles) != 1 || m.Roles[0] != role {
		t.Fatalf("%s is %s %v; want an active %s", u.email, m.Status, m.Roles, role)
	}
}

// login logs the cast's person who in through the API, and gives the
// bearer token.
func (c *cast) login(t testing.TB, s *Server, who string) string {
	t.Helper()
	u := c.users[who]
	body, _ := json.Marshal(map[string]string{"email": u.email, "password": castPassword})
	w := do(s, http.MethodPost, "/api/v1/auth/login", string(body), map[string]string{"Content-Type": "application/json"})
	if w.Code != http.StatusOK {
		t.Fatalf("login of %s: %d %s", u.email, w.Code, w.Body)
	}
	var out struct {
		Token string `json:"token"`
		User  struct {
			ID domain.ID `json:"id"`
		} `json:"user"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil || out.Token == "" || out.User.ID != u.user.ID {
		t.Fatalf("login of %s: %v %s", u.email, err, w.Body)
	}
	return out.Token
}

// headers are the headers of a JSON request by who (anonymous: no
// credentials), answered in English.
func (c *cast) headers(who string) map[string]string {
	h := map[string]string{"Content-Type": "application/json", "Accept-Language": "en"}
	if u := c.users[who]; u != nil {
		h["Authorization"] = "Bearer " + u.token
	}
	return h
}

// userID is the user id of the cast's person who.
func (c *cast) userID(who string) domain.ID { return c.users[who].user.ID }

// routeParams gives the parameters of a router path, in order: the
// segments that start with ':' or '*'.
func routeParams(path string) []string {
	var out []string
	for _, seg := range strings.Split(path, "/") {
		if strings.HasPrefix(seg, ":") || strings.HasPrefix(seg, "*") {
			out = append(out, seg[1:])
		}
	}
	return out
}

// objectKind names the kind of object a path parameter stands for: the
// collection segment before it ("cohorts/:id" → "cohorts"), and members
// for a :user_id.
func objectKind(path, param string) string {
	if param == "user_id" {
		return "members"
	}
	segs := strings.Split(path, "/")
	for i, seg := range segs {
		if (seg == ":"+param || seg == "*"+param) && i > 0 {
			return segs[i-1]
		}
	}
	return ""
}

// fill writes path with each parameter replaced by what value gives for
// it, but a session's :number, which is 1. It reports false when value
// reported false for any parameter: the path then names something the
// caller could not provide.
func fill(path string, value func(param string) (string, bool)) (string, bool) {
	all := true
	segs := strings.Split(path, "/")
	for i, seg := range segs {
		if seg == ":number" {
			segs[i] = "1" // a session's number: the first is in every journey
			continue
		}
		if strings.HasPrefix(seg, ":") || strings.HasPrefix(seg, "*") {
			v, ok := value(seg[1:])
			all = all && ok
			segs[i] = v
		}
	}
	return strings.Join(segs, "/"), all
}

// pathIn fills path with the cast's slug and objects; a parameter of a
// kind the cast has no object of gets a random UUID, and the second result
// is then false.
func (c *cast) pathIn(path string) (string, bool) {
	return fill(path, func(param string) (string, bool) {
		if param == "slug" {
			return c.slug, true
		}
		if id, ok := c.objects[objectKind(path, param)]; ok {
			return id.String(), true
		}
		return uuid.NewString(), false
	})
}

// pathWith fills path with slug and random UUIDs for every other
// parameter: objects that exist nowhere.
func pathWith(path, slug string) string {
	p, _ := fill(path, func(param string) (string, bool) {
		if param == "slug" {
			return slug, true
		}
		return uuid.NewString(), true
	})
	return p
}

// pathMixed fills path with slug and the objects of other: the objects of
// one alliance asked for under the slug of another.
func pathMixed(path, slug string, other *cast) string {
	p, _ := fill(path, func(param string) (string, bool) {
		if param == "slug" {
			return slug, true
		}
		if id, ok := other.objects[objectKind(path, param)]; ok {
			return id.String(), true
		}
		return uuid.NewString(), true
	})
	return p
}

// unknownSlug is a well-formed slug no alliance has.
func unknownSlug() string { return "nowhere-" + strings.ReplaceAll(uuid.NewString(), "-", "")[:12] }

// allianceRoutes are the routes of s.access that belong to one alliance,
// as "METHOD /path", in a stable order: those of the API under
// /api/v1/alliances/:slug, and those of the pages under /a/:slug.
func allianceRoutes(s *Server) []string {
	var out []string
	for key := range s.access {
		_, path, _ := strings.Cut(key, " ")
		if isAlliancePath(path) {
			out = append(out, key)
		}
	}
	slices.Sort(out)
	return out
}

// The prefixes of an alliance's routes: the API's and the pages'.
const (
	alliancePrefix     = "/api/v1/alliances/:slug"
	alliancePagePrefix = "/a/:slug"
)

// isAlliancePath tells whether a router path is an alliance's route.
func isAlliancePath(path string) bool {
	for _, p := range []string{alliancePrefix, alliancePagePrefix} {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// mutates tells whether method carries a body.
func mutates(method string) bool {
	switch method {
	case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
		return true
	}
	return false
}

// answer is what the isolation tests compare of a response: its status and
// problem (empty for an answer that is not a problem).
type answer struct {
	Status              int
	Type, Title, Detail string
	ContentLanguage     string
	Location            string
	isProblem           bool
	body                string
}

func answerOf(w interface {
	Result() *http.Response
}, body string) answer {
	res := w.Result()
	a := answer{Status: res.StatusCode, ContentLanguage: res.Header.Get("Content-Language"), Location: res.Header.Get("Location"), body: body}
	if strings.HasPrefix(res.Header.Get("Content-Type"), "application/problem+json") {
		var p problem
		if json.Unmarshal([]byte(body), &p) == nil {
			a.isProblem, a.Type, a.Title, a.Detail = true, p.Type, p.Title, p.Detail
		}
	}
	return a
}

// send makes a request and gives its answer; a mutating method carries
// body: JSON when it starts with "{", else a form.
func send(s *Server, method, path, body string, h map[string]string) answer {
	if !mutates(method) {
		body = ""
	}
	if body != "" && !strings.HasPrefix(body, "{") {
		h = maps.Clone(h)
		h["Content-Type"] = "application/x-www-form-urlencoded"
	}
	w := do(s, method, path, body, h)
	return answerOf(w, w.Body.String())
}

// sameAnswer tells whether two answers are the same to a caller: status,
// problem type, title and detail.
func sameAnswer(a, b answer) bool {
	return a.Status == b.Status && a.isProblem == b.isProblem && a.Type == b.Type && a.Title == b.Title && a.Detail == b.Detail
}

func (a answer) String() string {
	if a.isProblem {
		return fmt.Sprintf("%d %s %q %q", a.Status, a.Type, a.Title, a.Detail)
	}
	if a.Location != "" {
		return fmt.Sprintf("%d → %s", a.Status, a.Location)
	}
	b := a.body
	if len(b) > 200 {
		b = b[:200] + "…"
	}
	return fmt.Sprintf("%d %s", a.Status, b)
}
