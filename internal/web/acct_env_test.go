package web

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
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

// inTx runs fn in a transaction of tenant, or of the platform for nil.
func (e *acctEnv) inTx(tenant *domain.ID, fn func(bun.IDB) error) error {
	return testkit.InTx(e.ctx, e.db, tenant, fn)
}

// exec runs a statement as the app in tenant's transaction (nil: the
// platform's).
func (e *acctEnv) exec(tenant *domain.ID, query string, args ...any) {
	e.t.Helper()
	testkit.Exec(e.t, e.db, tenant, query, args...)
}

// count counts the rows of table the app sees in tenant's transaction.
func (e *acctEnv) count(tenant *domain.ID, table string) int {
	e.t.Helper()
	return testkit.Count(e.t, e.db, tenant, table)
}
