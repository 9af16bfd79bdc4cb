package web

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// peerSessionView is a peer session in the API: its invitees by name,
// never by e-mail address.
type peerSessionView struct {
	ID              domain.ID                `json:"id"`
	HeldOn          time.Time                `json:"held_on"`
	DurationMinutes int                      `json:"duration_minutes"`
	Place           string                   `json:"place"`
	Link            string                   `json:"link"`
	Topic           string                   `json:"topic"`
	Notes           string                   `json:"notes"`
	CaseResourceID  *domain.ID               `json:"case_resource_id"`
	CaseTitle       *string                  `json:"case_title"`
	Status          domain.PeerSessionStatus `json:"status"`
	Quarter         string                   `json:"quarter"`
	Attendees       []peerAttendeeView       `json:"attendees"`
}

// peerAttendeeView is an invited mentor, their answer, and whether they
// came (null until attendance is recorded).
type peerAttendeeView struct {
	UserID   domain.ID           `json:"user_id"`
	Name     string              `json:"name"`
	Response domain.PeerResponse `json:"response"`
	Attended *bool               `json:"attended"`
}

// peerViewer shows sessions as the API does, to one caller: it finds the
// titles of the cases they discuss once each, as the caller may read them
// (a case they may not read, or that is gone, has no title).
type peerViewer struct {
	library *service.Library
	caller  service.Caller
	titles  map[domain.ID]string
}

func (s *Server) peerViewer(c *gin.Context) *peerViewer {
	return &peerViewer{library: s.library, caller: callerOf(c), titles: map[domain.ID]string{}}
}

// caseTitle is the title of the case id, or "" when there is none to show.
func (t *peerViewer) caseTitle(ctx context.Context, id domain.ID) (string, error) {
	if title, ok := t.titles[id]; ok {
		return title, nil
	}
	r, _, err := t.library.Resource(ctx, t.caller, id)
	switch {
	case domain.ErrorCode(err) == domain.CodeNotFound:
		t.titles[id] = ""
	case err != nil:
		return "", err
	default:
		t.titles[id] = r.Title
	}
	return t.titles[id], nil
}

// view gives a session as the API shows it.
func (t *peerViewer) view(ctx context.Context, ps *domain.PeerSession) (peerSessionView, error) {
	out := peerSessionView{ID: ps.ID, HeldOn: ps.StartsAt, DurationMinutes: ps.DurationMinutes, Place: ps.Place,
		Link: ps.Link, Topic: ps.Topic, Notes: ps.Notes, CaseResourceID: ps.CaseResourceID,
		Status: ps.Status, Quarter: ps.Quarter(), Attendees: make([]peerAttendeeView, 0, len(ps.Attendees))}
	if ps.CaseResourceID != nil {
		title, err := t.caseTitle(ctx, *ps.CaseResourceID)
		if err != nil {
			return peerSessionView{}, err
		}
		if title != "" {
			out.CaseTitle = &title
		}
	}
	for _, a := range ps.Attendees {
		out.Attendees = append(out.Attendees, peerAttendeeView{UserID: a.UserID, Name: a.Name, Response: a.Response, Attended: a.Attended})
	}
	return out, nil
}

// views gives sessions as the API shows them.
func (t *peerViewer) views(ctx context.Context, sessions []*domain.PeerSession) ([]peerSessionView, error) {
	out := make([]peerSessionView, 0, len(sessions))
	for _, ps := range sessions {
		v, err := t.view(ctx, ps)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// peerSessionBody is what a coordinator sends to plan a session. Dates and
// ids are read as text, so that a bad one is named as a field.
type peerSessionBody struct {
	HeldOn          string   `json:"held_on"`
	DurationMinutes int      `json:"duration_minutes"`
	Place           string   `json:"place"`
	Link            string   `json:"link"`
	Topic           string   `json:"topic"`
	Notes           string   `json:"notes"`
	CaseResourceID  *string  `json:"case_resource_id"`
	AttendeeIDs     []string `json:"attendee_ids"`
}

// input reads the body's date and ids, naming each that cannot be read;
// the rest is the service's to check.
func (b peerSessionBody) input() (domain.PeerSessionInput, error) {
	in := domain.PeerSessionInput{DurationMinutes: b.DurationMinutes, Place: b.Place, Link: b.Link, Topic: b.Topic, Notes: b.Notes}
	var p domain.Problems
	if strings.TrimSpace(b.HeldOn) != "" {
		t, ok := parseDateTime(b.HeldOn)
		if !ok {
			p.Add("held_on", "validation.datetime", nil)
		}
		in.StartsAt = t
	}
	if b.CaseResourceID != nil && *b.CaseResourceID != "" {
		id, err := domain.ParseID(*b.CaseResourceID)
		if err != nil {
			p.Add("case_resource_id", "validation.id", nil)
		}
		in.CaseResourceID = &id
	}
	in.AttendeeIDs = parseIDs(&p, "attendee_ids", b.AttendeeIDs)
	return in, p.Err()
}

// parseIDs reads ids, adding one field error when any is not a UUID.
func parseIDs(p *domain.Problems, field string, raw []string) []domain.ID {
	out := make([]domain.ID, 0, len(raw))
	for _, v := range raw {
		id, err := domain.ParseID(v)
		if err != nil {
			p.Add(field, "validation.id", nil)
			return nil
		}
		out = append(out, id)
	}
	return out
}

// dateTimeLayouts are the forms of a date-time the API reads: RFC 3339,
// and without an offset (then UTC), as a browser's date-time field sends.
var dateTimeLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04"}

// parseDateTime reads a date-time in one of dateTimeLayouts, as UTC.
func parseDateTime(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	for _, layout := range dateTimeLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// yearParam reads ?year=, the current year (UTC) by default. Anything but
// a number reads as 0, which the service refuses as out of its range.
func yearParam(c *gin.Context) int {
	v := c.Query("year")
	if v == "" {
		return time.Now().UTC().Year()
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0
	}
	return n
}

// peerAttendanceView is one mentor's attendance over a year.
type peerAttendanceView struct {
	UserID        domain.ID `json:"user_id"`
	Name          string    `json:"name"`
	Invited       int       `json:"invited"`
	Attended      int       `json:"attended"`
	MissedLastTwo bool      `json:"missed_last_two"`
}

func peerAttendanceOf(rows []domain.PeerAttendance) []peerAttendanceView {
	out := make([]peerAttendanceView, 0, len(rows))
	for _, r := range rows {
		out = append(out, peerAttendanceView{UserID: r.UserID, Name: r.Name, Invited: r.Invited, Attended: r.Attended, MissedLastTwo: r.MissedLastTwo})
	}
	return out
}
