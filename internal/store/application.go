package store

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type applicationRow struct {
	bun.BaseModel `bun:"table:applications,alias:ap"`

	TenantID        domain.ID  `bun:"tenant_id,pk,type:uuid"`
	ID              domain.ID  `bun:"id,pk,type:uuid"`
	CohortID        domain.ID  `bun:"cohort_id,type:uuid"`
	UserID          *domain.ID `bun:"user_id,type:uuid"`
	Status          string     `bun:"status"`
	Locale          string     `bun:"locale"`
	Name            string     `bun:"name"`
	Email           string     `bun:"email"`
	Phone           string     `bun:"phone"`
	Gender          string     `bun:"gender"`
	BirthYear       int        `bun:"birth_year"`
	City            string     `bun:"city"`
	BusinessName    string     `bun:"business_name"`
	Sector          string     `bun:"sector"`
	Stage           string     `bun:"stage"`
	Employees       int        `bun:"employees"`
	FoundedYear     int        `bun:"founded_year"`
	RevenueBand     string     `bun:"revenue_band"`
	Obstacles       string     `bun:"obstacles"`
	Goals           string     `bun:"goals"`
	Motivation      string     `bun:"motivation"`
	SearchText      string     `bun:"search_text"`
	FollowTokenHash string     `bun:"follow_token_hash"`
	ScoreSum        int        `bun:"score_sum"`
	ScoreCount      int        `bun:"score_count"`
	SubmittedAt     time.Time  `bun:"submitted_at"`
	UpdatedAt       time.Time  `bun:"updated_at"`
}

// applicationRowOf gives the row of an application, with the hash of its
// follow link's token.
func applicationRowOf(a *domain.Application, followTokenHash string) *applicationRow {
	r := &applicationRow{TenantID: a.AllianceID, ID: a.ID, CohortID: a.CohortID, Status: string(a.Status),
		Locale: string(a.Locale), Name: a.Applicant.Name, Email: a.Applicant.Email, Phone: a.Applicant.Phone,
		Gender: string(a.Applicant.Gender), BirthYear: a.Applicant.BirthYear, City: a.Applicant.City,
		BusinessName: a.Business.Name, Sector: a.Business.Sector, Stage: a.Business.Stage, Employees: a.Business.Employees,
		FoundedYear: a.Business.FoundedYear, RevenueBand: a.Business.RevenueBand,
		Obstacles: a.Obstacles, Goals: a.Goals, Motivation: a.Motivation, SearchText: applicationSearchText(a),
		FollowTokenHash: followTokenHash, SubmittedAt: a.SubmittedAt.UTC(), UpdatedAt: a.UpdatedAt.UTC()}
	if a.UserID != (domain.ID{}) {
		id := a.UserID
		r.UserID = &id
	}
	return r
}

// applicationSearchText is what the pipeline's text search looks in: who,
// how to reach them, the business, and what they wrote.
func applicationSearchText(a *domain.Application) string {
	return domain.FoldForSearch(strings.Join([]string{a.Applicant.Name, a.Applicant.Email, a.Applicant.Phone,
		a.Applicant.City, a.Business.Name, a.Obstacles, a.Goals, a.Motivation}, "\n"))
}

func (r *applicationRow) domain() *domain.Application {
	a := &domain.Application{AllianceID: r.TenantID, ID: r.ID, Status: domain.ApplicationStatus(r.Status),
		SubmittedAt: r.SubmittedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		ApplicationForm: domain.ApplicationForm{CohortID: r.CohortID, Locale: domain.Locale(r.Locale),
			Applicant: domain.Applicant{Name: r.Name, Email: r.Email, Phone: r.Phone, Gender: domain.Gender(r.Gender),
				BirthYear: r.BirthYear, City: r.City},
			Business: domain.Business{Name: r.BusinessName, Sector: r.Sector, Stage: r.Stage, Employees: r.Employees,
				FoundedYear: r.FoundedYear, RevenueBand: r.RevenueBand},
			Obstacles: r.Obstacles, Goals: r.Goals, Motivation: r.Motivation}}
	if r.UserID != nil {
		a.UserID = *r.UserID
	}
	if r.ScoreCount > 0 {
		avg := float64(r.ScoreSum) / float64(r.ScoreCount)
		a.ScoreAvg = &avg
	}
	return a
}

// InsertApplication adds an application; a second one of the same e-mail
// or phone to the same cohort is a conflict.
//
// SECURITY: the application's alliance is the tenant it belongs to.
func (t *Tx) InsertApplication(ctx context.Context, a *domain.Application, followTokenHash string) error {
	_, err := t.tx.NewInsert().Model(applicationRowOf(a, followTokenHash)).Exec(ctx)
	return classify(err)
}

// InsertApplications adds many applications of one alliance in one
// statement, each with the hash of its follow link's token, for generated
// data.
//
// SECURITY: alliance is the tenant the applications belong to.
func (t *Tx) InsertApplications(ctx context.Context, alliance domain.ID, apps []*domain.Application, followTokenHashes []string) error {
	if len(apps) == 0 {
		return nil
	}
	rows := make([]applicationRow, len(apps))
	for i, a := range apps {
		rows[i] = *applicationRowOf(a, followTokenHashes[i])
		rows[i].TenantID = alliance
	}
	_, err := t.tx.NewInsert().Model(&rows).Exec(ctx)
	return classify(err)
}

// Application finds one application; lock takes a row lock on PostgreSQL.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) Application(ctx context.Context, alliance, id domain.ID, lock bool) (*domain.Application, error) {
	var r applicationRow
	q := t.tx.NewSelect().Model(&r).Where("tenant_id = ? AND id = ?", alliance, id)
	if lock && t.postgres {
		q = q.For("UPDATE")
	}
	if err := q.Scan(ctx); err != nil {
		return nil, classify(err)
	}
	return r.domain(), nil
}

// ApplicationByFollowToken finds the application a follow link points to.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) ApplicationByFollowToken(ctx context.Context, alliance domain.ID, tokenHash string) (*domain.Application, error) {
	var r applicationRow
	if err := t.tx.NewSelect().Model(&r).Where("tenant_id = ? AND follow_token_hash = ?", alliance, tokenHash).Scan(ctx); err != nil {
		return nil, classify(err)
	}
	return r.domain(), nil
}

// ApplicationFilter narrows the pipeline: every word of Text must appear
// in the applicant's name, contact, city, business or texts (folded).
type ApplicationFilter struct {
	CohortID *domain.ID
	UserID   *domain.ID
	Status   []domain.ApplicationStatus
	City     string
	Gender   domain.Gender
	Sector   string
	Words    []string
	Limit    int
	Offset   int
	// Oldest lists the first submitted first, else the latest first.
	Oldest bool
}

// listedApplication is a row of a list, with how many rows the list has
// in all: the count comes with the page, in the same statement.
type listedApplication struct {
	applicationRow `bun:",extend"`

	Total int `bun:"total,scanonly"`
}

// Applications lists the applications that match f, without their long
// texts, and how many match in all.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) Applications(ctx context.Context, alliance domain.ID, f ApplicationFilter) ([]*domain.Application, int, error) {
	var rows []listedApplication
	q := t.tx.NewSelect().Model(&rows).
		ExcludeColumn("obstacles", "goals", "motivation", "search_text", "follow_token_hash").
		ColumnExpr("count(*) OVER () AS total")
	q = filterApplications(q, alliance, f)
	if f.Oldest {
		q = q.Order("submitted_at", "id")
	} else {
		q = q.Order("submitted_at DESC", "id")
	}
	if f.Limit > 0 {
		q = q.Limit(int64(f.Limit)).Offset(int64(f.Offset))
	}
	if err := q.Scan(ctx); err != nil {
		return nil, 0, classify(err)
	}
	out := make([]*domain.Application, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	if len(rows) > 0 {
		return out, rows[0].Total, nil
	}
	if f.Offset == 0 {
		return out, 0, nil
	}
	// A page past the end has no row to carry the count.
	total, err := filterApplications(t.tx.NewSelect().Model((*applicationRow)(nil)), alliance, f).Count(ctx)
	return out, int(total), classify(err)
}

// filterApplications narrows a query of applications to f's.
func filterApplications(q *bun.SelectQuery, alliance domain.ID, f ApplicationFilter) *bun.SelectQuery {
	q = q.Where("tenant_id = ?", alliance)
	if f.CohortID != nil {
		q = q.Where("cohort_id = ?", *f.CohortID)
	}
	if f.UserID != nil {
		q = q.Where("user_id = ?", *f.UserID)
	}
	if len(f.Status) > 0 {
		q = q.Where("status IN (?)", bun.In(f.Status))
	}
	if f.City != "" {
		q = q.Where("LOWER(city) = ?", strings.ToLower(f.City))
	}
	if f.Gender != "" {
		q = q.Where("gender = ?", string(f.Gender))
	}
	if f.Sector != "" {
		q = q.Where("sector = ?", f.Sector)
	}
	for _, w := range f.Words {
		q = q.Where("search_text LIKE ?", "%"+w+"%")
	}
	return q
}

// SetApplicationStatus moves an application to status.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) SetApplicationStatus(ctx context.Context, alliance, id domain.ID, status domain.ApplicationStatus, at time.Time) error {
	res, err := t.tx.NewUpdate().Model((*applicationRow)(nil)).
		Set("status = ?", string(status)).Set("updated_at = ?", at.UTC()).
		Where("tenant_id = ? AND id = ?", alliance, id).Exec(ctx)
	return affectedOne(res, err)
}

// AddApplicationScore adds a screener's score to an application's mean.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) AddApplicationScore(ctx context.Context, alliance, id domain.ID, score int) error {
	res, err := t.tx.NewUpdate().Model((*applicationRow)(nil)).
		Set("score_sum = score_sum + ?", score).Set("score_count = score_count + 1").
		Where("tenant_id = ? AND id = ?", alliance, id).Exec(ctx)
	return affectedOne(res, err)
}
