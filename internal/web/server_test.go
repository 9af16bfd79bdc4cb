package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/gin-gonic/gin"
	"github.com/redis/go-redis/v9"

	"github.com/mentorat/mentorat/frontend"
	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/metrics"
	"github.com/mentorat/mentorat/internal/ratelimit"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
)

// testServer is a server over a fresh database (SQLite, or PostgreSQL as
// the restricted app role when the environment says so) and an embedded
// Redis for the throttles.
type testServer struct {
	*Server
	db *store.DB
	mr *miniredis.Miniredis
}

// startServer builds a test server with the given body limit and public
// address, billing off.
func startServer(t testing.TB, bodyLimit int64, baseURL string) testServer {
	t.Helper()
	return startServerPaying(t, bodyLimit, baseURL, service.Payments{}, testkit.Logger(t))
}

// startServerPaying builds a test server whose alliances pay as pay says,
// logging to log.
func startServerPaying(t testing.TB, bodyLimit int64, baseURL string, pay service.Payments, log *slog.Logger) testServer {
	t.Helper()
	catalog, err := i18n.Load(frontend.Locales)
	if err != nil {
		t.Fatal(err)
	}
	db := testkit.OpenDB(t)
	enforcer, err := authz.New(context.Background(), db.Bun())
	if err != nil {
		t.Fatal(err)
	}
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	s, err := New(Deps{Log: log, Catalog: catalog, Metrics: metrics.New(nil), BodyLimit: bodyLimit,
		Services: service.NewSet(db, catalog, ratelimit.New(rdb), enforcer, baseURL, pay), Enforcer: enforcer})
	if err != nil {
		t.Fatal(err)
	}
	return testServer{Server: s, db: db, mr: mr}
}

// newTestServer builds a server with a small body limit, a route that
// decodes a JSON body and one that fails as told, for the tests of the
// request and error machinery.
func newTestServer(t testing.TB) *Server {
	t.Helper()
	s := startServer(t, 1024, "").Server
	s.router.POST("/test/echo", func(c *gin.Context) {
		var body struct {
			Name  string `json:"name"`
			Count int    `json:"count"`
		}
		if err := decodeJSON(c, &body); err != nil {
			s.fail(c, err)
			return
		}
		c.JSON(http.StatusOK, body)
	})
	s.router.GET("/test/fail", func(c *gin.Context) {
		switch c.Query("with") {
		case "internal":
			s.fail(c, domain.Internal(errors.New(`pq: relation "secret_table" does not exist`)))
		case "panic":
			panic("the secret stack")
		case "invalid":
			var p domain.Problems
			p.Add("name", "validation.required", nil)
			p.Add("country", "validation.length", map[string]any{"min": 2, "max": 80})
			s.fail(c, p.Err())
		}
	})
	return s
}

func do(s *Server, method, path, body string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	for k, v := range header {
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, req)
	return w
}

func decodeProblem(t *testing.T, w *httptest.ResponseRecorder) problem {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		t.Fatalf("content type %q; want problem+json (body %s)", ct, w.Body)
	}
	var p problem
	if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil {
		t.Fatalf("problem body: %v", err)
	}
	return p
}

func TestBadRequestsGetClearProblems(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		name, method, path, body string
		header                   map[string]string
		status                   int
		detail                   string
	}{
		{"unknown route", "GET", "/api/v1/nothing-here", "", nil, 404, "n’existe pas"},
		{"wrong method", "DELETE", "/healthz", "", nil, 405, "méthode"},
		{"declared body over the limit", "POST", "/test/echo", `{"name":"` + strings.Repeat("a", 2000) + `"}`, nil, 413, "1024 octets"},
		{"malformed json", "POST", "/test/echo", `{"name":`, nil, 400, "JSON valide"},
		{"two documents", "POST", "/test/echo", `{"name":"a"} {"name":"b"}`, nil, 400, "JSON valide"},
		{"unknown field", "POST", "/test/echo", `{"nom":"a"}`, nil, 400, "JSON valide"},
		{"wrong type", "POST", "/test/echo", `{"count":"three"}`, nil, 400, "count"},
		{"invalid utf-8", "POST", "/test/echo", "{\"name\":\"\xff\xfe\"}", nil, 400, "UTF-8"},
		{"english", "GET", "/api/v1/nothing-here", "", map[string]string{"Accept-Language": "en-GB,en;q=0.9"}, 404, "does not exist"},
		{"english preferred by q", "GET", "/api/v1/nothing-here", "", map[string]string{"Accept-Language": "fr;q=0.3, en;q=0.8"}, 404, "does not exist"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := do(s, tc.method, tc.path, tc.body, tc.header)
			if w.Code != tc.status {
				t.Fatalf("status %d; want %d (%s)", w.Code, tc.status, w.Body)
			}
			p := decodeProblem(t, w)
			if p.Status != tc.status || p.Title == "" || !strings.Contains(p.Detail, tc.detail) {
				t.Fatalf("problem %+v; want status %d and a detail with %q", p, tc.status, tc.detail)
			}
		})
	}
}

func TestBodyOverTheLimitWithoutLengthIsRefused(t *testing.T) {
	s := newTestServer(t)
	req := httptest.NewRequest("POST", "/test/echo", strings.NewReader(`{"name":"`+strings.Repeat("a", 5000)+`"}`))
	req.ContentLength = -1 // chunked: the size is known only while reading
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, req)
	if w.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d; want 413", w.Code)
	}
}

func TestValidationProblemListsEveryField(t *testing.T) {
	s := newTestServer(t)
	w := do(s, "GET", "/test/fail?with=invalid", "", map[string]string{"Accept-Language": "en"})
	p := decodeProblem(t, w)
	if w.Code != 422 || len(p.Errors) != 2 || p.Errors[0].Field != "name" || p.Errors[0].Message != "This field is required." ||
		p.Errors[1].Message != "This field must be between 2 and 80 characters long." {
		t.Fatalf("got %d %+v", w.Code, p)
	}
}

func TestInternalErrorsNeverReachTheClient(t *testing.T) {
	s := newTestServer(t)
	for _, with := range []string{"internal", "panic"} {
		t.Run(with, func(t *testing.T) {
			w := do(s, "GET", "/test/fail?with="+with, "", nil)
			p := decodeProblem(t, w)
			if w.Code != 500 || p.Status != 500 {
				t.Fatalf("status %d", w.Code)
			}
			if strings.Contains(w.Body.String(), "secret") || strings.Contains(w.Body.String(), "goroutine") {
				t.Fatalf("internal text leaked: %s", w.Body)
			}
		})
	}
}

func TestSecurityHeadersOnEveryAnswer(t *testing.T) {
	s := newTestServer(t)
	for _, path := range []string{"/", "/healthz", "/api/v1/openapi.json", "/api/v1/nothing-here", "/static/app.css", "/nope"} {
		w := do(s, "GET", path, "", map[string]string{"Accept": "text/html"})
		h := w.Header()
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("X-Request-Id") == "" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
}

func TestPagesHaveNoInlineScriptOrStyle(t *testing.T) {
	s := newTestServer(t)
	for _, path := range []string{"/", "/nope"} {
		body := do(s, "GET", path, "", map[string]string{"Accept": "text/html"}).Body.String()
		for _, bad := range []string{"<script>", "style=", " onclick=", "<style"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s contains %q", path, bad)
			}
		}
	}
}

func TestLanguageSwitchKeepsTheChoiceAndStaysOnSite(t *testing.T) {
	s := newTestServer(t)
	tests := []struct{ next, want string }{
		{"/a/alliance-mali-mentors", "/a/alliance-mali-mentors"},
		{"//evil.example", "/"},
		{"https://evil.example", "/"},
		{"/\\evil.example", "/"},
	}
	for _, tc := range tests {
		w := do(s, "GET", "/lang/en?next="+tc.next, "", nil)
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != tc.want {
			t.Errorf("next %q: %d to %q; want %q", tc.next, w.Code, w.Header().Get("Location"), tc.want)
		}
		if !strings.Contains(w.Header().Get("Set-Cookie"), langCookie+"=en") {
			t.Errorf("no language cookie: %v", w.Header())
		}
	}
	home := do(s, "GET", "/", "", map[string]string{"Cookie": langCookie + "=en", "Accept-Language": "fr"})
	if !strings.Contains(home.Body.String(), `<html lang="en">`) {
		t.Fatal("the chosen language should win over Accept-Language")
	}
	if w := do(s, "GET", "/lang/de", "", map[string]string{"Accept": "text/html"}); w.Code != 404 {
		t.Fatalf("unknown language: %d", w.Code)
	}
}

func TestStaticFilesAreCachedByContentHash(t *testing.T) {
	s := newTestServer(t)
	page := do(s, "GET", "/", "", nil).Body.String()
	start := strings.Index(page, "/static/app.css?v=")
	if start < 0 {
		t.Fatal("the layout does not link the hashed stylesheet")
	}
	href := page[start : start+strings.Index(page[start:], `"`)]
	w := do(s, "GET", href, "", nil)
	if w.Code != 200 || !strings.Contains(w.Header().Get("Cache-Control"), "immutable") || !bytes.Contains(w.Body.Bytes(), []byte("--accent")) {
		t.Fatalf("%s: %d %v", href, w.Code, w.Header())
	}
	if w := do(s, "GET", "/static/app.css?v=stale", "", nil); strings.Contains(w.Header().Get("Cache-Control"), "immutable") {
		t.Fatal("a stale hash must not be cached for a year")
	}
}
