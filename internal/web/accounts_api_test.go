package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/auth"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
)

// acctBaseURL is the product's address in the links of the tests' mails.
const acctBaseURL = "https://mentorat.test"

// acctPassword is the password of every account the tests open.
const acctPassword = "baobab-sous-la-pluie"

// acctEnv is the whole API over a fresh database (SQLite, or PostgreSQL as
// the restricted app role when the environment says so), with the
// product's default body limit and an embedded Redis for the throttles.
type acctEnv struct {
	t       testing.TB
	ctx     context.Context
	s       *Server
	db      *store.DB
	mr      *miniredis.Miniredis
	remotes atomic.Int64
}

func newAcctEnv(t testing.TB) *acctEnv {
	t.Helper()
	ts := startServer(t, 1<<20, acctBaseURL)
	return &acctEnv{t: t, ctx: context.Background(), s: ts.Server, db: ts.db, mr: ts.mr}
}

// acctReq is one request: a body (a string is sent as is, anything else as
// JSON), a bearer token, headers, and the client's socket address (a fresh
// one when empty, so that the per-address throttles stay out of the way).
type acctReq struct {
	method, path string
	body         any
	token        string
	header       map[string]string
	remote       string
}

func (e *acctEnv) send(r acctReq) *httptest.ResponseRecorder {
	e.t.Helper()
	var body string
	switch b := r.body.(type) {
	case nil:
	case string:
		body = b
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		body = string(raw)
	}
	req := httptest.NewRequest(r.method, r.path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if r.token != "" {
		req.Header.Set("Authorization", "Bearer "+r.token)
	}
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	req.RemoteAddr = r.remote
	if req.RemoteAddr == "" {
		n := e.remotes.Add(1)
		req.RemoteAddr = fmt.Sprintf("10.%d.%d.%d:40000", n>>16&255, n>>8&255, n&255)
	}
	w := httptest.NewRecorder()
	e.s.Handler().ServeHTTP(w, req)
	return w
}

// call sends a request with a token and a body, and optional header pairs.
func (e *acctEnv) call(method, path string, body any, token string, header ...string) *httptest.ResponseRecorder {
	e.t.Helper()
	h := map[string]string{}
	for i := 0; i+1 < len(header); i += 2 {
		h[header[i]] = header[i+1]
	}
	return e.send(acctReq{method: method, path: path, body: body, token: token, header: h})
}

// expect fails unless w has status.
func (e *acctEnv) expect(w *httptest.ResponseRecorder, status int, what string) {
	e.t.Helper()
	if w.Code != status {
		e.t.Fatalf("%s: status %d; want %d (%s)", what, w.Code, status, w.Body)
	}
}

// acctProblem is a problem+json answer.
type acctProblem struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Errors []struct {
		Field   string `json:"field"`
		Message string `json:"message"`
	} `json:"errors"`
}

func (e *acctEnv) problem(w *httptest.ResponseRecorder) acctProblem {
	e.t.Helper()
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		e.t.Fatalf("content type %q; want problem+json (%d %s)", ct, w.Code, w.Body)
	}
	var p acctProblem
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		e.t.Fatalf("problem %s: %v", w.Body, err)
	}
	if p.Status != w.Code || p.Title == "" || p.Detail == "" {
		e.t.Fatalf("problem %+v for status %d", p, w.Code)
	}
	return p
}

// fieldMessages maps each field of a problem to its message.
func (p acctProblem) fieldMessages() map[string]string {
	out := map[string]string{}
	for _, f := range p.Errors {
		out[f.Field] = f.Message
	}
	return out
}

// decode reads a JSON answer into v.
func (e *acctEnv) decode(w *httptest.ResponseRecorder, v any) {
	e.t.Helper()
	if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
		e.t.Fatalf("answer %s: %v", w.Body, err)
	}
}

// keys lists the keys of a JSON object, sorted.
func (e *acctEnv) keys(raw json.RawMessage) []string {
	e.t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		e.t.Fatalf("not an object: %s", raw)
	}
	return slices.Sorted(maps.Keys(m))
}

type acctUser struct {
	ID    domain.ID
	Email string
	Token string
}

// user signs up through the API and logs in.
func (e *acctEnv) user(email, name string, loc domain.Locale) acctUser {
	e.t.Helper()
	w := e.call("POST", "/api/v1/auth/signup", map[string]any{"email": email, "password": acctPassword, "name": name, "locale": loc}, "")
	e.expect(w, http.StatusCreated, "signup "+email)
	var u struct{ ID domain.ID }
	e.decode(w, &u)
	return acctUser{ID: u.ID, Email: email, Token: e.login(email)}
}

// login gives a bearer token for email with acctPassword.
func (e *acctEnv) login(email string) string {
	e.t.Helper()
	w := e.call("POST", "/api/v1/auth/login", map[string]any{"email": email, "password": acctPassword}, "")
	e.expect(w, http.StatusOK, "login "+email)
	var out struct{ Token string }
	e.decode(w, &out)
	if out.Token == "" {
		e.t.Fatalf("login gave no token: %s", w.Body)
	}
	return out.Token
}

// alliance creates an alliance as u and gives its id.
func (e *acctEnv) alliance(u acctUser, slug string, loc domain.Locale) domain.ID {
	e.t.Helper()
	w := e.call("POST", "/api/v1/alliances", map[string]any{"slug": slug, "name": "Alliance " + slug, "country": "Mali", "default_locale": loc}, u.Token)
	e.expect(w, http.StatusCreated, "create "+slug)
	a, err := e.s.alliances.BySlug(e.ctx, slug)
	if err != nil {
		e.t.Fatal(err)
	}
	return a.ID
}

// invite has admin invite email into slug and gives the link's token.
func (e *acctEnv) invite(admin acctUser, slug, email string, roles ...domain.Role) string {
	e.t.Helper()
	w := e.call("POST", "/api/v1/alliances/"+slug+"/invitations", map[string]any{"email": email, "roles": roles}, admin.Token)
	e.expect(w, http.StatusCreated, "invite "+email)
	var out struct{ Link string }
	e.decode(w, &out)
	token, ok := strings.CutPrefix(out.Link, acctBaseURL+"/invitations/")
	if !ok || token == "" {
		e.t.Fatalf("link %q", out.Link)
	}
	return token
}

// join makes u a member of slug with roles, invited by admin.
func (e *acctEnv) join(admin, u acctUser, slug string, roles ...domain.Role) {
	e.t.Helper()
	token := e.invite(admin, slug, u.Email, roles...)
	e.expect(e.call("POST", "/api/v1/invitations/"+token+"/accept", nil, u.Token), http.StatusOK, "accept")
}

func (e *acctEnv) inTx(tenant *domain.ID, fn func(bun.Tx) error) error {
	wrap := func(tx *store.Tx) error { return fn(tx.Bun()) }
	if tenant == nil {
		return e.db.InPlatform(e.ctx, wrap)
	}
	return e.db.InTenant(e.ctx, *tenant, wrap)
}

// exec runs a statement as the app in tenant's transaction (nil: the
// platform's).
func (e *acctEnv) exec(tenant *domain.ID, query string, args ...any) {
	e.t.Helper()
	if err := e.inTx(tenant, func(tx bun.Tx) error {
		_, err := tx.NewRaw(query, args...).Exec(e.ctx)
		return err
	}); err != nil {
		e.t.Fatalf("%s: %v", query, err)
	}
}

// count counts the rows of table the app sees in tenant's transaction.
func (e *acctEnv) count(tenant *domain.ID, table string) int {
	e.t.Helper()
	var n int
	if err := e.inTx(tenant, func(tx bun.Tx) error {
		return tx.NewRaw("SELECT count(*) FROM ?", bun.Ident(table)).Scan(e.ctx, &n)
	}); err != nil {
		e.t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// rows counts the rows of every table a request of these tests could
// write, those of tenant included.
func (e *acctEnv) rows(tenant domain.ID) map[string]int {
	e.t.Helper()
	out := map[string]int{}
	for _, table := range []string{"users", "auth_tokens", "password_resets", "account_events", "alliances", "user_alliances", "outbox", "casbin_rule"} {
		out[table] = e.count(nil, table)
	}
	for _, table := range []string{"members", "invitations", "audit_log"} {
		out[table] = e.count(&tenant, table)
	}
	return out
}

// mails lists the mails in the outbox, oldest first.
func (e *acctEnv) mails() []mail.Message {
	e.t.Helper()
	var jobsRows []store.OutboxJob
	if err := e.db.InPlatform(e.ctx, func(tx *store.Tx) error {
		return tx.Bun().NewSelect().Model(&jobsRows).Order("created_at", "id").Scan(e.ctx)
	}); err != nil {
		e.t.Fatal(err)
	}
	var out []mail.Message
	for _, j := range jobsRows {
		if j.TaskType != jobs.TypeSendMail {
			e.t.Fatalf("outbox job of type %q", j.TaskType)
		}
		var m mail.Message
		if err := json.Unmarshal([]byte(j.Payload), &m); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

func acctPast(d time.Duration) time.Time { return time.Now().UTC().Add(-d) }

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
	if err := e.inTx(nil, func(tx bun.Tx) error {
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
	if err := e.inTx(nil, func(tx bun.Tx) error {
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
	if err := e.inTx(nil, func(tx bun.Tx) error {
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

func TestAPIAlliances(t *testing.T) {
	e := newAcctEnv(t)
	awa := e.user("awa@example.org", "Awa", domain.French)
	w := e.call("POST", "/api/v1/alliances", map[string]any{"slug": "mali-mentors", "name": "Alliance des mentors du Mali", "country": "Mali", "default_locale": "fr"}, awa.Token)
	e.expect(w, http.StatusCreated, "create")
	var created allianceProfile
	e.decode(w, &created)
	if created.Slug != "mali-mentors" || created.Name != "Alliance des mentors du Mali" || created.DefaultLocale != domain.French ||
		created.Settings != domain.DefaultAllianceSettings() {
		t.Fatalf("created %+v", created)
	}
	a, _ := e.s.alliances.BySlug(e.ctx, "mali-mentors")

	// The public profile, to anyone.
	w = e.call("GET", "/api/v1/alliances/mali-mentors", nil, "")
	e.expect(w, http.StatusOK, "public profile")
	var profile allianceProfile
	e.decode(w, &profile)
	if profile.Name != created.Name || profile.Country != "Mali" || profile.DefaultLocale != domain.French {
		t.Fatalf("profile %+v", profile)
	}
	e.expect(e.call("GET", "/api/v1/alliances/no-such-alliance", nil, ""), http.StatusNotFound, "unknown slug")

	// Uniqueness and the slug rules.
	w = e.call("POST", "/api/v1/alliances", map[string]any{"slug": "mali-mentors", "name": "Autre", "country": "Mali"}, awa.Token)
	e.expect(w, http.StatusConflict, "taken slug")
	if msg := e.problem(w).fieldMessages()["slug"]; !strings.Contains(msg, "Déjà pris") {
		t.Fatalf("taken slug message %q", msg)
	}
	w = e.call("POST", "/api/v1/alliances", map[string]any{"slug": "admin", "name": "Autre", "country": "Mali"}, awa.Token)
	e.expect(w, http.StatusUnprocessableEntity, "reserved slug")
	if msg := e.problem(w).fieldMessages()["slug"]; !strings.Contains(msg, "réservé") {
		t.Fatalf("reserved slug message %q", msg)
	}
	e.expect(e.call("POST", "/api/v1/alliances", map[string]any{"slug": "another-one", "name": "Autre", "country": "Mali"}, ""), http.StatusUnauthorized, "anonymous create")

	// PATCH by the admin.
	w = e.call("PATCH", "/api/v1/alliances/mali-mentors", map[string]any{
		"name": "Mentors du Sahel", "country": "Burkina Faso", "default_locale": "en",
		"settings": map[string]any{"sessions_per_mentorship": 24, "cadence": "fortnightly", "peer_coaching": "monthly"},
	}, awa.Token)
	e.expect(w, http.StatusOK, "patch")
	w = e.call("GET", "/api/v1/alliances/mali-mentors", nil, "")
	e.decode(w, &profile)
	want := allianceProfile{Slug: "mali-mentors", Name: "Mentors du Sahel", Country: "Burkina Faso", DefaultLocale: domain.English,
		Settings: domain.AllianceSettings{SessionsPerMentorship: 24, Cadence: "fortnightly", PeerCoaching: "monthly"}}
	if profile.Slug != want.Slug || profile.Name != want.Name || profile.Country != want.Country || profile.DefaultLocale != want.DefaultLocale || profile.Settings != want.Settings {
		t.Fatalf("after the patch: %+v; want %+v", profile, want)
	}
	w = e.call("GET", "/api/v1/alliances/mali-mentors/audit?action=alliance.updated", nil, awa.Token)
	e.expect(w, http.StatusOK, "audit")
	var audit page[auditView]
	e.decode(w, &audit)
	if len(audit.Items) != 1 || audit.Items[0].ActorID == nil || *audit.Items[0].ActorID != awa.ID || audit.Items[0].Details["name"] != "Mentors du Sahel" {
		t.Fatalf("audit %s", w.Body)
	}

	// Others may not.
	moussa := e.user("moussa@example.org", "Moussa", domain.French)
	before := e.rows(a.ID)
	e.expect(e.call("PATCH", "/api/v1/alliances/mali-mentors", map[string]any{"name": "Pris"}, moussa.Token), http.StatusNotFound, "patch by a non-member")
	if after := e.rows(a.ID); !maps.Equal(before, after) {
		t.Fatalf("a refused patch wrote: %v → %v", before, after)
	}
	e.join(awa, moussa, "mali-mentors", domain.RoleMentor)
	before = e.rows(a.ID)
	e.expect(e.call("PATCH", "/api/v1/alliances/mali-mentors", map[string]any{"name": "Pris"}, moussa.Token), http.StatusForbidden, "patch by a mentor")
	e.expect(e.call("PATCH", "/api/v1/alliances/mali-mentors", map[string]any{"name": "Pris"}, ""), http.StatusUnauthorized, "anonymous patch")
	if after := e.rows(a.ID); !maps.Equal(before, after) {
		t.Fatalf("refused patches wrote: %v → %v", before, after)
	}
	if got, _ := e.s.alliances.BySlug(e.ctx, "mali-mentors"); got.Name != "Mentors du Sahel" {
		t.Fatalf("name %q after refused patches", got.Name)
	}
}

func TestAPIInvitations(t *testing.T) {
	e := newAcctEnv(t)
	awa := e.user("awa@example.org", "Awa Traoré", domain.English) // the alliance's language wins
	a := e.alliance(awa, "mali-mentors", domain.French)
	w := e.call("POST", "/api/v1/alliances/mali-mentors/invitations", map[string]any{"email": "moussa@example.org", "roles": []string{"mentor", "coordinator"}}, awa.Token)
	e.expect(w, http.StatusCreated, "invite")
	var inv invitationView
	e.decode(w, &inv)
	if inv.Email != "moussa@example.org" || !slices.Equal(inv.Roles, []domain.Role{domain.RoleCoordinator, domain.RoleMentor}) ||
		!strings.HasPrefix(inv.Link, acctBaseURL+"/invitations/") || inv.ExpiresAt.Sub(inv.CreatedAt) != domain.InvitationLifetime {
		t.Fatalf("invitation %s", w.Body)
	}
	token := strings.TrimPrefix(inv.Link, acctBaseURL+"/invitations/")
	mails := e.mails()
	if len(mails) != 1 || mails[0].To != "moussa@example.org" || mails[0].Subject != "Awa Traoré vous invite à rejoindre Alliance mali-mentors" ||
		!strings.Contains(mails[0].Text, inv.Link) || !strings.Contains(mails[0].Text, "coordinateur, mentor") {
		t.Fatalf("mails %+v; want one in French with the link", mails)
	}

	moussa := e.user("moussa@example.org", "Moussa", domain.French)
	e.expect(e.call("POST", "/api/v1/invitations/"+token+"/accept", nil, ""), http.StatusUnauthorized, "accept anonymously")
	w = e.call("POST", "/api/v1/invitations/"+token+"/accept", nil, moussa.Token)
	e.expect(w, http.StatusOK, "accept")
	var accepted struct {
		Alliance struct{ Slug, Name string } `json:"alliance"`
		Roles    []domain.Role               `json:"roles"`
		Status   string                      `json:"status"`
	}
	e.decode(w, &accepted)
	if accepted.Alliance.Slug != "mali-mentors" || !slices.Equal(accepted.Roles, inv.Roles) || accepted.Status != "active" {
		t.Fatalf("accepted %s", w.Body)
	}
	w = e.call("GET", "/api/v1/alliances/mali-mentors/members/"+moussa.ID.String(), nil, moussa.Token)
	e.expect(w, http.StatusOK, "own membership")
	var m memberView
	e.decode(w, &m)
	if !slices.Equal(m.Roles, inv.Roles) || m.Status != domain.StatusActive || m.Capacity != 3 || m.Email != "moussa@example.org" {
		t.Fatalf("member %s", w.Body)
	}

	// Used, expired, garbage.
	w = e.call("POST", "/api/v1/invitations/"+token+"/accept", nil, moussa.Token)
	e.expect(w, http.StatusConflict, "reuse")
	if p := e.problem(w); !strings.Contains(p.Detail, "déjà été acceptée") {
		t.Fatalf("reuse: %+v", p)
	}
	fatou := e.user("fatou@example.org", "Fatou", domain.French)
	late := e.invite(awa, "mali-mentors", "fatou@example.org", domain.RoleEntrepreneur)
	e.exec(&a, "UPDATE invitations SET expires_at = ? WHERE token_hash = ?", acctPast(time.Minute), auth.Hash(late))
	before := e.rows(a)
	w = e.call("POST", "/api/v1/invitations/"+late+"/accept", nil, fatou.Token)
	e.expect(w, http.StatusConflict, "expired")
	if p := e.problem(w); !strings.Contains(p.Detail, "a expiré") {
		t.Fatalf("expired: %+v", p)
	}
	w = e.call("POST", "/api/v1/invitations/"+late+"/accept", nil, fatou.Token, "Accept-Language", "en")
	if p := e.problem(w); !strings.Contains(p.Detail, "has expired") {
		t.Fatalf("expired in English: %+v", p)
	}
	for _, garbage := range []string{"garbage", auth.NewToken(), auth.NewScopedToken(a), auth.NewScopedToken(domain.NewID())} {
		w = e.call("POST", "/api/v1/invitations/"+garbage+"/accept", nil, fatou.Token)
		e.expect(w, http.StatusNotFound, "garbage "+garbage)
		if p := e.problem(w); !strings.Contains(p.Detail, "Cette invitation n’existe pas") {
			t.Fatalf("garbage: %+v", p)
		}
	}
	if after := e.rows(a); !maps.Equal(before, after) {
		t.Fatalf("refused acceptances wrote: %v → %v", before, after)
	}

	// A coordinator may not invite.
	w = e.call("POST", "/api/v1/alliances/mali-mentors/invitations", map[string]any{"email": "x@example.org", "roles": []string{"admin"}}, moussa.Token)
	e.expect(w, http.StatusForbidden, "a coordinator invites")
	if after := e.rows(a); !maps.Equal(before, after) {
		t.Fatalf("a refused invitation wrote: %v → %v", before, after)
	}
	// Pending invitations, for the admin.
	w = e.call("GET", "/api/v1/alliances/mali-mentors/invitations", nil, awa.Token)
	var pending page[invitationView]
	e.decode(w, &pending)
	if len(pending.Items) != 0 {
		t.Fatalf("pending %s; want none (one accepted, one expired)", w.Body)
	}
}

func TestAPIMembers(t *testing.T) {
	e := newAcctEnv(t)
	awa := e.user("awa@example.org", "Awa", domain.French)
	a := e.alliance(awa, "mali-mentors", domain.French)
	member := func(u acctUser) string { return "/api/v1/alliances/mali-mentors/members/" + u.ID.String() }

	// The last admin.
	for _, body := range []map[string]any{{"roles": []string{"mentor"}}, {"status": "suspended"}, {"status": "left"}} {
		before := e.rows(a)
		w := e.call("PATCH", member(awa), body, awa.Token)
		e.expect(w, http.StatusConflict, fmt.Sprintf("last admin %v", body))
		if p := e.problem(w); !strings.Contains(p.Detail, "au moins un administrateur actif") {
			t.Fatalf("last admin: %+v", p)
		}
		if after := e.rows(a); !maps.Equal(before, after) {
			t.Fatalf("a refused change wrote: %v → %v", before, after)
		}
	}
	w := e.call("PATCH", member(awa), map[string]any{"roles": []string{"mentor"}}, awa.Token, "Accept-Language", "en")
	if p := e.problem(w); !strings.Contains(p.Detail, "at least one active admin") {
		t.Fatalf("last admin in English: %+v", p)
	}
	moussa := e.user("moussa@example.org", "Moussa", domain.French)
	e.join(awa, moussa, "mali-mentors", domain.RoleAdmin)
	w = e.call("PATCH", member(awa), map[string]any{"roles": []string{"mentor"}}, awa.Token)
	e.expect(w, http.StatusOK, "demote with another admin")
	var m memberView
	e.decode(w, &m)
	if !slices.Equal(m.Roles, []domain.Role{domain.RoleMentor}) {
		t.Fatalf("after the demotion %s", w.Body)
	}
	e.expect(e.call("PATCH", member(moussa), map[string]any{"status": "suspended"}, moussa.Token), http.StatusConflict, "the new last admin")
	// Awa, now a mentor, may not manage members.
	e.expect(e.call("PATCH", member(moussa), map[string]any{"capacity": 9}, awa.Token), http.StatusForbidden, "a mentor manages")

	// Capacity.
	w = e.call("GET", member(awa), nil, moussa.Token)
	e.decode(w, &m)
	if m.Capacity != 3 {
		t.Fatalf("capacity %d; want 3 by default", m.Capacity)
	}
	w = e.call("PATCH", member(awa), map[string]any{"capacity": 5}, moussa.Token)
	e.expect(w, http.StatusOK, "capacity")
	w = e.call("GET", member(awa), nil, moussa.Token)
	e.decode(w, &m)
	if m.Capacity != 5 {
		t.Fatalf("capacity %d; want 5", m.Capacity)
	}

	// A suspended member's token.
	e.expect(e.call("PATCH", member(awa), map[string]any{"status": "suspended"}, moussa.Token), http.StatusOK, "suspend")
	w = e.call("GET", "/api/v1/alliances/mali-mentors/members", nil, awa.Token)
	e.expect(w, http.StatusForbidden, "suspended member lists members")
	if p := e.problem(w); !strings.Contains(p.Detail, "Votre adhésion à cette alliance est suspendue") {
		t.Fatalf("suspended: %+v", p)
	}
	w = e.call("GET", "/api/v1/alliances/mali-mentors/members", nil, awa.Token, "Accept-Language", "en")
	if p := e.problem(w); w.Code != 403 || !strings.Contains(p.Detail, "is suspended") {
		t.Fatalf("suspended in English: %d %+v", w.Code, p)
	}
	for _, r := range []struct{ method, path string }{
		{"GET", member(moussa)}, {"GET", "/api/v1/alliances/mali-mentors/audit"}, {"PATCH", "/api/v1/alliances/mali-mentors"},
	} {
		before := e.rows(a)
		e.expect(e.call(r.method, r.path, map[string]any{}, awa.Token), http.StatusForbidden, "suspended: "+r.method+" "+r.path)
		if after := e.rows(a); !maps.Equal(before, after) {
			t.Fatalf("a suspended member's request wrote: %v → %v", before, after)
		}
	}
	// The public profile stays public; the account itself still works.
	e.expect(e.call("GET", "/api/v1/alliances/mali-mentors", nil, awa.Token), http.StatusOK, "public profile")
	w = e.call("GET", "/api/v1/me", nil, awa.Token)
	e.expect(w, http.StatusOK, "me")
	if !strings.Contains(w.Body.String(), `"status":"suspended"`) {
		t.Fatalf("me %s; want the membership suspended", w.Body)
	}
}

func TestAPIAuditLogAndItsExport(t *testing.T) {
	e := newAcctEnv(t)
	awa := e.user("awa@example.org", "Awa", domain.French)
	e.expect(e.call("POST", "/api/v1/auth/login", map[string]any{"email": "awa@example.org", "password": "wrong"}, ""), http.StatusUnauthorized, "a failed login")
	var events []string
	if err := e.inTx(nil, func(tx bun.Tx) error {
		return tx.NewRaw("SELECT action FROM account_events WHERE user_id = ? ORDER BY created_at, id", awa.ID).Scan(e.ctx, &events)
	}); err != nil || !slices.Equal(events, []string{domain.AuditSignup, domain.AuditLoginFailed}) {
		t.Fatalf("account events %v (%v)", events, err)
	}

	e.alliance(awa, "mali-mentors", domain.French)
	moussa := e.user("moussa@example.org", "Moussa, \"le sage\"", domain.French)
	e.join(awa, moussa, "mali-mentors", domain.RoleMentor)
	member := "/api/v1/alliances/mali-mentors/members/" + moussa.ID.String()
	e.expect(e.call("PATCH", member, map[string]any{"roles": []string{"mentor", "coordinator"}}, awa.Token), http.StatusOK, "roles")
	e.expect(e.call("PATCH", member, map[string]any{"status": "suspended"}, awa.Token), http.StatusOK, "status")
	e.expect(e.call("PATCH", "/api/v1/alliances/mali-mentors", map[string]any{"settings": map[string]any{"sessions_per_mentorship": 10, "cadence": "monthly", "peer_coaching": "yearly"}}, awa.Token), http.StatusOK, "settings")
	rule := map[string]any{"role": "coordinator", "object": "audit", "action": "read"}
	e.expect(e.call("POST", "/api/v1/alliances/mali-mentors/policies", rule, awa.Token), http.StatusCreated, "add a policy")
	e.expect(e.call("DELETE", "/api/v1/alliances/mali-mentors/policies", rule, awa.Token), http.StatusNoContent, "remove a policy")

	list := func(query string) []auditView {
		w := e.call("GET", "/api/v1/alliances/mali-mentors/audit"+query, nil, awa.Token)
		e.expect(w, http.StatusOK, "audit"+query)
		var p page[auditView]
		e.decode(w, &p)
		return p.Items
	}
	var actions []string
	all := list("?limit=200")
	for _, entry := range all {
		actions = append(actions, entry.Action)
		if entry.ActorID == nil || entry.ActorName == "" || entry.IP == "" || entry.At.IsZero() {
			t.Errorf("entry %+v lacks who, from where or when", entry)
		}
	}
	slices.Reverse(actions)
	want := []string{"alliance.created", "invitation.sent", "invitation.accepted", "member.changed", "member.changed", "alliance.updated", "policy.added", "policy.removed"}
	if !slices.Equal(actions, want) {
		t.Fatalf("audit %v;\nwant %v", actions, want)
	}
	members := list("?action=member.")
	if len(members) != 2 || members[0].Details["status_to"] != "suspended" || members[0].Target != moussa.ID.String() {
		t.Fatalf("member entries %+v", members)
	}
	if got := list("?action=policy.added"); len(got) != 1 || got[0].Target != "coordinator" {
		t.Fatalf("policy entries %+v", got)
	}
	// Pages follow the cursor without loss or overlap.
	first := e.call("GET", "/api/v1/alliances/mali-mentors/audit?limit=5", nil, awa.Token)
	var p1 page[auditView]
	e.decode(first, &p1)
	if len(p1.Items) != 5 || p1.NextCursor == nil {
		t.Fatalf("first page %s", first.Body)
	}
	p2 := list("?limit=5&cursor=" + *p1.NextCursor)
	if len(p2) != 3 || p2[0].ID != all[5].ID {
		t.Fatalf("second page %+v", p2)
	}

	// The CSV export: a header and one record per entry.
	w := e.call("GET", "/api/v1/alliances/mali-mentors/audit.csv", nil, awa.Token)
	e.expect(w, http.StatusOK, "export")
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Fatalf("content type %q", ct)
	}
	records, err := csv.NewReader(strings.NewReader(w.Body.String())).ReadAll()
	if err != nil {
		t.Fatalf("export is not CSV: %v\n%s", err, w.Body)
	}
	if len(records) != 1+len(all) || !slices.Equal(records[0], []string{"at", "actor_id", "actor_name", "action", "target", "details", "ip"}) {
		t.Fatalf("%d records, header %v; want a header and %d lines", len(records), records[0], len(all))
	}
	for i, r := range records[1:] {
		if r[3] != all[i].Action || r[1] != all[i].ActorID.String() {
			t.Fatalf("line %d %v; want entry %+v", i+1, r, all[i])
		}
	}
	filtered, _ := csv.NewReader(strings.NewReader(e.call("GET", "/api/v1/alliances/mali-mentors/audit.csv?action=member.", nil, awa.Token).Body.String())).ReadAll()
	if len(filtered) != 3 {
		t.Fatalf("filtered export: %d records; want a header and 2", len(filtered))
	}

	// Only admins read it.
	fatou := e.user("fatou@example.org", "Fatou", domain.French)
	e.join(awa, fatou, "mali-mentors", domain.RoleCoordinator)
	e.expect(e.call("GET", "/api/v1/alliances/mali-mentors/audit", nil, fatou.Token), http.StatusForbidden, "a coordinator reads the audit")
	e.expect(e.call("GET", "/api/v1/alliances/mali-mentors/audit.csv", nil, fatou.Token), http.StatusForbidden, "a coordinator exports the audit")
}

func TestAPIBadInputIsRefusedClearlyAndWritesNothing(t *testing.T) {
	e := newAcctEnv(t)
	awa := e.user("awa@example.org", "Awa", domain.French)
	a := e.alliance(awa, "mali-mentors", domain.French)
	moussa := e.user("moussa@example.org", "Moussa", domain.French)
	e.join(awa, moussa, "mali-mentors", domain.RoleMentor)
	long := strings.Repeat("é", 10_000)
	signup := func(email, password, name string) string {
		raw, _ := json.Marshal(map[string]string{"email": email, "password": password, "name": name})
		return string(raw)
	}
	const fr, en = "fr", "en"
	tests := []struct {
		name, method, path, body string
		token                    string
		lang                     string
		status                   int
		field                    string // the field whose message must hold want; empty: the detail
		want                     string
	}{
		{"signup: invalid e-mail", "POST", "/api/v1/auth/signup", signup("awa@", acctPassword, "Awa"), "", fr, 422, "email", "Saisissez une adresse e-mail valide"},
		{"signup: invalid e-mail, English", "POST", "/api/v1/auth/signup", signup("awa@", acctPassword, "Awa"), "", en, 422, "email", "Enter a valid e-mail address"},
		{"signup: e-mail with a display name", "POST", "/api/v1/auth/signup", signup("Awa <awa2@example.org>", acctPassword, "Awa"), "", fr, 422, "email", "adresse e-mail valide"},
		{"signup: taken e-mail", "POST", "/api/v1/auth/signup", signup("AWA@example.org", acctPassword, "Awa"), "", fr, 409, "email", "déjà un compte"},
		{"signup: empty name", "POST", "/api/v1/auth/signup", signup("new@example.org", acctPassword, ""), "", fr, 422, "name", "Ce champ est obligatoire."},
		{"signup: empty name, English", "POST", "/api/v1/auth/signup", signup("new@example.org", acctPassword, ""), "", en, 422, "name", "This field is required."},
		{"signup: 10,000-character name", "POST", "/api/v1/auth/signup", signup("new@example.org", acctPassword, long), "", fr, 422, "name", "entre 1 et 120 caractères"},
		{"signup: 10,000-character name, English", "POST", "/api/v1/auth/signup", signup("new@example.org", acctPassword, long), "", en, 422, "name", "between 1 and 120 characters"},
		{"signup: invalid UTF-8", "POST", "/api/v1/auth/signup", "{\"email\":\"new@example.org\",\"password\":\"" + acctPassword + "\",\"name\":\"Awa \xff\"}", "", fr, 400, "", "UTF-8 valide"},
		{"signup: invalid UTF-8, English", "POST", "/api/v1/auth/signup", "{\"email\":\"new@example.org\",\"password\":\"" + acctPassword + "\",\"name\":\"Awa \xff\"}", "", en, 400, "", "not valid UTF-8"},
		{"signup: common password", "POST", "/api/v1/auth/signup", signup("new@example.org", "1234567890", "Awa"), "", fr, 422, "password", "trop courant"},
		{"signup: short password", "POST", "/api/v1/auth/signup", signup("new@example.org", "court", "Awa"), "", fr, 422, "password", "au moins 10 caractères"},
		{"signup: unknown field", "POST", "/api/v1/auth/signup", `{"email":"new@example.org","password":"` + acctPassword + `","name":"Awa","admin":true}`, "", fr, 400, "", "JSON valide"},
		{"login: invalid UTF-8", "POST", "/api/v1/auth/login", "{\"email\":\"awa@example.org\",\"password\":\"\xff\"}", "", fr, 400, "", "UTF-8"},
		{"alliance: slug in capitals", "POST", "/api/v1/alliances", `{"slug":"Mali-Sud","name":"Mali Sud","country":"Mali"}`, "awa", fr, 422, "slug", "lettres minuscules"},
		{"alliance: slug in capitals, English", "POST", "/api/v1/alliances", `{"slug":"Mali-Sud","name":"Mali Sud","country":"Mali"}`, "awa", en, 422, "slug", "lowercase letters"},
		{"alliance: slug with a slash", "POST", "/api/v1/alliances", `{"slug":"mali/sud","name":"Mali Sud","country":"Mali"}`, "awa", fr, 422, "slug", "lettres minuscules"},
		{"alliance: slug too short", "POST", "/api/v1/alliances", `{"slug":"ml","name":"Mali Sud","country":"Mali"}`, "awa", fr, 422, "slug", "entre 3 et 40 caractères"},
		{"alliance: reserved slug", "POST", "/api/v1/alliances", `{"slug":"billing","name":"Mali Sud","country":"Mali"}`, "awa", fr, 422, "slug", "réservé"},
		{"alliance: empty name", "POST", "/api/v1/alliances", `{"slug":"mali-sud","name":"","country":"Mali"}`, "awa", fr, 422, "name", "obligatoire"},
		{"alliance: 10,000-character name", "POST", "/api/v1/alliances", `{"slug":"mali-sud","name":"` + long + `","country":"Mali"}`, "awa", fr, 422, "name", "entre 2 et 120 caractères"},
		{"alliance: unknown locale", "POST", "/api/v1/alliances", `{"slug":"mali-sud","name":"Mali Sud","country":"Mali","default_locale":"de"}`, "awa", fr, 422, "default_locale", "Langue inconnue"},
		{"alliance: invalid UTF-8", "POST", "/api/v1/alliances", "{\"slug\":\"mali-sud\",\"name\":\"Mali \xff\xfe\",\"country\":\"Mali\"}", "awa", fr, 400, "", "UTF-8"},
		{"alliance: negative sessions", "POST", "/api/v1/alliances", `{"slug":"mali-sud","name":"Mali Sud","country":"Mali","settings":{"sessions_per_mentorship":-3,"cadence":"monthly","peer_coaching":"yearly"}}`, "awa", fr, 422, "settings.sessions_per_mentorship", "entre 1 et 52"},
		{"patch alliance: empty name", "PATCH", "/api/v1/alliances/mali-mentors", `{"name":""}`, "awa", fr, 422, "name", "obligatoire"},
		{"patch alliance: 10,000-character name", "PATCH", "/api/v1/alliances/mali-mentors", `{"name":"` + long + `"}`, "awa", en, 422, "name", "between 2 and 120 characters"},
		{"patch alliance: unknown cadence", "PATCH", "/api/v1/alliances/mali-mentors", `{"settings":{"sessions_per_mentorship":12,"cadence":"daily","peer_coaching":"yearly"}}`, "awa", fr, 422, "settings.cadence", "Valeur inconnue"},
		{"invitation: unknown role", "POST", "/api/v1/alliances/mali-mentors/invitations", `{"email":"new@example.org","roles":["mentor","king"]}`, "awa", fr, 422, "roles", "choisissez parmi admin, coordinator, mentor, entrepreneur, observer"},
		{"invitation: unknown role, English", "POST", "/api/v1/alliances/mali-mentors/invitations", `{"email":"new@example.org","roles":["Admin"]}`, "awa", en, 422, "roles", "choose one of admin, coordinator"},
		{"invitation: no role", "POST", "/api/v1/alliances/mali-mentors/invitations", `{"email":"new@example.org","roles":[]}`, "awa", fr, 422, "roles", "obligatoire"},
		{"invitation: invalid e-mail", "POST", "/api/v1/alliances/mali-mentors/invitations", `{"email":"new@","roles":["mentor"]}`, "awa", fr, 422, "email", "adresse e-mail valide"},
		{"invitation: roles not a list", "POST", "/api/v1/alliances/mali-mentors/invitations", `{"email":"new@example.org","roles":"admin"}`, "awa", fr, 400, "", "roles"},
		{"invitation: invalid UTF-8", "POST", "/api/v1/alliances/mali-mentors/invitations", "{\"email\":\"new@example.org\",\"roles\":[\"ment\xffor\"]}", "awa", fr, 400, "", "UTF-8"},
		{"member: negative capacity", "PATCH", "/api/v1/alliances/mali-mentors/members/" + moussa.ID.String(), `{"capacity":-1}`, "awa", fr, 422, "capacity", "entre 0 et 50"},
		{"member: unknown role", "PATCH", "/api/v1/alliances/mali-mentors/members/" + moussa.ID.String(), `{"roles":["king"]}`, "awa", fr, 422, "roles", "Valeur inconnue"},
		{"member: unknown status", "PATCH", "/api/v1/alliances/mali-mentors/members/" + moussa.ID.String(), `{"status":"banned"}`, "awa", en, 422, "status", "Unknown value"},
		{"member: not a member", "PATCH", "/api/v1/alliances/mali-mentors/members/" + domain.NewID().String(), `{"capacity":4}`, "awa", fr, 404, "", "n’existe pas"},
		{"member: not an id", "PATCH", "/api/v1/alliances/mali-mentors/members/12", `{"capacity":4}`, "awa", fr, 404, "", "n’existe pas"},
	}
	tokens := map[string]string{"awa": awa.Token}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := e.rows(a)
			w := e.send(acctReq{method: tc.method, path: tc.path, body: tc.body, token: tokens[tc.token], header: map[string]string{"Accept-Language": tc.lang}})
			if w.Code != tc.status {
				t.Fatalf("status %d; want %d (%s)", w.Code, tc.status, w.Body)
			}
			p := e.problem(w)
			if lang := w.Header().Get("Content-Language"); lang != tc.lang {
				t.Errorf("Content-Language %q; want %q", lang, tc.lang)
			}
			got := p.Detail
			if tc.field != "" {
				got = p.fieldMessages()[tc.field]
			}
			if !strings.Contains(got, tc.want) {
				t.Fatalf("message %q; want it to say %q (problem %+v)", got, tc.want, p)
			}
			if tc.status == 422 && len(p.Errors) == 0 {
				t.Fatal("422 without field errors")
			}
			if after := e.rows(a); !maps.Equal(before, after) {
				t.Fatalf("rows %v → %v: a refused request wrote", before, after)
			}
		})
	}

	// Every invalid field at once.
	w := e.call("POST", "/api/v1/alliances/mali-mentors/invitations", map[string]any{"email": "nope", "roles": []string{"king"}}, awa.Token)
	if p := e.problem(w); w.Code != 422 || len(p.fieldMessages()) != 2 {
		t.Fatalf("two bad fields: %d %+v", w.Code, p)
	}
	w = e.call("POST", "/api/v1/auth/signup", map[string]any{"email": "x", "password": "y", "name": "", "locale": "de"}, "")
	if p := e.problem(w); w.Code != 422 || len(p.fieldMessages()) != 4 {
		t.Fatalf("four bad fields: %d %+v", w.Code, p)
	}
}
