package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type cohortRow struct {
	bun.BaseModel `bun:"table:cohorts,alias:co"`

	TenantID         domain.ID  `bun:"tenant_id,pk,type:uuid"`
	ID               domain.ID  `bun:"id,pk,type:uuid"`
	Name             string     `bun:"name"`
	City             string     `bun:"city"`
	StartsOn         time.Time  `bun:"starts_on,type:date"`
	EndsOn           time.Time  `bun:"ends_on,type:date"`
	Capacity         int        `bun:"capacity"`
	ApplicationsOpen bool       `bun:"applications_open"`
	ClosesOn         *time.Time `bun:"closes_on,type:date"`
	CreatedAt        time.Time  `bun:"created_at"`
	UpdatedAt        time.Time  `bun:"updated_at"`
}

func cohortRowOf(alliance domain.ID, c *domain.Cohort) *cohortRow {
	return &cohortRow{TenantID: alliance, ID: c.ID, Name: c.Name, City: c.City, StartsOn: c.StartsOn, EndsOn: c.EndsOn,
		Capacity: c.Capacity, ApplicationsOpen: c.ApplicationsOpen, ClosesOn: c.ClosesOn,
		CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC()}
}

func (r *cohortRow) domain() *domain.Cohort {
	c := &domain.Cohort{AllianceID: r.TenantID, ID: r.ID, Name: r.Name, City: r.City, StartsOn: domain.Day(r.StartsOn),
		EndsOn: domain.Day(r.EndsOn), Capacity: r.Capacity, ApplicationsOpen: r.ApplicationsOpen,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	if r.ClosesOn != nil {
		d := domain.Day(*r.ClosesOn)
		c.ClosesOn = &d
	}
	return c
}

// InsertCohort adds a cohort.
//
// SECURITY: alliance is the tenant the cohort belongs to.
func (t *Tx) InsertCohort(ctx context.Context, alliance domain.ID, c *domain.Cohort) error {
	_, err := t.tx.NewInsert().Model(cohortRowOf(alliance, c)).Exec(ctx)
	return classify(err)
}

// UpdateCohort saves a cohort's fields.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) UpdateCohort(ctx context.Context, alliance domain.ID, c *domain.Cohort) error {
	res, err := t.tx.NewUpdate().Model(cohortRowOf(alliance, c)).
		Column("name", "city", "starts_on", "ends_on", "capacity", "applications_open", "closes_on", "updated_at").
		WherePK().Exec(ctx)
	return affectedOne(res, err)
}

// Cohort finds one cohort; lock takes a row lock on PostgreSQL, so that
// two acceptances into a full cohort wait for each other.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) Cohort(ctx context.Context, alliance, id domain.ID, lock bool) (*domain.Cohort, error) {
	var r cohortRow
	q := t.tx.NewSelect().Model(&r).Where("tenant_id = ? AND id = ?", alliance, id)
	if lock && t.postgres {
		q = q.For("UPDATE")
	}
	if err := q.Scan(ctx); err != nil {
		return nil, classify(err)
	}
	return r.domain(), nil
}

// Cohorts lists the alliance's cohorts, the latest start first.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) Cohorts(ctx context.Context, alliance domain.ID) ([]*domain.Cohort, error) {
	var rows []cohortRow
	if err := t.tx.NewSelect().Model(&rows).Where("tenant_id = ?", alliance).Order("starts_on DESC", "name").Scan(ctx); err != nil {
		return nil, classify(err)
	}
	out := make([]*domain.Cohort, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, nil
}

// CohortCount is how many applications of a cohort are in each status.
type CohortCount map[domain.ApplicationStatus]int

// CohortCounts counts the applications of every cohort of the alliance,
// by status.
//
// SECURITY: alliance scopes the count to one alliance.
func (t *Tx) CohortCounts(ctx context.Context, alliance domain.ID) (map[domain.ID]CohortCount, error) {
	var rows []struct {
		CohortID domain.ID `bun:"cohort_id,type:uuid"`
		Status   string    `bun:"status"`
		N        int       `bun:"n"`
	}
	err := t.tx.NewSelect().Table("applications").ColumnExpr("cohort_id, status, COUNT(*) AS n").
		Where("tenant_id = ?", alliance).Group("cohort_id", "status").Scan(ctx, &rows)
	if err != nil {
		return nil, classify(err)
	}
	out := map[domain.ID]CohortCount{}
	for _, r := range rows {
		if out[r.CohortID] == nil {
			out[r.CohortID] = CohortCount{}
		}
		out[r.CohortID][domain.ApplicationStatus(r.Status)] = r.N
	}
	return out, nil
}

// PlacesTaken counts a cohort's applications that hold a place: accepted
// or matched.
//
// SECURITY: alliance scopes the count to one alliance.
func (t *Tx) PlacesTaken(ctx context.Context, alliance, cohort domain.ID) (int, error) {
	n, err := t.tx.NewSelect().Table("applications").
		Where("tenant_id = ? AND cohort_id = ? AND status IN (?)", alliance, cohort,
			bun.In([]domain.ApplicationStatus{domain.AppAccepted, domain.AppMatched})).Count(ctx)
	return int(n), classify(err)
}
