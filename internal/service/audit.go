package service

import (
	"context"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/store"
)

// Records are the use cases of what an alliance keeps about itself: its
// audit log, the mails sent on its behalf, and its failed background jobs.
type Records struct {
	DB *store.DB
}

// Audit lists the alliance's audit entries, newest first.
func (s *Records) Audit(ctx context.Context, c Caller, f store.AuditFilter) ([]*domain.AuditEntry, error) {
	var out []*domain.AuditEntry
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		out, err = tx.Audit(ctx, c.Alliance.ID, f)
		return err
	})
	return out, err
}

// Mails lists the mails sent on the alliance's behalf, newest first.
func (s *Records) Mails(ctx context.Context, c Caller, limit int) ([]store.MailLogEntry, error) {
	var out []store.MailLogEntry
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		out, err = tx.MailLog(ctx, c.Alliance.ID, limit)
		return err
	})
	return out, err
}

// FailedJobs lists the alliance's background jobs that failed for good.
func (s *Records) FailedJobs(ctx context.Context, c Caller, limit int) ([]store.OutboxJob, error) {
	var out []store.OutboxJob
	err := s.DB.InTenant(ctx, c.Alliance.ID, func(tx *store.Tx) error {
		var err error
		out, err = tx.FailedOutbox(ctx, c.Alliance.ID, limit)
		return err
	})
	return out, err
}
