package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type auditRow struct {
	bun.BaseModel `bun:"table:audit_log"`

	TenantID  domain.ID      `bun:"tenant_id,pk,type:uuid"`
	ID        domain.ID      `bun:"id,pk,type:uuid"`
	ActorID   *domain.ID     `bun:"actor_id,type:uuid"`
	ActorName string         `bun:"actor_name"`
	Action    string         `bun:"action"`
	Target    string         `bun:"target"`
	Details   map[string]any `bun:"details"`
	IP        string         `bun:"ip"`
	CreatedAt time.Time      `bun:"created_at"`
}

// InsertAudit appends an entry to the alliance's audit log.
//
// SECURITY: alliance is the tenant the entry belongs to.
func (t *Tx) InsertAudit(ctx context.Context, alliance domain.ID, e *domain.AuditEntry) error {
	details := e.Details
	if details == nil {
		details = map[string]any{}
	}
	_, err := t.tx.NewInsert().Model(&auditRow{
		TenantID: alliance, ID: e.ID, ActorID: e.ActorID, ActorName: e.ActorName, Action: e.Action,
		Target: e.Target, Details: details, IP: e.IP, CreatedAt: e.At.UTC(),
	}).Exec(ctx)
	return classify(err)
}

// AuditFilter narrows the audit log.
type AuditFilter struct {
	Action string     // exact action, or a prefix ending in "." (e.g. "member.")
	Actor  *domain.ID // who did it
	Since  time.Time  // zero: from the start
	Until  time.Time  // zero: until now
	Before *domain.ID // the cursor: entries older than this one
	Limit  int
}

// Audit lists the alliance's audit entries, newest first.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) Audit(ctx context.Context, alliance domain.ID, f AuditFilter) ([]*domain.AuditEntry, error) {
	var rows []auditRow
	q := t.tx.NewSelect().Model(&rows).Where("tenant_id = ?", alliance).Order("id DESC").Limit(int64(f.Limit))
	switch {
	case f.Action == "":
	case f.Action[len(f.Action)-1] == '.':
		q = q.Where("action LIKE ?", f.Action+"%")
	default:
		q = q.Where("action = ?", f.Action)
	}
	if f.Actor != nil {
		q = q.Where("actor_id = ?", *f.Actor)
	}
	if !f.Since.IsZero() {
		q = q.Where("created_at >= ?", f.Since.UTC())
	}
	if !f.Until.IsZero() {
		q = q.Where("created_at < ?", f.Until.UTC())
	}
	if f.Before != nil {
		q = q.Where("id < ?", *f.Before)
	}
	if err := q.Scan(ctx); err != nil {
		return nil, classify(err)
	}
	out := make([]*domain.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = &domain.AuditEntry{
			ID: r.ID, AllianceID: r.TenantID, ActorID: r.ActorID, ActorName: r.ActorName, Action: r.Action,
			Target: r.Target, Details: r.Details, IP: r.IP, At: r.CreatedAt.UTC(),
		}
	}
	return out, nil
}
