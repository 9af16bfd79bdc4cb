package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mentorat/mentorat/internal/domain"
)

// Session finds one session of a mentorship; lock takes a row lock on
// PostgreSQL.
//
// SECURITY: alliance scopes the lookup to one alliance.
func (t *Tx) Session(ctx context.Context, alliance, mentorship domain.ID, number int, lock bool) (*domain.MentorshipSession, error) {
	var r sessionRow
	q := t.tx.NewSelect().Model(&r).Where("tenant_id = ? AND mentorship_id = ? AND number = ?", alliance, mentorship, number)
	if lock && t.postgres {
		q = q.For("UPDATE")
	}
	if err := q.Scan(ctx); err != nil {
		return nil, classify(err)
	}
	s := r.domain()
	return &s, nil
}

// UpdateSession saves what a session holds: dates, place, agenda, log,
// status and reason, rating. The mentor's private notes are kept apart
// (see SavePrivateNote).
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) UpdateSession(ctx context.Context, alliance, mentorship domain.ID, s *domain.MentorshipSession, at time.Time) error {
	row := sessionRowOf(alliance, mentorship, *s)
	if s.Rating != nil {
		row.RatedAt = &at
	}
	res, err := t.tx.NewUpdate().Model(&row).
		Column("status", "scheduled_at", "place", "proposed_at", "proposed_by", "agenda", "held_on", "duration_minutes",
			"obstacles", "shared_notes", "logged_at", "reason", "rating", "rating_comment", "rated_at").
		WherePK().Exec(ctx)
	return affectedOne(res, err)
}

// CancelOpenSessions cancels, with a reason, every session of a
// mentorship not held, missed or cancelled already.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) CancelOpenSessions(ctx context.Context, alliance, mentorship domain.ID, reason string) (int, error) {
	res, err := t.tx.NewUpdate().Model((*sessionRow)(nil)).
		Set("status = ?", string(domain.SessionCancelled)).Set("reason = ?", reason).Set("proposed_at = NULL").Set("proposed_by = NULL").
		Where("tenant_id = ? AND mentorship_id = ? AND status IN (?)", alliance, mentorship,
			bun.In([]domain.SessionStatus{domain.SessionPlanned, domain.SessionScheduled})).Exec(ctx)
	if err != nil {
		return 0, classify(err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

type privateNoteRow struct {
	bun.BaseModel `bun:"table:session_private_notes,alias:pn"`

	TenantID     domain.ID `bun:"tenant_id,pk,type:uuid"`
	MentorshipID domain.ID `bun:"mentorship_id,pk,type:uuid"`
	Number       int       `bun:"number,pk"`
	AuthorID     domain.ID `bun:"author_id,type:uuid"`
	Body         string    `bun:"body"`
	UpdatedAt    time.Time `bun:"updated_at"`
}

// SavePrivateNote sets the mentor's private notes of a session; empty
// notes are removed.
//
// SECURITY: alliance scopes the change to one alliance; only the
// session's mentor may call for it, and only the mentor reads it back.
func (t *Tx) SavePrivateNote(ctx context.Context, alliance, mentorship domain.ID, number int, author domain.ID, body string, at time.Time) error {
	if body == "" {
		_, err := t.tx.NewDelete().Model((*privateNoteRow)(nil)).
			Where("tenant_id = ? AND mentorship_id = ? AND number = ?", alliance, mentorship, number).Exec(ctx)
		return classify(err)
	}
	_, err := t.tx.NewInsert().Model(&privateNoteRow{TenantID: alliance, MentorshipID: mentorship, Number: number,
		AuthorID: author, Body: body, UpdatedAt: at.UTC()}).
		On("CONFLICT (tenant_id, mentorship_id, number) DO UPDATE").
		Set("body = EXCLUDED.body, author_id = EXCLUDED.author_id, updated_at = EXCLUDED.updated_at").Exec(ctx)
	return classify(err)
}

// PrivateNote gives the private notes of a session written by author, or
// "" when there are none.
//
// SECURITY: alliance scopes the lookup to one alliance; the author must be
// the caller.
func (t *Tx) PrivateNote(ctx context.Context, alliance, mentorship domain.ID, number int, author domain.ID) (string, error) {
	var r privateNoteRow
	err := t.tx.NewSelect().Model(&r).
		Where("tenant_id = ? AND mentorship_id = ? AND number = ? AND author_id = ?", alliance, mentorship, number, author).Scan(ctx)
	if errNoRows(err) {
		return "", nil
	}
	return r.Body, classify(err)
}

type actionRow struct {
	bun.BaseModel `bun:"table:session_actions,alias:sa"`

	TenantID      domain.ID  `bun:"tenant_id,pk,type:uuid"`
	ID            domain.ID  `bun:"id,pk,type:uuid"`
	MentorshipID  domain.ID  `bun:"mentorship_id,type:uuid"`
	SessionNumber int        `bun:"session_number"`
	Text          string     `bun:"text"`
	Owner         string     `bun:"owner"`
	DueOn         *time.Time `bun:"due_on,type:date"`
	DoneAt        *time.Time `bun:"done_at"`
	DoneBy        *domain.ID `bun:"done_by,type:uuid"`
	CreatedAt     time.Time  `bun:"created_at"`
}

// ReplaceActions sets the actions agreed in a session, keeping whether
// the ones of the same text were done.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) ReplaceActions(ctx context.Context, alliance, mentorship domain.ID, number int, actions []domain.ActionInput, at time.Time) error {
	var old []actionRow
	err := t.tx.NewSelect().Model(&old).
		Where("tenant_id = ? AND mentorship_id = ? AND session_number = ?", alliance, mentorship, number).Scan(ctx)
	if err != nil {
		return classify(err)
	}
	done := map[string]actionRow{}
	for _, a := range old {
		done[a.Text] = a
	}
	_, err = t.tx.NewDelete().Model((*actionRow)(nil)).
		Where("tenant_id = ? AND mentorship_id = ? AND session_number = ?", alliance, mentorship, number).Exec(ctx)
	if err != nil || len(actions) == 0 {
		return classify(err)
	}
	rows := make([]actionRow, len(actions))
	for i, a := range actions {
		rows[i] = actionRow{TenantID: alliance, ID: domain.NewID(), MentorshipID: mentorship, SessionNumber: number,
			Text: a.Text, Owner: string(a.Owner), DueOn: a.DueOn, CreatedAt: at.UTC()}
		if was, ok := done[a.Text]; ok {
			rows[i].DoneAt, rows[i].DoneBy = was.DoneAt, was.DoneBy
		}
	}
	_, err = t.tx.NewInsert().Model(&rows).Exec(ctx)
	return classify(err)
}

// Actions lists a mentorship's actions, by session then as agreed.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) Actions(ctx context.Context, alliance, mentorship domain.ID) ([]domain.Action, error) {
	var rows []actionRow
	err := t.tx.NewSelect().Model(&rows).Where("tenant_id = ? AND mentorship_id = ?", alliance, mentorship).
		Order("session_number", "created_at", "id").Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	out := make([]domain.Action, len(rows))
	for i, r := range rows {
		out[i] = domain.Action{ID: r.ID, Session: r.SessionNumber, Text: r.Text, Owner: domain.ActionOwner(r.Owner),
			DoneAt: utcOrNil(r.DoneAt), CreatedAt: r.CreatedAt.UTC()}
		if r.DueOn != nil {
			d := domain.Day(*r.DueOn)
			out[i].DueOn = &d
		}
	}
	return out, nil
}

// SetActionDone ticks an action done, or open again.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) SetActionDone(ctx context.Context, alliance, mentorship, action domain.ID, done bool, by domain.ID, at time.Time) error {
	q := t.tx.NewUpdate().Model((*actionRow)(nil)).
		Where("tenant_id = ? AND mentorship_id = ? AND id = ?", alliance, mentorship, action)
	if done {
		q = q.Set("done_at = ?", at.UTC()).Set("done_by = ?", by)
	} else {
		q = q.Set("done_at = NULL").Set("done_by = NULL")
	}
	res, err := q.Exec(ctx)
	return affectedOne(res, err)
}

// EndMentorship records that a mentorship ended early: who, when, why.
//
// SECURITY: alliance scopes the change to one alliance.
func (t *Tx) EndMentorship(ctx context.Context, alliance, id domain.ID, reason string, by domain.ID, at time.Time) error {
	res, err := t.tx.NewUpdate().Model((*mentorshipRow)(nil)).
		Set("status = ?", string(domain.MentorshipEnded)).Set("end_reason = ?", reason).
		Set("ended_by = ?", by).Set("ended_at = ?", at.UTC()).Set("updated_at = ?", at.UTC()).
		Where("tenant_id = ? AND id = ? AND status = ?", alliance, id, string(domain.MentorshipActive)).Exec(ctx)
	return affectedOne(res, err)
}

// MentorRatings gives how many of a mentor's held sessions were rated,
// and their mean.
//
// SECURITY: alliance scopes the count to one alliance.
func (t *Tx) MentorRatings(ctx context.Context, alliance, mentor domain.ID) (int, float64, error) {
	var out struct {
		N   int      `bun:"n"`
		Avg *float64 `bun:"avg"`
	}
	err := t.tx.NewSelect().TableExpr("mentorship_sessions AS se").
		Join("JOIN mentorships AS ms ON ms.tenant_id = se.tenant_id AND ms.id = se.mentorship_id").
		ColumnExpr("COUNT(se.rating) AS n, AVG(se.rating) AS avg").
		Where("se.tenant_id = ? AND ms.mentor_id = ? AND se.rating IS NOT NULL", alliance, mentor).Scan(ctx, &out)
	if err != nil {
		return 0, 0, classify(err)
	}
	if out.Avg == nil {
		return out.N, 0, nil
	}
	return out.N, *out.Avg, nil
}

// SessionsOf gives the sessions of several mentorships in one query, by
// mentorship and in order.
//
// SECURITY: alliance scopes the list to one alliance.
func (t *Tx) SessionsOf(ctx context.Context, alliance domain.ID, mentorships []domain.ID) (map[domain.ID][]domain.MentorshipSession, error) {
	out := make(map[domain.ID][]domain.MentorshipSession, len(mentorships))
	if len(mentorships) == 0 {
		return out, nil
	}
	var rows []sessionRow
	err := t.tx.NewSelect().Model(&rows).Where("tenant_id = ? AND mentorship_id IN (?)", alliance, bun.In(mentorships)).
		Order("mentorship_id", "number").Scan(ctx)
	if err != nil {
		return nil, classify(err)
	}
	for i := range rows {
		out[rows[i].MentorshipID] = append(out[rows[i].MentorshipID], rows[i].domain())
	}
	return out, nil
}

// OpenActionCounts counts the actions not done yet of several
// mentorships, in one query.
//
// SECURITY: alliance scopes the count to one alliance.
func (t *Tx) OpenActionCounts(ctx context.Context, alliance domain.ID, mentorships []domain.ID) (map[domain.ID]int, error) {
	out := make(map[domain.ID]int, len(mentorships))
	if len(mentorships) == 0 {
		return out, nil
	}
	var rows []struct {
		MentorshipID domain.ID `bun:"mentorship_id,type:uuid"`
		N            int       `bun:"n"`
	}
	err := t.tx.NewSelect().Model((*actionRow)(nil)).ColumnExpr("mentorship_id, COUNT(*) AS n").
		Where("tenant_id = ? AND mentorship_id IN (?) AND done_at IS NULL", alliance, bun.In(mentorships)).
		Group("mentorship_id").Scan(ctx, &rows)
	if err != nil {
		return nil, classify(err)
	}
	for _, r := range rows {
		out[r.MentorshipID] = r.N
	}
	return out, nil
}
