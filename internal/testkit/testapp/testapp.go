// Package testapp starts the whole product for a test.
package testapp

import (
	"context"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/app"
	"github.com/mentorat/mentorat/internal/config"
	"github.com/mentorat/mentorat/internal/testkit"
)

// RunningApp is the whole product started for a test.
type RunningApp struct {
	*app.App
	URL      string // http://127.0.0.1:port
	Config   *config.Config
	Database testkit.Database
}

// AppSetup adjusts a test app before it starts.
type AppSetup struct {
	Options app.Options
	// Database, when set, is used instead of a fresh one.
	Database *testkit.Database
	// Env overrides configuration variables (MENTORAT_*).
	Env map[string]string
}

// StartApp starts the product on a loopback port with a fresh database and
// its own queue (embedded Redis, or the test Redis when set), and stops it
// at the end of the test. Logs go to the test's output when -v is given.
func StartApp(t testing.TB, setup AppSetup) *RunningApp {
	t.Helper()
	db := testkit.NewDatabase(t)
	if setup.Database != nil {
		db = *setup.Database
	}
	env := map[string]string{
		"MENTORAT_ADDR":                 "127.0.0.1:0",
		"MENTORAT_DATABASE_URL":         db.URL,
		"MENTORAT_MIGRATE_DATABASE_URL": db.MigrateURL,
		"MENTORAT_REDIS_URL":            testkit.RedisURL(),
		"MENTORAT_CONNECT_TIMEOUT":      "5s",
		"MENTORAT_SHUTDOWN_TIMEOUT":     "5s",
		"MENTORAT_LOG_LEVEL":            "warn",
	}
	for k, v := range setup.Env {
		env[k] = v
	}
	cfg, err := config.Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	opts := setup.Options
	if opts.Queue == "" {
		opts.Queue = testkit.QueueName()
	}
	a, err := app.New(context.Background(), cfg, testkit.Logger(t), opts)
	if err != nil {
		t.Fatalf("start the app: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("app stopped with: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Errorf("app did not stop within 30 s")
		}
		a.Close()
	})
	return &RunningApp{App: a, URL: "http://" + a.Addr(), Config: cfg, Database: db}
}
