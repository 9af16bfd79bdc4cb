package store

import (
	"context"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// The bulk inserts below write mentorships some way into their journey,
// for generated data sets, as bulk.go does for the rest: many rows in one
// statement each, cut into batches by the caller, taken as given.

// InsertMentorshipJourneys adds mentorships as they stand on some day,
// active, completed or ended early, with their sessions as planned,
// scheduled, logged or rated by then. ratedAt is in step with ms and with
// each mentorship's sessions: when the entrepreneur rated each session,
// nil for one not rated. Unlike InsertMentorships, it writes how and when
// a mentorship ended and when each rating was given.
//
// SECURITY: alliance is the tenant the mentorships belong to.
func (t *Tx) InsertMentorshipJourneys(ctx context.Context, alliance domain.ID, ms []*domain.Mentorship, ratedAt [][]*time.Time) error {
	if len(ms) == 0 {
		return nil
	}
	rows := make([]mentorshipRow, len(ms))
	var sessions []sessionRow
	for i, m := range ms {
		rows[i] = *mentorshipRowOf(alliance, m)
		rows[i].EndReason, rows[i].EndedBy = m.EndReason, m.EndedBy
		rows[i].EndedAt, rows[i].CompletedAt = utcOrNil(m.EndedAt), utcOrNil(m.CompletedAt)
		for j, s := range m.Sessions {
			row := sessionRowOf(alliance, m.ID, s)
			row.RatedAt = utcOrNil(ratedAt[i][j])
			sessions = append(sessions, row)
		}
	}
	if _, err := t.tx.NewInsert().Model(&rows).Exec(ctx); err != nil {
		return classify(err)
	}
	_, err := t.tx.NewInsert().Model(&sessions).Exec(ctx)
	return classify(err)
}

// MentorshipAction is an action agreed in a session of a mentorship, and
// who ticked it done, for bulk writing.
type MentorshipAction struct {
	MentorshipID domain.ID
	domain.Action
	DoneBy *domain.ID // nil while the action is open
}

// InsertActions adds actions agreed in sessions that exist, open or done.
//
// SECURITY: alliance is the tenant the actions belong to.
func (t *Tx) InsertActions(ctx context.Context, alliance domain.ID, actions []MentorshipAction) error {
	if len(actions) == 0 {
		return nil
	}
	rows := make([]actionRow, len(actions))
	for i, a := range actions {
		rows[i] = actionRow{TenantID: alliance, ID: a.ID, MentorshipID: a.MentorshipID, SessionNumber: a.Session,
			Text: a.Text, Owner: string(a.Owner), DueOn: a.DueOn, DoneAt: utcOrNil(a.DoneAt), DoneBy: a.DoneBy,
			CreatedAt: a.CreatedAt.UTC()}
	}
	_, err := t.tx.NewInsert().Model(&rows).Exec(ctx)
	return classify(err)
}

// PrivateNote is a mentor's private notes on one session, for bulk
// writing.
type PrivateNote struct {
	MentorshipID domain.ID
	Number       int
	AuthorID     domain.ID // the session's mentor
	Body         string
	UpdatedAt    time.Time
}

// InsertPrivateNotes adds mentors' private notes on sessions that have
// none yet.
//
// SECURITY: alliance is the tenant the notes belong to; each author must
// be the mentor of the session, the only one who reads them back.
func (t *Tx) InsertPrivateNotes(ctx context.Context, alliance domain.ID, notes []PrivateNote) error {
	if len(notes) == 0 {
		return nil
	}
	rows := make([]privateNoteRow, len(notes))
	for i, n := range notes {
		rows[i] = privateNoteRow{TenantID: alliance, MentorshipID: n.MentorshipID, Number: n.Number, AuthorID: n.AuthorID,
			Body: n.Body, UpdatedAt: n.UpdatedAt.UTC()}
	}
	_, err := t.tx.NewInsert().Model(&rows).Exec(ctx)
	return classify(err)
}

// InsertEndSurveys adds end-of-mentorship surveys; a second answer of the
// same person to the same mentorship is a conflict.
//
// SECURITY: alliance is the tenant the surveys belong to.
func (t *Tx) InsertEndSurveys(ctx context.Context, alliance domain.ID, surveys []domain.EndSurvey) error {
	if len(surveys) == 0 {
		return nil
	}
	rows := make([]endSurveyRow, len(surveys))
	for i, s := range surveys {
		rows[i] = endSurveyRow{TenantID: alliance, MentorshipID: s.MentorshipID, RespondentID: s.RespondentID, Side: s.Side,
			WouldRecommend: s.WouldRecommend, WhatChanged: s.WhatChanged, RevenueBand: s.RevenueBand, Employees: s.Employees,
			SubmittedAt: s.SubmittedAt.UTC()}
	}
	_, err := t.tx.NewInsert().Model(&rows).Exec(ctx)
	return classify(err)
}

// InsertPeerSessions adds peer sessions as they stand, planned, held or
// cancelled, with their invitees' answers and, once recorded, their
// attendance.
//
// SECURITY: alliance is the tenant the sessions belong to.
func (t *Tx) InsertPeerSessions(ctx context.Context, alliance domain.ID, sessions []*domain.PeerSession) error {
	if len(sessions) == 0 {
		return nil
	}
	rows := make([]peerSessionRow, len(sessions))
	var attendees []peerAttendeeRow
	for i, s := range sessions {
		rows[i] = peerSessionRow{TenantID: alliance, ID: s.ID, StartsAt: s.StartsAt.UTC(), DurationMinutes: s.DurationMinutes,
			Place: s.Place, Link: s.Link, Topic: s.Topic, Notes: s.Notes, CaseResourceID: s.CaseResourceID,
			Status: string(s.Status), CreatedAt: s.CreatedAt.UTC(), UpdatedAt: s.UpdatedAt.UTC()}
		if s.CreatedBy != (domain.ID{}) {
			by := s.CreatedBy
			rows[i].CreatedBy = &by
		}
		for _, a := range s.Attendees {
			attendees = append(attendees, peerAttendeeRow{TenantID: alliance, SessionID: s.ID, UserID: a.UserID,
				Response: string(a.Response), RespondedAt: utcOrNil(a.RespondedAt), Attended: a.Attended})
		}
	}
	if _, err := t.tx.NewInsert().Model(&rows).Exec(ctx); err != nil {
		return classify(err)
	}
	if len(attendees) == 0 {
		return nil
	}
	_, err := t.tx.NewInsert().Model(&attendees).Exec(ctx)
	return classify(err)
}
