// These tests start the whole product and take its database and its Redis
// away and back: readiness answers 503 naming the part that is down, the
// requests that need the database answer 503, and both recover without a
// restart.
package app_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"

	"github.com/mentorat/mentorat/internal/app"
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
