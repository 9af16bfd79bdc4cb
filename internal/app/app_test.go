// These tests start the whole product. They take its database and its
// Redis away and back: readiness answers 503 naming the part that is down,
// the requests that need the database answer 503, and both recover without
// a restart. And a mail written to the outbox travels to the mail log and
// shows in the metrics.
package app_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"

	"github.com/mentorat/mentorat/internal/app"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
	"github.com/mentorat/mentorat/internal/testkit"
	"github.com/mentorat/mentorat/internal/testkit/testapp"
)

type readiness struct {
	Status  string            `json:"status"`
	Checks  map[string]string `json:"checks"`
	Failing []string          `json:"failing"`
}

func getReady(t *testing.T, base string) (int, readiness) {
	t.Helper()
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatalf("readyz: %v", err)
	}
	defer resp.Body.Close()
	var r readiness
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatalf("readyz body: %v", err)
	}
	return resp.StatusCode, r
}

func status(t *testing.T, u string) int {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// waitReady polls readiness until it answers want, and returns the last
// answer.
func waitReady(t *testing.T, base string, want int) readiness {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		code, r := getReady(t, base)
		if code == want {
			return r
		}
		if time.Now().After(deadline) {
			t.Fatalf("readyz stayed %d (%+v); want %d", code, r, want)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

var fullProduct = app.Options{Web: true, Workers: true, Migrate: true, Demo: true}

func TestRedisLostAndBack(t *testing.T) {
	target := "127.0.0.1:6379"
	if testkit.RedisURL() == "" {
		target = miniredis.RunT(t).Addr()
	}
	proxy := testkit.NewProxy(t, target)
	a := testapp.StartApp(t, testapp.AppSetup{Options: fullProduct, Env: map[string]string{"MENTORAT_REDIS_URL": "redis://" + proxy.Addr + "/0"}})
	waitReady(t, a.URL, http.StatusOK)

	proxy.Stop()
	r := waitReady(t, a.URL, http.StatusServiceUnavailable)
	if !slices.Equal(r.Failing, []string{"queue"}) || r.Checks["database"] != "ok" {
		t.Fatalf("readiness with Redis down: %+v", r)
	}
	if code := status(t, a.URL+"/api/v1/alliances/alliance-mali-mentors"); code != http.StatusOK {
		t.Fatalf("a read that needs no queue answered %d", code)
	}
	if err := proxy.Start(); err != nil {
		t.Fatal(err)
	}
	waitReady(t, a.URL, http.StatusOK)
}

func TestDatabaseLostAndBack(t *testing.T) {
	testkit.RequirePostgres(t)
	db := testkit.NewPostgresDatabase(t)
	appURL, err := url.Parse(db.URL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := testkit.NewProxy(t, appURL.Host)
	appURL.Host = proxy.Addr
	through := db
	through.URL = appURL.String()
	a := testapp.StartApp(t, testapp.AppSetup{Options: fullProduct, Database: &through})
	waitReady(t, a.URL, http.StatusOK)
	profile := a.URL + "/api/v1/alliances/alliance-mali-mentors"
	if code := status(t, profile); code != http.StatusOK {
		t.Fatalf("profile: %d", code)
	}

	proxy.Stop()
	r := waitReady(t, a.URL, http.StatusServiceUnavailable)
	if !slices.Equal(r.Failing, []string{"database"}) {
		t.Fatalf("readiness with the database down: %+v", r)
	}
	if code := status(t, profile); code != http.StatusServiceUnavailable {
		t.Fatalf("a request that needs the database answered %d; want 503", code)
	}

	if err := proxy.Start(); err != nil {
		t.Fatal(err)
	}
	waitReady(t, a.URL, http.StatusOK)
	deadline := time.Now().Add(10 * time.Second)
	for status(t, profile) != http.StatusOK {
		if time.Now().After(deadline) {
			t.Fatal("requests did not recover once the database came back")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestMailThroughTheOutboxIsCountedInMetrics(t *testing.T) {
	a := testapp.StartApp(t, testapp.AppSetup{Options: fullProduct})
	ctx := context.Background()
	alliance, err := (&service.Alliances{DB: a.DB}).BySlug(ctx, "alliance-mali-mentors")
	if err != nil {
		t.Fatal(err)
	}
	err = a.DB.InTenant(ctx, alliance.ID, func(tx *store.Tx) error {
		return jobs.EnqueueMail(ctx, tx, mail.Message{To: "awa@example.org", Subject: "Bienvenue", Text: "Bonjour"})
	})
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		var logged []store.MailLogEntry
		_ = a.DB.InTenant(ctx, alliance.ID, func(tx *store.Tx) error {
			logged, err = tx.MailLog(ctx, alliance.ID, 10)
			return err
		})
		if len(logged) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the mail never reached the mail log")
		}
		time.Sleep(50 * time.Millisecond)
	}
	status(t, a.URL+"/api/v1/alliances/alliance-mali-mentors")
	// The worker counts a job once its handler has returned, just after
	// the mail log's row is committed: wait for the count too.
	var body []byte
	for {
		resp, err := http.Get(a.URL + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ = io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if strings.Contains(string(body), `mentorat_jobs_processed_total{type="mail:send"}`) || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, want := range []string{
		`mentorat_jobs_processed_total{type="mail:send"} 1`,
		`mentorat_http_requests_total{method="GET",route="/api/v1/alliances/:slug",status="200"} 1`,
		`mentorat_http_request_duration_seconds_bucket{method="GET",route="/api/v1/alliances/:slug"`,
		"mentorat_outbox_backlog 0",
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestWorkerServesHealthAndMetricsOnly(t *testing.T) {
	a := testapp.StartApp(t, testapp.AppSetup{Options: app.Options{Workers: true, Migrate: true}})
	waitReady(t, a.URL, http.StatusOK)
	for path, want := range map[string]int{
		"/healthz": http.StatusOK,
		"/metrics": http.StatusOK,
		"/api/v1/alliances/alliance-mali-mentors": http.StatusNotFound,
		"/": http.StatusNotFound,
	} {
		if got := status(t, a.URL+path); got != want {
			t.Errorf("worker GET %s: %d; want %d", path, got, want)
		}
	}
}
