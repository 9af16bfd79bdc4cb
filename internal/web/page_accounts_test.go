package web

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/frontend"
	"github.com/mentorat/mentorat/internal/i18n"
)

// post sends a form as a browser of the same site does, with the session
// cookie when one is given.
func post(s *Server, path string, form url.Values, session string) *httptest.ResponseRecorder {
	return postFrom(s, "same-origin", path, form, session)
}

func postFrom(s *Server, site, path string, form url.Values, session string) *httptest.ResponseRecorder {
	h := map[string]string{
		"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": site,
		"Accept": "text/html", "Accept-Language": "fr",
	}
	if session != "" {
		h["Cookie"] = sessionCookie + "=" + session
	}
	return do(s, http.MethodPost, path, form.Encode(), h)
}

// get loads a page as a browser does.
func get(s *Server, path, session string) *httptest.ResponseRecorder {
	h := map[string]string{"Accept": "text/html", "Accept-Language": "fr"}
	if session != "" {
		h["Cookie"] = sessionCookie + "=" + session
	}
	return do(s, http.MethodGet, path, "", h)
}

// sessionSet is the session cookie an answer sets, or nil.
func sessionSet(w *httptest.ResponseRecorder) *http.Cookie {
	for _, c := range w.Result().Cookies() {
		if c.Name == sessionCookie {
			return c
		}
	}
	return nil
}

func signupForm(email string) url.Values {
	return url.Values{"name": {"Awa Traoré"}, "email": {email}, "password": {"une phrase de Bamako"}, "locale": {"fr"}}
}

// signUp opens an account through the form and gives its session.
func signUp(t *testing.T, s *Server, email string) string {
	t.Helper()
	w := post(s, "/signup", signupForm(email), "")
	c := sessionSet(w)
	if w.Code != http.StatusSeeOther || c == nil || c.Value == "" {
		t.Fatalf("sign-up: %d, cookie %v\n%s", w.Code, c, w.Body)
	}
	return c.Value
}

func TestSignupFormSetsASessionCookie(t *testing.T) {
	s := newTestServer(t)
	w := post(s, "/signup", signupForm("awa@example.org"), "")
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/me" {
		t.Fatalf("sign-up: %d to %q; want 303 to /me\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	c := sessionSet(w)
	if c == nil || c.Value == "" || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" {
		t.Fatalf("session cookie %+v; want HttpOnly, SameSite=Lax, Path=/", c)
	}
	me := get(s, "/me", c.Value)
	if me.Code != http.StatusOK || !strings.Contains(me.Body.String(), "Awa Traoré") || !strings.Contains(me.Body.String(), "awa@example.org") {
		t.Fatalf("/me with the new session: %d\n%s", me.Code, me.Body)
	}
	if cc := me.Header().Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("a signed-in page may be cached: Cache-Control %q", cc)
	}
}

func TestCrossSiteFormPostIsRefused(t *testing.T) {
	s := newTestServer(t)
	w := postFrom(s, "cross-site", "/signup", signupForm("awa@example.org"), "")
	if w.Code != http.StatusForbidden || sessionSet(w) != nil {
		t.Fatalf("cross-site sign-up: %d, cookie %v; want 403 and none", w.Code, sessionSet(w))
	}
	if !strings.Contains(w.Body.String(), "autre site") {
		t.Errorf("the refusal does not say why:\n%s", w.Body)
	}
	// Nothing was written: the same sign-up from the site works.
	signUp(t, s, "awa@example.org")
	session := signUp(t, s, "moussa@example.org")
	if w := postFrom(s, "cross-site", "/logout", nil, session); w.Code != http.StatusForbidden {
		t.Fatalf("cross-site logout: %d; want 403", w.Code)
	}
	if w := get(s, "/me", session); w.Code != http.StatusOK {
		t.Fatalf("the session should have survived a cross-site logout: %d", w.Code)
	}
}

func TestLoginChangesTheSessionID(t *testing.T) {
	s := newTestServer(t)
	before := signUp(t, s, "awa@example.org")
	form := url.Values{"email": {"AWA@example.org "}, "password": {"une phrase de Bamako"}, "next": {"/a/alliance-mali-mentors"}}
	w := post(s, "/login", form, before)
	after := sessionSet(w)
	if w.Code != http.StatusSeeOther || after == nil || after.Value == "" {
		t.Fatalf("login: %d, cookie %v\n%s", w.Code, after, w.Body)
	}
	if after.Value == before {
		t.Fatal("the session id is the same before and after login")
	}
	if loc := w.Header().Get("Location"); loc != "/a/alliance-mali-mentors" {
		t.Errorf("login went to %q; want the next page", loc)
	}
	if w := get(s, "/me", before); w.Code != http.StatusSeeOther {
		t.Errorf("the session from before login still works: %d", w.Code)
	}
	if w := get(s, "/me", after.Value); w.Code != http.StatusOK {
		t.Errorf("the new session does not work: %d", w.Code)
	}
}

func TestLogoutKillsTheSession(t *testing.T) {
	s := newTestServer(t)
	session := signUp(t, s, "awa@example.org")
	w := post(s, "/logout", nil, session)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/" {
		t.Fatalf("logout: %d to %q", w.Code, w.Header().Get("Location"))
	}
	if c := sessionSet(w); c == nil || c.MaxAge >= 0 || c.Value != "" {
		t.Errorf("logout should remove the cookie, got %+v", c)
	}
	// Even a browser that kept the cookie is signed out.
	w = get(s, "/me", session)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/login?next=%2Fme" {
		t.Fatalf("/me after logout: %d to %q; want the login page", w.Code, w.Header().Get("Location"))
	}
	if w := do(s, http.MethodGet, "/api/v1/me", "", map[string]string{"Cookie": sessionCookie + "=" + session}); w.Code != http.StatusUnauthorized {
		t.Errorf("the API still takes the old session: %d", w.Code)
	}
}

func TestLoginFailuresAreShownOnTheForm(t *testing.T) {
	s := newTestServer(t)
	signUp(t, s, "awa@example.org")
	for _, email := range []string{"awa@example.org", "nobody@example.org"} {
		w := post(s, "/login", url.Values{"email": {email}, "password": {"not the password"}}, "")
		body := w.Body.String()
		if w.Code != http.StatusUnauthorized || sessionSet(w) != nil {
			t.Fatalf("%s, bad password: %d, cookie %v", email, w.Code, sessionSet(w))
		}
		// One message whether the account exists or not, and the address
		// typed is kept.
		if !strings.Contains(body, "Adresse e-mail ou mot de passe incorrect.") || !strings.Contains(body, `value="`+email+`"`) {
			t.Errorf("%s: the form does not say what went wrong:\n%s", email, body)
		}
	}
}

func TestSignupShowsEachFieldsMessage(t *testing.T) {
	s := newTestServer(t)
	w := post(s, "/signup", url.Values{"name": {"Awa"}, "email": {"not-an-address"}, "password": {"short"}, "locale": {"fr"}}, "")
	body := w.Body.String()
	if w.Code != http.StatusUnprocessableEntity || sessionSet(w) != nil {
		t.Fatalf("invalid sign-up: %d", w.Code)
	}
	for _, want := range []string{
		`id="email-error">Saisissez une adresse e-mail valide`, `id="password-error">Le mot de passe doit compter au moins 10 caractères.`,
		`value="not-an-address" aria-invalid="true" aria-describedby="email-error"`, `value="Awa"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(body, `value="short"`) {
		t.Error("the password typed was sent back in the page")
	}
	signUp(t, s, "awa@example.org")
	w = post(s, "/signup", signupForm("awa@example.org"), "")
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), `id="email-error">Cette adresse a déjà un compte.`) {
		t.Errorf("a taken address: %d\n%s", w.Code, w.Body)
	}
}

func TestNextStaysOnTheSite(t *testing.T) {
	s := newTestServer(t)
	signUp(t, s, "awa@example.org")
	for next, want := range map[string]string{
		"/a/alliance-mali-mentors": "/a/alliance-mali-mentors", "//evil.example": "/me", "https://evil.example": "/me",
		"/\\evil.example": "/me", "/\t/evil.example": "/me", "/login": "/me", "": "/me",
	} {
		w := post(s, "/login", url.Values{"email": {"awa@example.org"}, "password": {"une phrase de Bamako"}, "next": {next}}, "")
		if got := w.Header().Get("Location"); w.Code != http.StatusSeeOther || got != want {
			t.Errorf("next %q: %d to %q; want %q", next, w.Code, got, want)
		}
	}
}

func TestAccountPagesAskToSignIn(t *testing.T) {
	s := newTestServer(t)
	session := signUp(t, s, "awa@example.org")
	post(s, "/alliances/new", url.Values{"name": {"Alliance Sikasso"}, "slug": {"alliance-sikasso"}, "country": {"Mali"}}, session)
	for _, path := range []string{"/me", "/alliances/new", "/a/alliance-sikasso/members", "/a/alliance-sikasso/audit?action=member."} {
		w := get(s, path, "")
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/login?next="+url.QueryEscape(path) {
			t.Errorf("%s signed out: %d to %q", path, w.Code, w.Header().Get("Location"))
		}
	}
}

func TestLastAdminCannotBeDemotedFromThePage(t *testing.T) {
	s := newTestServer(t)
	session := signUp(t, s, "awa@example.org")
	w := post(s, "/alliances/new", url.Values{"name": {"Alliance Sikasso"}, "slug": {"alliance-sikasso"}, "country": {"Mali"}, "default_locale": {"fr"}}, session)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/a/alliance-sikasso" {
		t.Fatalf("create an alliance: %d\n%s", w.Code, w.Body)
	}
	members := get(s, "/a/alliance-sikasso/members", session).Body.String()
	m := regexp.MustCompile(`/a/alliance-sikasso/members/([0-9a-f-]{36})`).FindStringSubmatch(members)
	if m == nil {
		t.Fatalf("the members page lists no member:\n%s", members)
	}
	w = post(s, "/a/alliance-sikasso/members/"+m[1], url.Values{"roles": {"mentor"}, "status": {"active"}, "capacity": {"3"}}, session)
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "au moins un administrateur actif") {
		t.Fatalf("demote the last admin: %d\n%s", w.Code, w.Body)
	}
	if !strings.Contains(w.Body.String(), `value="mentor" checked`) {
		t.Error("the form lost the roles chosen")
	}
}

func TestUnknownInvitationGetsItsOwnMessage(t *testing.T) {
	s := newTestServer(t)
	w := get(s, "/invitations/not-a-token", "")
	if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "Cette invitation n’existe pas.") {
		t.Fatalf("unknown invitation: %d\n%s", w.Code, w.Body)
	}
}

// TestTemplatesUseOnlyKnownMessages finds every message key the templates
// name literally and checks both catalogs have it.
func TestTemplatesUseOnlyKnownMessages(t *testing.T) {
	c, err := i18n.Load(frontend.Locales)
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`\.T "([a-z0-9_.]+)"`)
	err = fs.WalkDir(frontend.Templates, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := fs.ReadFile(frontend.Templates, path)
		for _, m := range key.FindAllStringSubmatch(string(raw), -1) {
			if !c.Has(m[1]) {
				t.Errorf("%s: no message %q", path, m[1])
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The keys the templates build from a value.
	for _, k := range []string{"status.invited", "status.active", "status.suspended", "status.left",
		"me.sessions.kind.session", "me.sessions.kind.api", "mails.transport.log", "mails.transport.smtp",
		"me.events.account.signup", "me.events.account.login_failed", "me.events.account.password_reset"} {
		if !c.Has(k) {
			t.Errorf("no message %q", k)
		}
	}
}

func TestSessionsCanBeEndedFromTheAccountPage(t *testing.T) {
	s := newTestServer(t)
	phone := signUp(t, s, "awa@example.org")
	w := post(s, "/login", url.Values{"email": {"awa@example.org"}, "password": {"une phrase de Bamako"}}, "")
	laptop := sessionSet(w).Value
	page := get(s, "/me", laptop).Body.String()
	forms := regexp.MustCompile(`action="(/me/tokens/[0-9a-f-]{36}/revoke)"`).FindAllStringSubmatch(page, -1)
	if len(forms) != 2 || strings.Count(page, "cet appareil") != 1 {
		t.Fatalf("the account page should list two sessions, one of them this one:\n%s", page)
	}
	// The other session is the one not marked as this device.
	current := regexp.MustCompile(`cet appareil(?s:.*?)action="(/me/tokens/[0-9a-f-]{36}/revoke)"`).FindStringSubmatch(page)[1]
	other := forms[0][1]
	if other == current {
		other = forms[1][1]
	}
	if w := post(s, other, nil, laptop); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/me" {
		t.Fatalf("end the other session: %d", w.Code)
	}
	if w := get(s, "/me", phone); w.Code != http.StatusSeeOther {
		t.Errorf("the ended session still works: %d", w.Code)
	}
	w = post(s, current, nil, laptop)
	if w.Header().Get("Location") != "/login" || sessionSet(w) == nil || sessionSet(w).MaxAge >= 0 {
		t.Fatalf("ending this session should sign out: %d to %q", w.Code, w.Header().Get("Location"))
	}
	if w := get(s, "/me", laptop); w.Code != http.StatusSeeOther {
		t.Errorf("this session still works after ending it: %d", w.Code)
	}
}
