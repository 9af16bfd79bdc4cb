package store

import (
	"context"
	"database/sql"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// Tx is one transaction of one use case, bound to one alliance (the tenant)
// or, for platform work, to none.
type Tx struct {
	tx          bun.IDB // a transaction, or the pool for ReadPlatform
	tenant      domain.ID
	postgres    bool
	wroteOutbox bool
}

// InTenant runs fn in a transaction bound to the alliance tenant: on
// PostgreSQL, row-level security then shows and accepts that alliance's rows
// only. The transaction commits when fn returns nil and rolls back
// otherwise; its error comes back as a domain error.
//
// SECURITY: tenant must be the alliance the caller was authorized for.
func (db *DB) InTenant(ctx context.Context, tenant domain.ID, fn func(*Tx) error) error {
	return db.run(ctx, tenant, fn)
}

// InPlatform runs fn in a transaction bound to no alliance, for platform
// tables (the alliance registry, the outbox). On PostgreSQL it sees no row
// of any tenant table.
func (db *DB) InPlatform(ctx context.Context, fn func(*Tx) error) error {
	return db.run(ctx, domain.ID{}, fn)
}

// ReadPlatform runs fn's statements on platform tables (accounts, the
// alliance registry) on the pool, each on its own, with no transaction
// around them: one round trip per statement, for the lookups every request
// makes before its use case (and a lone single-row write such as a
// token's last use). On PostgreSQL no tenant is set outside a
// transaction, so fn sees no row of any tenant table.
func (db *DB) ReadPlatform(ctx context.Context, fn func(*Tx) error) error {
	return classify(fn(&Tx{tx: db.bun, postgres: db.postgres}))
}

func (db *DB) run(ctx context.Context, tenant domain.ID, fn func(*Tx) error) error {
	btx, err := db.bun.BeginTx(ctx, &sql.TxOptions{})
	if err != nil {
		return classify(err)
	}
	t := &Tx{tx: btx, tenant: tenant, postgres: db.postgres}
	if db.postgres {
		// Local to the transaction (is_local = true): a pooled connection
		// never carries one tenant into the next transaction.
		setting := ""
		if tenant != (domain.ID{}) {
			setting = tenant.String()
		}
		if _, err := btx.ExecContext(ctx, "SELECT set_config('app.tenant_id', ?, true)", setting); err != nil {
			_ = btx.Rollback()
			return classify(err)
		}
	}
	if err := fn(t); err != nil {
		_ = btx.Rollback()
		return classify(err)
	}
	if err := btx.Commit(); err != nil {
		return classify(err)
	}
	if t.wroteOutbox && db.notify != nil {
		db.notify()
	}
	return nil
}

// Tenant is the alliance the transaction is bound to; zero for platform
// work.
func (t *Tx) Tenant() domain.ID { return t.tenant }

// Bun gives the transaction's bun handle, for queries this package builds.
func (t *Tx) Bun() bun.IDB { return t.tx }
