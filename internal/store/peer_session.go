package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

type peerSessionRow struct {
	bun.BaseModel `bun:"table:peer_sessions,alias:ps"`

	TenantID        domain.ID  `bun:"tenant_id,pk,type:uuid"`
	ID              domain.ID  `bun:"id,pk,type:uuid"`
	StartsAt        time.Time  `bun:"starts_at"`
	DurationMinutes int        `bun:"duration_minutes"`
	Place           string     `bun:"place"`
	Link            string     `bun:"link"`
	Topic           string     `bun:"topic"`
	Notes           string     `bun:"notes"`
	CaseResourceID  *domain.ID `bun:"case_resource_id,type:uuid"`
	Status          string     `bun:"status"`
	CreatedBy       *domain.ID `bun:"created_by,type:uuid"`
	CreatedAt       time.Time  `bun:"created_at"`
	UpdatedAt       time.Time  `bun:"updated_at"`
}

func (r *peerSessionRow) domain() *domain.PeerSession {
	s := &domain.PeerSession{AllianceID: r.TenantID, ID: r.ID, StartsAt: r.StartsAt.UTC(), DurationMinutes: r.DurationMinutes,
		Place: r.Place, Link: r.Link, Topic: r.Topic, Notes: r.Notes, CaseResourceID: r.CaseResourceID,
		Status: domain.PeerSessionStatus(r.Status), CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	if r.CreatedBy != nil {
		s.CreatedBy = *r.CreatedBy
	}
	return s
}

type peerAttendeeRow struct {
	bun.BaseModel `bun:"table:peer_session_attendees,alias:pa"`

	TenantID    domain.ID  `bun:"tenant_id,pk,type:uuid"`
	SessionID   domain.ID  `bun:"session_id,pk,type:uuid"`
	UserID      domain.ID  `bun:"user_id,pk,type:uuid"`
	Response    string     `bun:"response"`
	RespondedAt *time.Time `bun:"responded_at"`
	Attended    *bool      `bun:"attended"`
	Name        string     `bun:"name,scanonly"`
	Email       string     `bun:"email,scanonly"`
}

func (r *peerAttendeeRow) domain() domain.PeerAttendee {
	a := domain.PeerAttendee{UserID: r.UserID, Name: r.Name, Email: r.Email, Response: domain.PeerResponse(r.Response), Attended: r.Attended}
	if r.RespondedAt != nil {
		at := r.RespondedAt.UTC()
		a.RespondedAt = &at
	}
	return a
}

// InsertPeerSession plans a session with its invitees.
//
// SECURITY: alliance is the tenant the session belongs to.
func (t *Tx) InsertPeerSession(ctx context.Context, alliance domain.ID, s *domain.PeerSession) error {
	row := &peerSessionRow{TenantID: alliance, ID: s.ID, StartsAt: s.StartsAt.UTC(), DurationMinutes: s.DurationMinutes,
		Place: s.Place, Link: s.Link, Topic: s.Topic, Notes: s.Notes, CaseResourceID: s.CaseResourceID,
		Status: string(s.Status), CreatedAt: s.CreatedAt.UTC(), UpdatedAt: s.UpdatedAt.UTC()}
	if s.CreatedBy != (domain.ID{}) {
		by := s.CreatedBy
		row.CreatedBy = &by
	}
	if _, err := t.tx.NewInsert().Model(row).Exec(ctx); err != nil {
		return classify(err)
	}
	if len(s.Attendees) == 0 {
		return nil
	}
	rows := make([]peerAttendeeRow, len(s.Attendees))
	for i, a := range s.Attendees {
		rows[i] = peerAttendeeRow{TenantID: alliance, SessionID: s.ID, UserID: a.UserID, Response: string(a.Response)}
	}
	_, err := t.tx.NewInsert().Model(&rows).Exec(ctx)
	return classify(err)
}

// PeerSession finds one session with its invitees, by name.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) PeerSession(ctx context.Context, alliance, id domain.ID) (*domain.PeerSession, error) {
	var r peerSessionRow
	if err := t.tx.NewSelect().Model(&r).Where("tenant_id = ? AND id = ?", alliance, id).Scan(ctx); err != nil {
		return nil, classify(err)
	}
	s := r.domain()
	if err := t.withAttendees(ctx, alliance, []*domain.PeerSession{s}); err != nil {
		return nil, err
	}
	return s, nil
}

// PeerSessionFilter narrows a list of peer sessions.
type PeerSessionFilter struct {
	From, To time.Time // starting at From or later, and before To; zero: unbounded
	Status   []domain.PeerSessionStatus
	Newest   bool // newest first, else soonest first
	Limit    int
}

// PeerSessions lists the alliance's sessions that match f, each with its
// invitees.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) PeerSessions(ctx context.Context, alliance domain.ID, f PeerSessionFilter) ([]*domain.PeerSession, error) {
	var rows []peerSessionRow
	q := t.tx.NewSelect().Model(&rows).Where("tenant_id = ?", alliance)
	if !f.From.IsZero() {
		q = q.Where("starts_at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("starts_at < ?", f.To.UTC())
	}
	if len(f.Status) > 0 {
		q = q.Where("status IN (?)", bun.In(f.Status))
	}
	if f.Newest {
		q = q.Order("starts_at DESC", "id")
	} else {
		q = q.Order("starts_at", "id")
	}
	if f.Limit > 0 {
		q = q.Limit(int64(f.Limit))
	}
	if err := q.Scan(ctx); err != nil {
		return nil, classify(err)
	}
	out := make([]*domain.PeerSession, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, t.withAttendees(ctx, alliance, out)
}

// withAttendees fills the sessions' invitees in one query.
func (t *Tx) withAttendees(ctx context.Context, alliance domain.ID, sessions []*domain.PeerSession) error {
	if len(sessions) == 0 {
		return nil
	}
	byID := make(map[domain.ID]*domain.PeerSession, len(sessions))
	ids := make([]domain.ID, len(sessions))
	for i, s := range sessions {
		byID[s.ID], ids[i] = s, s.ID
	}
	var rows []peerAttendeeRow
	err := t.tx.NewSelect().Model(&rows).ColumnExpr("pa.*, u.name, u.email").
		Join("JOIN users AS u ON u.id = pa.user_id").
		Where("pa.tenant_id = ? AND pa.session_id IN (?)", alliance, bun.In(ids)).Order("u.name", "pa.user_id").Scan(ctx)
	if err != nil {
		return classify(err)
	}
	for i := range rows {
		s := byID[rows[i].SessionID]
		s.Attendees = append(s.Attendees, rows[i].domain())
	}
	return nil
}

// SetPeerResponse records an invitee's answer; someone not invited is not
// found.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) SetPeerResponse(ctx context.Context, alliance, session, user domain.ID, r domain.PeerResponse, at time.Time) error {
	res, err := t.tx.NewUpdate().Model((*peerAttendeeRow)(nil)).
		Set("response = ?", string(r)).Set("responded_at = ?", at.UTC()).
		Where("tenant_id = ? AND session_id = ? AND user_id = ?", alliance, session, user).Exec(ctx)
	return affectedOne(res, err)
}

// RecordPeerAttendance marks who came to a session: each of present
// attended (added when they were not invited), every other invitee did
// not; the session is then held.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) RecordPeerAttendance(ctx context.Context, alliance, session domain.ID, present []domain.ID, at time.Time) error {
	_, err := t.tx.NewUpdate().Model((*peerAttendeeRow)(nil)).Set("attended = ?", false).
		Where("tenant_id = ? AND session_id = ?", alliance, session).Exec(ctx)
	if err != nil {
		return classify(err)
	}
	for _, user := range present {
		yes := true
		_, err := t.tx.NewInsert().Model(&peerAttendeeRow{TenantID: alliance, SessionID: session, UserID: user,
			Response: string(domain.PeerInvited), Attended: &yes}).
			On("CONFLICT (tenant_id, session_id, user_id) DO UPDATE").Set("attended = EXCLUDED.attended").Exec(ctx)
		if err != nil {
			return classify(err)
		}
	}
	return t.SetPeerSessionStatus(ctx, alliance, session, domain.PeerHeld, at)
}

// SetPeerSessionStatus moves a session to status.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) SetPeerSessionStatus(ctx context.Context, alliance, session domain.ID, status domain.PeerSessionStatus, at time.Time) error {
	res, err := t.tx.NewUpdate().Model((*peerSessionRow)(nil)).
		Set("status = ?", string(status)).Set("updated_at = ?", at.UTC()).
		Where("tenant_id = ? AND id = ?", alliance, session).Exec(ctx)
	return affectedOne(res, err)
}
