package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

func TestAPISignupLoginMeAndLogout(t *testing.T) {
	e := newAcctEnv(t)
	w := e.call("POST", "/api/v1/auth/signup", map[string]any{"email": "Awa@Example.org", "password": acctPassword, "name": "Awa Traoré", "locale": "fr"}, "")
	e.expect(w, http.StatusCreated, "signup")
	if got := e.keys(w.Body.Bytes()); !slices.Equal(got, []string{"created_at", "email", "id", "locale", "name"}) {
		t.Fatalf("signup answer keys %v", got)
	}
	var created userView
	e.decode(w, &created)
	if created.Email != "awa@example.org" || created.Name != "Awa Traoré" || created.Locale != domain.French || created.ID.Version() != 7 {
		t.Fatalf("signup answer %+v", created)
	}

	w = e.call("POST", "/api/v1/auth/login", map[string]any{"email": "awa@example.org", "password": acctPassword}, "")
	e.expect(w, http.StatusOK, "login")
	if got := e.keys(w.Body.Bytes()); !slices.Equal(got, []string{"token", "user"}) {
		t.Fatalf("login answer keys %v", got)
	}
	var login struct {
		Token string   `json:"token"`
		User  userView `json:"user"`
	}
	e.decode(w, &login)
	if login.Token == "" || login.User.ID != created.ID {
		t.Fatalf("login answer %s", w.Body)
	}
	var stored int
	if err := e.inTx(nil, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT count(*) FROM auth_tokens WHERE token_hash = ? AND user_id = ?", auth.Hash(login.Token), created.ID).Scan(e.ctx, &stored)
	}); err != nil || stored != 1 {
		t.Fatalf("token stored by its hash: %d (%v)", stored, err)
	}

	w = e.call("GET", "/api/v1/me", nil, login.Token)
	e.expect(w, http.StatusOK, "me")
	if got := e.keys(w.Body.Bytes()); !slices.Equal(got, []string{"created_at", "email", "id", "locale", "memberships", "name"}) {
		t.Fatalf("me keys %v", got)
	}
	if !strings.Contains(w.Body.String(), `"memberships":[]`) {
		t.Fatalf("me without alliances: %s; want memberships []", w.Body)
	}
	e.alliance(acctUser{Token: login.Token}, "mali-mentors", domain.French)
	w = e.call("GET", "/api/v1/me", nil, login.Token)
	var me struct {
		ID          domain.ID         `json:"id"`
		Memberships []json.RawMessage `json:"memberships"`
	}
	e.decode(w, &me)
	if me.ID != created.ID || len(me.Memberships) != 1 {
		t.Fatalf("me %s", w.Body)
	}
	if got := e.keys(me.Memberships[0]); !slices.Equal(got, []string{"alliance", "roles", "status"}) {
		t.Fatalf("membership keys %v", got)
	}
	var ms struct {
		Alliance json.RawMessage `json:"alliance"`
		Roles    []string        `json:"roles"`
		Status   string          `json:"status"`
	}
	_ = json.Unmarshal(me.Memberships[0], &ms)
	if got := e.keys(ms.Alliance); !slices.Equal(got, []string{"name", "slug"}) || !slices.Equal(ms.Roles, []string{"admin"}) || ms.Status != "active" ||
		!strings.Contains(string(ms.Alliance), `"slug":"mali-mentors"`) {
		t.Fatalf("membership %s", me.Memberships[0])
	}

	e.expect(e.call("POST", "/api/v1/auth/logout", nil, login.Token), http.StatusNoContent, "logout")
	w = e.call("GET", "/api/v1/me", nil, login.Token)
	e.expect(w, http.StatusUnauthorized, "me after logout")
	if p := e.problem(w); !strings.Contains(p.Detail, "a expiré ou a été fermée") {
		t.Fatalf("after logout: %+v", p)
	}
	w = e.call("GET", "/api/v1/me", nil, login.Token, "Accept-Language", "en")
	if p := e.problem(w); w.Code != 401 || !strings.Contains(p.Detail, "expired or was closed") {
		t.Fatalf("after logout, in English: %d %+v", w.Code, p)
	}
	e.expect(e.call("POST", "/api/v1/auth/logout", nil, login.Token), http.StatusUnauthorized, "second logout")
	// No credentials, or a malformed header.
	e.expect(e.call("GET", "/api/v1/me", nil, ""), http.StatusUnauthorized, "me anonymous")
	e.expect(e.call("GET", "/api/v1/me", nil, "", "Authorization", "Basic YXdhOnB3"), http.StatusUnauthorized, "me with basic auth")
	e.expect(e.call("GET", "/api/v1/me", nil, "made-up-token"), http.StatusUnauthorized, "me with a made-up token")
}

func TestAPISessionCookieEndsWhenIdleOrOld(t *testing.T) {
	e := newAcctEnv(t)
	e.user("awa@example.org", "Awa", domain.French)
	tests := []struct {
		name                 string
		created, used, until time.Time
		status               int
	}{
		{"fresh", acctPast(0), acctPast(0), acctPast(-service.SessionLifetime), 200},
		{"idle 1 h 55", acctPast(3 * time.Hour), acctPast(115 * time.Minute), acctPast(-time.Hour), 200},
		{"idle 2 h 05", acctPast(3 * time.Hour), acctPast(125 * time.Minute), acctPast(-time.Hour), 401},
		{"30 days old", acctPast(30*24*time.Hour + time.Minute), acctPast(time.Minute), acctPast(time.Minute), 401},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			token, _, err := e.s.accounts.Login(e.ctx, "awa@example.org", acctPassword, service.KindSession, "browser", "198.51.100.9")
			if err != nil {
				t.Fatal(err)
			}
			e.exec(nil, "UPDATE auth_tokens SET created_at = ?, last_used_at = ?, expires_at = ? WHERE token_hash = ?", tc.created, tc.used, tc.until, auth.Hash(token))
			w := e.call("GET", "/api/v1/me", nil, "", "Cookie", sessionCookie+"="+token)
			e.expect(w, tc.status, "me with the cookie")
			if tc.status == 401 && !strings.Contains(e.problem(w).Detail, "Votre session a expiré") {
				t.Fatalf("problem %s", w.Body)
			}
		})
	}
}

func TestAPIFailedLoginsAreThrottledWithOneGenericAnswer(t *testing.T) {
	e := newAcctEnv(t)
	e.user("awa@example.org", "Awa", domain.French)
	login := func(email, password string) *httptest.ResponseRecorder {
		return e.call("POST", "/api/v1/auth/login", map[string]any{"email": email, "password": password}, "")
	}
	wrong := login("awa@example.org", "not the password")
	unknown := login("nobody@example.org", "not the password")
	e.expect(wrong, http.StatusUnauthorized, "wrong password")
	e.expect(unknown, http.StatusUnauthorized, "unknown e-mail")
	if wrong.Body.String() != unknown.Body.String() {
		t.Fatalf("the answers differ:\nwrong password: %s\nunknown e-mail: %s", wrong.Body, unknown.Body)
	}
	if p := e.problem(wrong); p.Detail != "Adresse e-mail ou mot de passe incorrect." {
		t.Fatalf("generic message %q", p.Detail)
	}
	for i := 2; i <= 5; i++ {
		e.expect(login("awa@example.org", "not the password"), http.StatusUnauthorized, fmt.Sprintf("failure %d", i))
		e.expect(login("nobody@example.org", "not the password"), http.StatusUnauthorized, fmt.Sprintf("unknown %d", i))
	}
	blocked := login("awa@example.org", acctPassword)
	e.expect(blocked, http.StatusTooManyRequests, "the right password after 5 failures")
	retry, err := strconv.Atoi(blocked.Header().Get("Retry-After"))
	if err != nil || retry < 1 || retry > 15*60 {
		t.Fatalf("Retry-After %q; want seconds within the 15 minute window", blocked.Header().Get("Retry-After"))
	}
	if p := e.problem(blocked); !strings.Contains(p.Detail, "Trop de tentatives") || !strings.Contains(p.Detail, strconv.Itoa(retry)) {
		t.Fatalf("429 problem %+v", p)
	}
	blockedUnknown := login("nobody@example.org", "anything at all")
	e.expect(blockedUnknown, http.StatusTooManyRequests, "unknown e-mail after 5 failures")
	if blockedUnknown.Body.String() != blocked.Body.String() {
		t.Fatalf("the 429 answers differ:\n%s\n%s", blocked.Body, blockedUnknown.Body)
	}
	// Other accounts still log in.
	e.user("binta@example.org", "Binta", domain.French)
	// Every failure was recorded as an account event.
	var failed int
	if err := e.inTx(nil, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT count(*) FROM account_events WHERE action = ?", domain.AuditLoginFailed).Scan(e.ctx, &failed)
	}); err != nil || failed != 10 {
		t.Fatalf("%d failed login events (%v); want 10", failed, err)
	}
	e.mr.FastForward(16 * time.Minute)
	e.expect(login("awa@example.org", acctPassword), http.StatusOK, "after the window")
}

func TestAPIFailedLoginsAreThrottledPerAddress(t *testing.T) {
	e := newAcctEnv(t)
	e.user("awa@example.org", "Awa", domain.French)
	from := func(remote, email, password string) *httptest.ResponseRecorder {
		return e.send(acctReq{method: "POST", path: "/api/v1/auth/login", body: map[string]any{"email": email, "password": password}, remote: remote})
	}
	for i := range 30 {
		e.expect(from("203.0.113.50:5000", fmt.Sprintf("guess%d@example.org", i/3), "wrong"), http.StatusUnauthorized, "guess")
	}
	w := from("203.0.113.50:5001", "awa@example.org", acctPassword)
	e.expect(w, http.StatusTooManyRequests, "31st attempt from the address")
	if w.Header().Get("Retry-After") == "" {
		t.Fatal("no Retry-After")
	}
	e.expect(from("203.0.113.51:5000", "awa@example.org", acctPassword), http.StatusOK, "another address")
}

// The per-address throttle counts the address the request came from. A
// client must not choose its own address with X-Forwarded-For: the product
// names no trusted proxy, so the header is the client's word.
func TestAPIPerAddressThrottleIsNotDodgedWithForwardedFor(t *testing.T) {
	e := newAcctEnv(t)
	for i := range 30 {
		e.expect(e.send(acctReq{method: "POST", path: "/api/v1/auth/login", remote: "203.0.113.60:5000",
			body:   map[string]any{"email": fmt.Sprintf("guess%d@example.org", i/3), "password": "wrong"},
			header: map[string]string{"X-Forwarded-For": fmt.Sprintf("192.0.2.%d", i+1)},
		}), http.StatusUnauthorized, "guess")
	}
	var ips []string
	if err := e.inTx(nil, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT DISTINCT ip FROM account_events ORDER BY ip").Scan(e.ctx, &ips)
	}); err != nil {
		t.Fatal(err)
	}
	w := e.send(acctReq{method: "POST", path: "/api/v1/auth/login", remote: "203.0.113.60:5000",
		body:   map[string]any{"email": "guess-more@example.org", "password": "wrong"},
		header: map[string]string{"X-Forwarded-For": "192.0.2.250"},
	})
	if w.Code != http.StatusTooManyRequests {
		t.Errorf("31st failure from one socket address with a forged X-Forwarded-For: %d; want 429", w.Code)
	}
	if !slices.Equal(ips, []string{"203.0.113.60"}) {
		t.Errorf("account events recorded the addresses %v; want the socket's 203.0.113.60 only", ips)
	}
}

var acctResetLink = regexp.MustCompile(regexp.QuoteMeta(acctBaseURL) + `/reset/([A-Za-z0-9_-]+)`)

func TestAPIPasswordReset(t *testing.T) {
	e := newAcctEnv(t)
	awa := e.user("awa@example.org", "Awa", domain.French)
	other := e.login("awa@example.org")
	request := func(email string) *httptest.ResponseRecorder {
		return e.call("POST", "/api/v1/auth/password-reset", map[string]any{"email": email}, "")
	}
	unknown := request("nobody@example.org")
	e.expect(unknown, http.StatusAccepted, "unknown e-mail")
	if n := len(e.mails()); n != 0 {
		t.Fatalf("%d mails for an unknown e-mail", n)
	}
	known := request("awa@example.org")
	e.expect(known, http.StatusAccepted, "known e-mail")
	if known.Body.String() != unknown.Body.String() {
		t.Fatalf("the answers differ: %q and %q", known.Body, unknown.Body)
	}
	mails := e.mails()
	if len(mails) != 1 || mails[0].To != "awa@example.org" || !acctResetLink.MatchString(mails[0].Text) {
		t.Fatalf("mails %+v; want one to awa with the link", mails)
	}
	token := acctResetLink.FindStringSubmatch(mails[0].Text)[1]

	reset := func(token, password string, header ...string) *httptest.ResponseRecorder {
		return e.call("POST", "/api/v1/auth/password-reset/"+token, map[string]any{"password": password}, "", header...)
	}
	w := reset(token, "password123")
	e.expect(w, http.StatusUnprocessableEntity, "a common password")
	if msg := e.problem(w).fieldMessages()["password"]; !strings.Contains(msg, "trop courant") {
		t.Fatalf("password message %q", msg)
	}
	e.expect(reset(token, "fleuve-niger-au-matin"), http.StatusNoContent, "reset")
	for _, tok := range []string{awa.Token, other} {
		e.expect(e.call("GET", "/api/v1/me", nil, tok), http.StatusUnauthorized, "a token from before the reset")
	}
	w = reset(token, "another-fine-password")
	e.expect(w, http.StatusNotFound, "second use")
	if p := e.problem(w); !strings.Contains(p.Detail, "n’est plus valable") {
		t.Fatalf("second use: %+v", p)
	}
	w = reset(token, "another-fine-password", "Accept-Language", "en")
	if p := e.problem(w); w.Code != 404 || !strings.Contains(p.Detail, "no longer works") {
		t.Fatalf("second use in English: %d %+v", w.Code, p)
	}
	e.expect(e.call("POST", "/api/v1/auth/login", map[string]any{"email": "awa@example.org", "password": "fleuve-niger-au-matin"}, ""), http.StatusOK, "the new password")

	// A link older than an hour.
	e.expect(request("awa@example.org"), http.StatusAccepted, "second request")
	mails = e.mails()
	late := acctResetLink.FindStringSubmatch(mails[len(mails)-1].Text)[1]
	e.exec(nil, "UPDATE password_resets SET created_at = ?, expires_at = ? WHERE token_hash = ?", acctPast(61*time.Minute), acctPast(time.Minute), auth.Hash(late))
	e.expect(reset(late, "yet-another-password"), http.StatusNotFound, "expired link")
	e.expect(reset("garbage", "yet-another-password"), http.StatusNotFound, "garbage link")
	e.expect(e.call("POST", "/api/v1/auth/login", map[string]any{"email": "awa@example.org", "password": "fleuve-niger-au-matin"}, ""), http.StatusOK, "the password after refused resets")
}
