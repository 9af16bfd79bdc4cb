// Package store keeps Mentorat's data with bun, on the embedded SQLite file
// or on PostgreSQL. Every method on tenant data takes the alliance first and
// filters on it; on PostgreSQL every transaction also sets the tenant for
// row-level security. Only the services call the store.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/driver/pgdriver"
	"github.com/uptrace/bun/driver/sqliteshim"

	"github.com/mentorat/mentorat/internal/config"
)

// DB is the product's database, of either dialect.
type DB struct {
	bun      *bun.DB
	postgres bool
	// notify, when set, is called after a transaction that wrote outbox rows
	// commits, so that the relay moves them without waiting for its tick.
	notify func()
}

// Open connects to the database that rawURL names: PostgreSQL for a
// postgres:// URL, otherwise a SQLite file at that path. It retries until
// the database answers or timeout passes.
func Open(ctx context.Context, rawURL string, timeout time.Duration) (*DB, error) {
	var db *DB
	if config.IsPostgresURL(rawURL) {
		connector := pgdriver.NewConnector(pgdriver.WithDSN(rawURL), pgdriver.WithTimeout(30*time.Second))
		sqldb := sql.OpenDB(connector)
		sqldb.SetMaxOpenConns(20)
		sqldb.SetMaxIdleConns(10)
		sqldb.SetConnMaxIdleTime(5 * time.Minute)
		db = &DB{bun: bun.NewDB(sqldb, pgdialect.New()), postgres: true}
	} else {
		sqldb, err := sql.Open(sqliteshim.ShimName, sqliteDSN(rawURL))
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", rawURL, err)
		}
		sqldb.SetMaxOpenConns(8)
		db = &DB{bun: bun.NewDB(sqldb, sqlitedialect.New())}
	}
	if err := waitFor(ctx, timeout, db.Ping); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("the database does not answer: %w", err)
	}
	return db, nil
}

// sqliteDSN sets the pragmas the product relies on: foreign keys, a write
// ahead log so that readers do not wait for writers, a busy timeout, and
// transactions that take the write lock at once so that two of them never
// deadlock upgrading.
func sqliteDSN(path string) string {
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "journal_mode(WAL)", "busy_timeout(10000)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return "file:" + path + sep + q.Encode()
}

// waitFor calls try until it succeeds, ctx ends, or timeout passes, waiting
// a little longer between tries each time.
func waitFor(ctx context.Context, timeout time.Duration, try func(context.Context) error) error {
	deadline := time.Now().Add(timeout)
	wait := 100 * time.Millisecond
	for {
		attemptCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
		err := try(attemptCtx)
		cancel()
		if err == nil {
			return nil
		}
		if time.Now().Add(wait).After(deadline) || ctx.Err() != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(wait*2, 2*time.Second)
	}
}

// IsPostgres tells whether the database is PostgreSQL.
func (db *DB) IsPostgres() bool { return db.postgres }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	var one int
	return db.bun.NewRaw("SELECT 1").Scan(ctx, &one)
}

// Analyze refreshes the planner's statistics of every table, after a bulk
// load. On PostgreSQL only the tables' owner can: open the database with
// the schema owner's URL.
func (db *DB) Analyze(ctx context.Context) error {
	_, err := db.bun.ExecContext(ctx, "ANALYZE")
	return err
}

// Close releases every connection.
func (db *DB) Close() error { return db.bun.Close() }

// OnOutbox sets the function called after a transaction that wrote outbox
// rows commits.
func (db *DB) OnOutbox(fn func()) { db.notify = fn }

// Bun gives the underlying bun handle, for migrations and tests.
func (db *DB) Bun() *bun.DB { return db.bun }

// SetMaxOpenConns bounds the connection pool.
func (db *DB) SetMaxOpenConns(n int) { db.bun.SetMaxOpenConns(n) }

// errNoRows tells whether err is the absence of a row.
func errNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
