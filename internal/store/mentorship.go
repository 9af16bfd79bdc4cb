package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type mentorshipRow struct {
	bun.BaseModel `bun:"table:mentorships,alias:ms"`

	TenantID       domain.ID  `bun:"tenant_id,pk,type:uuid"`
	ID             domain.ID  `bun:"id,pk,type:uuid"`
	ApplicationID  domain.ID  `bun:"application_id,type:uuid"`
	CohortID       domain.ID  `bun:"cohort_id,type:uuid"`
	MentorID       domain.ID  `bun:"mentor_id,type:uuid"`
	EntrepreneurID *domain.ID `bun:"entrepreneur_id,type:uuid"`
	Status         string     `bun:"status"`
	StartsOn       time.Time  `bun:"starts_on,type:date"`
	EndsOn         time.Time  `bun:"ends_on,type:date"`
	OverrideReason string     `bun:"override_reason"`
	CreatedBy      *domain.ID `bun:"created_by,type:uuid"`
	CreatedAt      time.Time  `bun:"created_at"`
	UpdatedAt      time.Time  `bun:"updated_at"`
	EndReason      string     `bun:"end_reason"`
	EndedBy        *domain.ID `bun:"ended_by,type:uuid"`
	EndedAt        *time.Time `bun:"ended_at"`
	CompletedAt    *time.Time `bun:"completed_at"`

	MentorName       string `bun:"mentor_name,scanonly"`
	EntrepreneurName string `bun:"entrepreneur_name,scanonly"`
	BusinessName     string `bun:"business_name,scanonly"`
}

func mentorshipRowOf(alliance domain.ID, m *domain.Mentorship) *mentorshipRow {
	r := &mentorshipRow{TenantID: alliance, ID: m.ID, ApplicationID: m.ApplicationID, CohortID: m.CohortID,
		MentorID: m.MentorID, Status: string(m.Status), StartsOn: m.StartsOn, EndsOn: m.EndsOn,
		OverrideReason: m.OverrideReason, CreatedAt: m.CreatedAt.UTC(), UpdatedAt: m.UpdatedAt.UTC()}
	if m.EntrepreneurID != (domain.ID{}) {
		id := m.EntrepreneurID
		r.EntrepreneurID = &id
	}
	if m.CreatedBy != (domain.ID{}) {
		id := m.CreatedBy
		r.CreatedBy = &id
	}
	return r
}

func (r *mentorshipRow) domain() *domain.Mentorship {
	m := &domain.Mentorship{AllianceID: r.TenantID, ID: r.ID, ApplicationID: r.ApplicationID, CohortID: r.CohortID,
		MentorID: r.MentorID, Status: domain.MentorshipStatus(r.Status), StartsOn: domain.Day(r.StartsOn), EndsOn: domain.Day(r.EndsOn),
		OverrideReason: r.OverrideReason, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		MentorName: r.MentorName, EntrepreneurName: r.EntrepreneurName, BusinessName: r.BusinessName,
		EndReason: r.EndReason, EndedBy: r.EndedBy, EndedAt: utcOrNil(r.EndedAt), CompletedAt: utcOrNil(r.CompletedAt)}
	if r.EntrepreneurID != nil {
		m.EntrepreneurID = *r.EntrepreneurID
	}
	if r.CreatedBy != nil {
		m.CreatedBy = *r.CreatedBy
	}
	return m
}

type sessionRow struct {
	bun.BaseModel `bun:"table:mentorship_sessions,alias:se"`

	TenantID        domain.ID         `bun:"tenant_id,pk,type:uuid"`
	MentorshipID    domain.ID         `bun:"mentorship_id,pk,type:uuid"`
	Number          int               `bun:"number,pk"`
	PlannedOn       time.Time         `bun:"planned_on,type:date"`
	Status          string            `bun:"status"`
	ScheduledAt     *time.Time        `bun:"scheduled_at"`
	Place           string            `bun:"place"`
	ProposedAt      *time.Time        `bun:"proposed_at"`
	ProposedBy      *domain.ID        `bun:"proposed_by,type:uuid"`
	Agenda          []domain.Obstacle `bun:"agenda"`
	HeldOn          *time.Time        `bun:"held_on,type:date"`
	DurationMinutes int               `bun:"duration_minutes"`
	Obstacles       []domain.Obstacle `bun:"obstacles"`
	SharedNotes     string            `bun:"shared_notes"`
	LoggedAt        *time.Time        `bun:"logged_at"`
	Reason          string            `bun:"reason"`
	Rating          *int              `bun:"rating"`
	RatingComment   string            `bun:"rating_comment"`
	RatedAt         *time.Time        `bun:"rated_at"`
}

func sessionRowOf(alliance, mentorship domain.ID, s domain.MentorshipSession) sessionRow {
	return sessionRow{TenantID: alliance, MentorshipID: mentorship, Number: s.Number, PlannedOn: s.PlannedOn,
		Status: string(s.Status), ScheduledAt: s.ScheduledAt, Place: s.Place, ProposedAt: s.ProposedAt, ProposedBy: s.ProposedBy,
		Agenda: obstaclesOrEmpty(s.Agenda), HeldOn: s.HeldOn, DurationMinutes: s.DurationMinutes,
		Obstacles: obstaclesOrEmpty(s.Obstacles), SharedNotes: s.SharedNotes, LoggedAt: s.LoggedAt, Reason: s.Reason,
		Rating: s.Rating, RatingComment: s.RatingComment}
}

// obstaclesOrEmpty gives an empty list for nil, as the JSON column holds it.
func obstaclesOrEmpty(o []domain.Obstacle) []domain.Obstacle {
	if o == nil {
		return []domain.Obstacle{}
	}
	return o
}

func (r *sessionRow) domain() domain.MentorshipSession {
	s := domain.MentorshipSession{Number: r.Number, PlannedOn: domain.Day(r.PlannedOn), Status: domain.SessionStatus(r.Status),
		ScheduledAt: utcOrNil(r.ScheduledAt), Place: r.Place, ProposedAt: utcOrNil(r.ProposedAt), ProposedBy: r.ProposedBy,
		Agenda: obstaclesOrEmpty(r.Agenda), DurationMinutes: r.DurationMinutes, Obstacles: obstaclesOrEmpty(r.Obstacles),
		SharedNotes: r.SharedNotes, LoggedAt: utcOrNil(r.LoggedAt), Reason: r.Reason, Rating: r.Rating, RatingComment: r.RatingComment}
	if r.HeldOn != nil {
		d := domain.Day(*r.HeldOn)
		s.HeldOn = &d
	}
	return s
}

// InsertMentorships adds mentorships with their planned sessions.
//
// SECURITY: alliance is the tenant the mentorships belong to.
func (t *Tx) InsertMentorships(ctx context.Context, alliance domain.ID, ms []*domain.Mentorship) error {
	if len(ms) == 0 {
		return nil
	}
	rows := make([]mentorshipRow, len(ms))
	var sessions []sessionRow
	for i, m := range ms {
		rows[i] = *mentorshipRowOf(alliance, m)
		for _, s := range m.Sessions {
			sessions = append(sessions, sessionRowOf(alliance, m.ID, s))
		}
	}
	if _, err := t.tx.NewInsert().Model(&rows).Exec(ctx); err != nil {
		return classify(err)
	}
	for start := 0; start < len(sessions); start += 5000 {
		batch := sessions[start:min(start+5000, len(sessions))]
		if _, err := t.tx.NewInsert().Model(&batch).Exec(ctx); err != nil {
			return classify(err)
		}
	}
	return nil
}

// mentorshipQuery selects mentorships with the names of both people and
// the business.
func (t *Tx) mentorshipQuery(rows *[]mentorshipRow, alliance domain.ID) *bun.SelectQuery {
	return t.tx.NewSelect().Model(rows).
		ColumnExpr("ms.*, mu.name AS mentor_name, ap.name AS entrepreneur_name, ap.business_name").
		Join("JOIN users AS mu ON mu.id = ms.mentor_id").
		Join("JOIN applications AS ap ON ap.tenant_id = ms.tenant_id AND ap.id = ms.application_id").
		Where("ms.tenant_id = ?", alliance)
}

// Mentorship finds one mentorship with its sessions.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) Mentorship(ctx context.Context, alliance, id domain.ID) (*domain.Mentorship, error) {
	var rows []mentorshipRow
	if err := t.mentorshipQuery(&rows, alliance).Where("ms.id = ?", id).Scan(ctx); err != nil {
		return nil, classify(err)
	}
	if len(rows) == 0 {
		return nil, domain.NotFound()
	}
	m := rows[0].domain()
	var sessions []sessionRow
	err := t.tx.NewSelect().Model(&sessions).Where("tenant_id = ? AND mentorship_id = ?", alliance, id).Order("number").Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	for i := range sessions {
		m.Sessions = append(m.Sessions, sessions[i].domain())
	}
	return m, nil
}

// MentorshipFilter narrows a list of mentorships.
type MentorshipFilter struct {
	CohortID       *domain.ID
	MentorID       *domain.ID
	EntrepreneurID *domain.ID
	ApplicationID  *domain.ID
	Status         []domain.MentorshipStatus
	Limit          int
}

// Mentorships lists the mentorships that match f, newest first, without
// their sessions.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) Mentorships(ctx context.Context, alliance domain.ID, f MentorshipFilter) ([]*domain.Mentorship, error) {
	var rows []mentorshipRow
	q := t.mentorshipQuery(&rows, alliance).Order("ms.created_at DESC", "ms.id")
	if f.CohortID != nil {
		q = q.Where("ms.cohort_id = ?", *f.CohortID)
	}
	if f.MentorID != nil {
		q = q.Where("ms.mentor_id = ?", *f.MentorID)
	}
	if f.EntrepreneurID != nil {
		q = q.Where("ms.entrepreneur_id = ?", *f.EntrepreneurID)
	}
	if f.ApplicationID != nil {
		q = q.Where("ms.application_id = ?", *f.ApplicationID)
	}
	if len(f.Status) > 0 {
		q = q.Where("ms.status IN (?)", bun.In(f.Status))
	}
	if f.Limit > 0 {
		q = q.Limit(int64(f.Limit))
	}
	if err := q.Scan(ctx); err != nil {
		return nil, classify(err)
	}
	out := make([]*domain.Mentorship, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, nil
}

// CountActiveMentorships counts the alliance's active mentorships.
//
// SECURITY: alliance scopes the count to one alliance.
func (t *Tx) CountActiveMentorships(ctx context.Context, alliance domain.ID) (int, error) {
	n, err := t.tx.NewSelect().Table("mentorships").
		Where("tenant_id = ? AND status = ?", alliance, string(domain.MentorshipActive)).Count(ctx)
	return int(n), classify(err)
}
