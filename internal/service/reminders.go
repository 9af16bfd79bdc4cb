package service

import (
	"context"
	"fmt"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/jobs"
	"github.com/mentorat/mentorat/internal/mail"
	"github.com/mentorat/mentorat/internal/store"
)

// onceMail is a mail to a member that must go at most once for its key:
// the key is recorded in the same transaction as the outbox job, so a
// retried or repeated run sends nothing twice.
type onceMail struct {
	Kind string // the family of reminder, e.g. "charter"
	Key  string // what makes this one unique within its kind
	To   *domain.Member
	// Messages is the catalog prefix of the subject and body, e.g.
	// "mail.charter.reminder."; Args fill them, with the member's name
	// and the alliance's added.
	Messages string
	Args     map[string]any
}

// sendOnce enqueues m in the alliance's language unless its key was sent
// already; it reports whether it enqueued it.
func sendOnce(ctx context.Context, tx *store.Tx, catalog *i18n.Catalog, a *domain.Alliance, m onceMail) (bool, error) {
	first, err := tx.MarkReminderSent(ctx, a.ID, m.Kind, m.Key, time.Now())
	if err != nil || !first {
		return false, err
	}
	args := map[string]any{"name": m.To.Name, "alliance": a.Name}
	for k, v := range m.Args {
		args[k] = v
	}
	loc := a.DefaultLocale
	err = jobs.EnqueueMail(ctx, tx, mail.Message{To: m.To.Email,
		Subject: catalog.T(loc, m.Messages+"subject", args), Text: catalog.T(loc, m.Messages+"body", args)})
	return err == nil, err
}

// isoWeek names the week of t, e.g. "2026-W48": a reminder key per week.
func isoWeek(t time.Time) string {
	y, w := t.UTC().ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, w)
}

// activeMembers lists the alliance's active members holding any of roles
// (all of them when roles is empty).
func activeMembers(ctx context.Context, tx *store.Tx, alliance domain.ID, roles ...domain.Role) ([]*domain.Member, error) {
	return tx.Members(ctx, alliance, store.MemberFilter{Roles: roles, Status: []domain.MemberStatus{domain.StatusActive}, Limit: 100_000})
}

// eachAlliance runs fn for every alliance in its own transaction, naming
// the alliance in the error of the first that fails.
func eachAlliance(ctx context.Context, db *store.DB, what string, fn func(*store.Tx, *domain.Alliance) error) error {
	alliances, err := (&Alliances{DB: db}).All(ctx)
	if err != nil {
		return err
	}
	for _, a := range alliances {
		if err := db.InTenant(ctx, a.ID, func(tx *store.Tx) error { return fn(tx, a) }); err != nil {
			return fmt.Errorf("%s of %s: %w", what, a.Slug, err)
		}
	}
	return nil
}
