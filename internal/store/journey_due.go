package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// DueSession is a session a reminder is about, with its mentorship.
type DueSession struct {
	MentorshipID domain.ID  `bun:"mentorship_id,type:uuid"`
	Number       int        `bun:"number"`
	ScheduledAt  time.Time  `bun:"scheduled_at"`
	Place        string     `bun:"place"`
	MentorID     domain.ID  `bun:"mentor_id,type:uuid"`
	Entrepreneur *domain.ID `bun:"entrepreneur_id,type:uuid"`
	AppID        domain.ID  `bun:"application_id,type:uuid"`
}

// ScheduledSessions lists the scheduled sessions of active mentorships
// whose agreed time is in [from, to).
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) ScheduledSessions(ctx context.Context, alliance domain.ID, from, to time.Time) ([]DueSession, error) {
	var out []DueSession
	err := t.tx.NewSelect().TableExpr("mentorship_sessions AS se").
		Join("JOIN mentorships AS ms ON ms.tenant_id = se.tenant_id AND ms.id = se.mentorship_id").
		ColumnExpr("se.mentorship_id, se.number, se.scheduled_at, se.place, ms.mentor_id, ms.entrepreneur_id, ms.application_id").
		Where("se.tenant_id = ? AND ms.status = ? AND se.status = ?", alliance, string(domain.MentorshipActive), string(domain.SessionScheduled)).
		Where("se.scheduled_at >= ? AND se.scheduled_at < ?", from.UTC(), to.UTC()).
		Order("se.scheduled_at").Scan(ctx, &out)
	return out, classify(err)
}

// StaleMentorship is an active mentorship and the day of its last held
// session, or of its start when none was held.
type StaleMentorship struct {
	ID       domain.ID `bun:"id,type:uuid"`
	MentorID domain.ID `bun:"mentor_id,type:uuid"`
	AppID    domain.ID `bun:"application_id,type:uuid"`
	Since    time.Time `bun:"since"`
}

// StaleMentorships lists the active mentorships that began before
// `before` and held no session since then.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) StaleMentorships(ctx context.Context, alliance domain.ID, before time.Time) ([]StaleMentorship, error) {
	var rows []struct {
		ID       domain.ID  `bun:"id,type:uuid"`
		MentorID domain.ID  `bun:"mentor_id,type:uuid"`
		AppID    domain.ID  `bun:"application_id,type:uuid"`
		StartsOn time.Time  `bun:"starts_on,type:date"`
		LastHeld *time.Time `bun:"last_held,type:date"`
	}
	held := t.tx.NewSelect().TableExpr("mentorship_sessions AS se").ColumnExpr("MAX(se.held_on)").
		Where("se.tenant_id = ms.tenant_id AND se.mentorship_id = ms.id AND se.status = ?", string(domain.SessionHeld))
	err := t.tx.NewSelect().TableExpr("mentorships AS ms").
		ColumnExpr("ms.id, ms.mentor_id, ms.application_id, ms.starts_on").ColumnExpr("(?) AS last_held", held).
		Where("ms.tenant_id = ? AND ms.status = ? AND ms.starts_on < ?", alliance, string(domain.MentorshipActive), domain.Day(before)).
		Scan(ctx, &rows)
	if err != nil {
		return nil, classify(err)
	}
	var out []StaleMentorship
	for _, r := range rows {
		since := domain.Day(r.StartsOn)
		if r.LastHeld != nil {
			since = domain.Day(*r.LastHeld)
		}
		if since.Before(domain.Day(before)) {
			out = append(out, StaleMentorship{ID: r.ID, MentorID: r.MentorID, AppID: r.AppID, Since: since})
		}
	}
	return out, nil
}

// MentorshipsToComplete lists the active mentorships whose sessions are
// all held, or whose end day is before today.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) MentorshipsToComplete(ctx context.Context, alliance domain.ID, today time.Time) ([]domain.ID, error) {
	notHeld := t.tx.NewSelect().TableExpr("mentorship_sessions AS se").ColumnExpr("1").
		Where("se.tenant_id = ms.tenant_id AND se.mentorship_id = ms.id AND se.status <> ?", string(domain.SessionHeld))
	var ids []domain.ID
	err := t.tx.NewSelect().TableExpr("mentorships AS ms").Column("ms.id").
		Where("ms.tenant_id = ? AND ms.status = ?", alliance, string(domain.MentorshipActive)).
		WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
			return q.Where("ms.ends_on < ?", domain.Day(today)).WhereOr("NOT EXISTS (?)", notHeld)
		}).Scan(ctx, &ids)
	return ids, classify(err)
}

// CompleteMentorship marks an active mentorship completed at.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) CompleteMentorship(ctx context.Context, alliance, id domain.ID, at time.Time) error {
	res, err := t.tx.NewUpdate().Model((*mentorshipRow)(nil)).
		Set("status = ?", string(domain.MentorshipCompleted)).Set("completed_at = ?", at.UTC()).Set("updated_at = ?", at.UTC()).
		Where("tenant_id = ? AND id = ? AND status = ?", alliance, id, string(domain.MentorshipActive)).Exec(ctx)
	return affectedOne(res, err)
}
