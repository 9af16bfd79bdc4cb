package store

import (
	"context"

	"github.com/mentorat/mentorat/internal/domain"
)

// PersonRow is one mentorship as the admins' export of people lists it:
// the entrepreneur and the business from the application, the cohort, the
// mentor, the status, the sessions, and the entrepreneur's end survey when
// answered. No notes of any kind, and no free text but names.
type PersonRow struct {
	MentorshipID    domain.ID `bun:"mentorship_id,type:uuid"`
	Name            string    `bun:"name"`
	Email           string    `bun:"email"`
	Phone           string    `bun:"phone"`
	Gender          string    `bun:"gender"`
	BirthYear       int       `bun:"birth_year"`
	City            string    `bun:"city"`
	Business        string    `bun:"business_name"`
	Sector          string    `bun:"sector"`
	Cohort          string    `bun:"cohort"`
	Mentor          string    `bun:"mentor"`
	Status          string    `bun:"status"`
	SessionsHeld    int       `bun:"sessions_held"`
	SessionsPlanned int       `bun:"sessions_planned"`
	RevenueBand     string    `bun:"revenue_band"`
	Employees       int       `bun:"employees"`
	EndRevenueBand  *string   `bun:"end_revenue_band"`
	EndEmployees    *int      `bun:"end_employees"`
	WouldRecommend  *bool     `bun:"would_recommend"`
}

// PeopleRows lists the mentorships that match f with their entrepreneur,
// by cohort, then by the entrepreneur's name.
//
// SECURITY: alliance scopes the list to one alliance. The rows name people
// and their contacts: for those who may export them alone.
func (t *Tx) PeopleRows(ctx context.Context, alliance domain.ID, f ReportFilter) ([]PersonRow, error) {
	planned := t.tx.NewSelect().TableExpr("mentorship_sessions AS se").ColumnExpr("COUNT(*)").
		Where("se.tenant_id = ms.tenant_id AND se.mentorship_id = ms.id AND se.status <> ?", string(domain.SessionCancelled))
	held := t.tx.NewSelect().TableExpr("mentorship_sessions AS se").ColumnExpr("COUNT(*)").
		Where("se.tenant_id = ms.tenant_id AND se.mentorship_id = ms.id AND se.status = ?", string(domain.SessionHeld))
	var out []PersonRow
	q := t.tx.NewSelect().TableExpr("mentorships AS ms").
		Join("JOIN applications AS ap ON ap.tenant_id = ms.tenant_id AND ap.id = ms.application_id").
		Join("JOIN cohorts AS co ON co.tenant_id = ms.tenant_id AND co.id = ms.cohort_id").
		Join("JOIN users AS mu ON mu.id = ms.mentor_id").
		Join("LEFT JOIN end_surveys AS es ON es.tenant_id = ms.tenant_id AND es.mentorship_id = ms.id AND es.side = 'entrepreneur'").
		ColumnExpr("ms.id AS mentorship_id, ap.name, ap.email, ap.phone, ap.gender, ap.birth_year, ap.city").
		ColumnExpr("ap.business_name, ap.sector, co.name AS cohort, mu.name AS mentor, ms.status").
		ColumnExpr("(?) AS sessions_held, (?) AS sessions_planned", held, planned).
		ColumnExpr("ap.revenue_band, ap.employees").
		ColumnExpr("es.revenue_band AS end_revenue_band, es.employees AS end_employees, es.would_recommend").
		Where("ms.tenant_id = ?", alliance).Order("co.name", "ap.name", "ms.id")
	err := f.apply(q).Scan(ctx, &out)
	return out, classify(err)
}
