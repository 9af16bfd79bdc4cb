package testkit

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/store"
)

// migratedSQLite is a SQLite database migrated once per test binary and
// kept in memory: a test's fresh database is a copy of it, which costs far
// less than running every migration again (the suite opens hundreds).
var migratedSQLite struct {
	once  sync.Once
	image []byte
	err   error
}

// newMigratedSQLite writes a fresh copy of the migrated database into the
// test's temporary folder and gives its path.
func newMigratedSQLite(t testing.TB) string {
	t.Helper()
	migratedSQLite.once.Do(func() { migratedSQLite.image, migratedSQLite.err = migrateSQLiteImage() })
	if migratedSQLite.err != nil {
		t.Fatalf("migrated database: %v", migratedSQLite.err)
	}
	path := filepath.Join(t.TempDir(), "mentorat.db")
	if err := os.WriteFile(path, migratedSQLite.image, 0o600); err != nil {
		t.Fatalf("copy the migrated database: %v", err)
	}
	return path
}

// migrateSQLiteImage migrates a database in a scratch folder, folds its
// write-ahead log into the file, and gives the file's bytes.
func migrateSQLiteImage() ([]byte, error) {
	dir, err := os.MkdirTemp("", "mentorat-migrated-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "mentorat.db")
	ctx := context.Background()
	db, err := store.Open(ctx, path, 5*time.Second)
	if err != nil {
		return nil, err
	}
	if _, err := db.MigrateUp(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("migrate: %w", err)
	}
	if _, err := db.Bun().ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("checkpoint: %w", err)
	}
	if err := db.Close(); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}
