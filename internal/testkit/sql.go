package testkit

import (
	"context"
	"testing"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// InTx runs fn on a transaction of tenant as the app sees it, or of the
// platform for nil: row-level security applies as in the product.
func InTx(ctx context.Context, db *store.DB, tenant *domain.ID, fn func(bun.IDB) error) error {
	wrap := func(tx *store.Tx) error { return fn(tx.Bun()) }
	if tenant == nil {
		return db.InPlatform(ctx, wrap)
	}
	return db.InTenant(ctx, *tenant, wrap)
}

// Exec runs a statement as the app in tenant's transaction (nil: the
// platform's), failing the test on error.
func Exec(t testing.TB, db *store.DB, tenant *domain.ID, query string, args ...any) {
	t.Helper()
	err := InTx(context.Background(), db, tenant, func(tx bun.IDB) error {
		_, err := tx.NewRaw(query, args...).Exec(context.Background())
		return err
	})
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// Count counts the rows of table that the app sees in tenant's transaction
// (nil: the platform's).
func Count(t testing.TB, db *store.DB, tenant *domain.ID, table string) int {
	t.Helper()
	var n int
	err := InTx(context.Background(), db, tenant, func(tx bun.IDB) error {
		return tx.NewRaw("SELECT count(*) FROM ?", bun.Ident(table)).Scan(context.Background(), &n)
	})
	if err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}
