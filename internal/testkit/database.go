// Package testkit helps tests: a fresh database per test (SQLite by default,
// PostgreSQL when its URL is set), the Redis to use, free loopback ports and
// a TCP proxy that can cut a connection.
package testkit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/store"
)

// The environment variables that point the tests at a real PostgreSQL: the
// restricted app role's URL and the owner's URL, both of one database whose
// server lets the owner create more databases.
const (
	EnvDatabaseURL        = "MENTORAT_TEST_DATABASE_URL"
	EnvMigrateDatabaseURL = "MENTORAT_TEST_MIGRATE_DATABASE_URL"
)

// Database names one fresh database made for a test.
type Database struct {
	URL        string // the app's URL (restricted role on PostgreSQL)
	MigrateURL string // the owner's URL; equal to URL on SQLite
	Postgres   bool
}

// UsePostgres tells whether the tests run against a real PostgreSQL.
func UsePostgres() bool { return os.Getenv(EnvDatabaseURL) != "" }

// EnvEmbeddedRun marks a run that deliberately uses the embedded defaults
// only: CI runs the suite once so and once against PostgreSQL.
const EnvEmbeddedRun = "MENTORAT_TEST_EMBEDDED"

// RequirePostgres skips a test that needs PostgreSQL when none is set, and
// fails it instead under CI=true, where PostgreSQL must be there, unless
// the run is CI's deliberate embedded one.
func RequirePostgres(t testing.TB) {
	t.Helper()
	if UsePostgres() {
		return
	}
	if os.Getenv("CI") == "true" && os.Getenv(EnvEmbeddedRun) != "true" {
		t.Fatalf("this test needs PostgreSQL: set %s and %s", EnvDatabaseURL, EnvMigrateDatabaseURL)
	}
	t.Skipf("PostgreSQL not configured (%s unset)", EnvDatabaseURL)
}

// NewDatabase makes an empty database for the test and drops it at the
// end: a SQLite file in the test's temporary folder, or a new PostgreSQL
// database on the server the environment names.
func NewDatabase(t testing.TB) Database {
	t.Helper()
	if !UsePostgres() {
		path := filepath.Join(t.TempDir(), "mentorat.db")
		return Database{URL: path, MigrateURL: path}
	}
	return newPostgresDatabase(t)
}

// NewPostgresDatabase makes an empty PostgreSQL database for a test that
// needs PostgreSQL whatever the suite runs on.
func NewPostgresDatabase(t testing.TB) Database {
	t.Helper()
	RequirePostgres(t)
	return newPostgresDatabase(t)
}

func newPostgresDatabase(t testing.TB) Database {
	t.Helper()
	appURL, ownerURL := os.Getenv(EnvDatabaseURL), os.Getenv(EnvMigrateDatabaseURL)
	if ownerURL == "" {
		t.Fatalf("%s is set but %s is not", EnvDatabaseURL, EnvMigrateDatabaseURL)
	}
	ctx := context.Background()
	admin, err := store.Open(ctx, ownerURL, 5*time.Second)
	if err != nil {
		t.Fatalf("connect as the owner: %v", err)
	}
	defer admin.Close()
	// Named after the suite's database, so that whoever made that one can
	// find and drop what a killed run left behind.
	name := databaseName(t, ownerURL) + "_t_" + randomHex(6)
	if _, err := admin.Bun().ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		drop, err := store.Open(context.Background(), ownerURL, 5*time.Second)
		if err != nil {
			t.Errorf("connect to drop %s: %v", name, err)
			return
		}
		defer drop.Close()
		if _, err := drop.Bun().ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	return Database{URL: withDatabase(t, appURL, name), MigrateURL: withDatabase(t, ownerURL, name), Postgres: true}
}

// OpenDB gives the test a fresh, migrated database connected as the app
// (the restricted role on PostgreSQL), closed at the end. On SQLite it is
// a copy of one migrated once for the whole test binary.
func OpenDB(t testing.TB) *store.DB {
	t.Helper()
	if !UsePostgres() {
		path := newMigratedSQLite(t)
		return Open(t, Database{URL: path, MigrateURL: path})
	}
	return Open(t, NewDatabase(t))
}

// Open migrates d as its owner and connects to it as the app.
func Open(t testing.TB, d Database) *store.DB {
	t.Helper()
	ctx := context.Background()
	owner, err := store.Open(ctx, d.MigrateURL, 5*time.Second)
	if err != nil {
		t.Fatalf("open as owner: %v", err)
	}
	if _, err := owner.MigrateUp(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	if err := owner.EnsureAppRole(ctx, d.URL); err != nil {
		t.Fatalf("app role: %v", err)
	}
	if d.URL == d.MigrateURL {
		t.Cleanup(func() { _ = owner.Close() })
		return owner
	}
	_ = owner.Close()
	db, err := store.Open(ctx, d.URL, 5*time.Second)
	if err != nil {
		t.Fatalf("open as app: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// OwnerDB connects to d as the schema owner, for tests that inspect the
// catalog or bend a policy.
func OwnerDB(t testing.TB, d Database) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), d.MigrateURL, 5*time.Second)
	if err != nil {
		t.Fatalf("open as owner: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func databaseName(t testing.TB, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("bad database URL: %v", err)
	}
	return strings.Trim(u.Path, "/")
}

func withDatabase(t testing.TB, raw, name string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("bad database URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// EnvRedisURL points the tests at a real Redis; unset, each test starts an
// embedded one.
const EnvRedisURL = "MENTORAT_TEST_REDIS_URL"

// RedisURL is the Redis the tests use: empty for an embedded one.
func RedisURL() string { return os.Getenv(EnvRedisURL) }

// QueueName gives a test its own asynq queue, so that tests sharing one
// Redis never take each other's tasks.
func QueueName() string { return "test-" + randomHex(6) }
