package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// ReportFilter narrows the reports: one cohort, and mentorships that
// started within [From, To) (zero: unbounded).
type ReportFilter struct {
	CohortID *domain.ID
	From, To time.Time
}

func (f ReportFilter) apply(q *bun.SelectQuery) *bun.SelectQuery {
	if f.CohortID != nil {
		q = q.Where("ms.cohort_id = ?", *f.CohortID)
	}
	if !f.From.IsZero() {
		q = q.Where("ms.starts_on >= ?", domain.Day(f.From))
	}
	if !f.To.IsZero() {
		q = q.Where("ms.starts_on < ?", domain.Day(f.To))
	}
	return q
}

// MentoredRow is one mentorship as the reports count it: its status and
// cohort, and who the entrepreneur is, from the application and, when
// answered, the end survey. No name, no contact, no notes.
type MentoredRow struct {
	MentorshipID    domain.ID `bun:"mentorship_id,type:uuid"`
	ApplicationID   domain.ID `bun:"application_id,type:uuid"`
	Status          string    `bun:"status"`
	CohortID        domain.ID `bun:"cohort_id,type:uuid"`
	Cohort          string    `bun:"cohort"`
	City            string    `bun:"city"`
	Gender          string    `bun:"gender"`
	Sector          string    `bun:"sector"`
	RevenueBand     string    `bun:"revenue_band"`
	Employees       int       `bun:"employees"`
	EndRevenueBand  *string   `bun:"end_revenue_band"`
	EndEmployees    *int      `bun:"end_employees"`
	SessionsPlanned int       `bun:"sessions_planned"`
	SessionsHeld    int       `bun:"sessions_held"`
}

// MentoredRows lists the mentorships that match f, with what the reports
// count of each.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) MentoredRows(ctx context.Context, alliance domain.ID, f ReportFilter) ([]MentoredRow, error) {
	planned := t.tx.NewSelect().TableExpr("mentorship_sessions AS se").ColumnExpr("COUNT(*)").
		Where("se.tenant_id = ms.tenant_id AND se.mentorship_id = ms.id AND se.status <> ?", string(domain.SessionCancelled))
	held := t.tx.NewSelect().TableExpr("mentorship_sessions AS se").ColumnExpr("COUNT(*)").
		Where("se.tenant_id = ms.tenant_id AND se.mentorship_id = ms.id AND se.status = ?", string(domain.SessionHeld))
	var out []MentoredRow
	q := t.tx.NewSelect().TableExpr("mentorships AS ms").
		Join("JOIN applications AS ap ON ap.tenant_id = ms.tenant_id AND ap.id = ms.application_id").
		Join("JOIN cohorts AS co ON co.tenant_id = ms.tenant_id AND co.id = ms.cohort_id").
		Join("LEFT JOIN end_surveys AS es ON es.tenant_id = ms.tenant_id AND es.mentorship_id = ms.id AND es.side = 'entrepreneur'").
		ColumnExpr("ms.id AS mentorship_id, ms.application_id, ms.status, ms.cohort_id, co.name AS cohort").
		ColumnExpr("ap.city, ap.gender, ap.sector, ap.revenue_band, ap.employees").
		ColumnExpr("es.revenue_band AS end_revenue_band, es.employees AS end_employees").
		ColumnExpr("(?) AS sessions_planned", planned).ColumnExpr("(?) AS sessions_held", held).
		Where("ms.tenant_id = ?", alliance).Order("co.name", "ms.id")
	err := f.apply(q).Scan(ctx, &out)
	return out, classify(err)
}

// PeerFigures are the peer sessions held in a period and their
// attendance.
type PeerFigures struct {
	Held     int `bun:"held"`
	Invited  int `bun:"invited"`
	Attended int `bun:"attended"`
}

// PeerFiguresBetween counts the peer sessions held in [from, to) (zero:
// unbounded) and their invitations and attendance.
//
// SECURITY: alliance scopes the count to one alliance.
func (t *Tx) PeerFiguresBetween(ctx context.Context, alliance domain.ID, from, to time.Time) (PeerFigures, error) {
	var out PeerFigures
	q := t.tx.NewSelect().TableExpr("peer_sessions AS ps").
		Join("LEFT JOIN peer_session_attendees AS pa ON pa.tenant_id = ps.tenant_id AND pa.session_id = ps.id").
		ColumnExpr("COUNT(DISTINCT ps.id) AS held, COUNT(pa.user_id) AS invited").
		ColumnExpr("COALESCE(SUM(CASE WHEN pa.attended THEN 1 ELSE 0 END), 0) AS attended").
		Where("ps.tenant_id = ? AND ps.status = ?", alliance, string(domain.PeerHeld))
	if !from.IsZero() {
		q = q.Where("ps.starts_at >= ?", from.UTC())
	}
	if !to.IsZero() {
		q = q.Where("ps.starts_at < ?", to.UTC())
	}
	err := q.Scan(ctx, &out)
	return out, classify(err)
}
