package web

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// sessionLogBody is what the mentor sends after a session. Days are read
// as text, so that a bad one is named as a field.
type sessionLogBody struct {
	HeldOn          string            `json:"held_on"`
	DurationMinutes int               `json:"duration_minutes"`
	Obstacles       []domain.Obstacle `json:"obstacles"`
	Actions         []actionBody      `json:"actions"`
	SharedNotes     string            `json:"shared_notes"`
	PrivateNotes    string            `json:"private_notes"`
}

// actionBody is an action of a log: its text alone ("Tenir un cahier de
// caisse", owned by the entrepreneur, with no due date), or
// {text,owner,due_on}.
type actionBody struct {
	Text  string             `json:"text"`
	Owner domain.ActionOwner `json:"owner"`
	DueOn string             `json:"due_on"`
}

// UnmarshalJSON reads an action written as a string or as an object; an
// object may not name a field an action does not have.
func (a *actionBody) UnmarshalJSON(raw []byte) error {
	if err := json.Unmarshal(raw, &a.Text); err == nil {
		return nil
	}
	type object actionBody
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode((*object)(a))
}

// log reads the body's days, naming each that is not one; the rest is the
// service's to check.
func (b sessionLogBody) log() (domain.SessionLog, error) {
	var p domain.Problems
	out := domain.SessionLog{HeldOn: parseDate(&p, "held_on", b.HeldOn), DurationMinutes: b.DurationMinutes,
		Obstacles: b.Obstacles, SharedNotes: b.SharedNotes, PrivateNotes: b.PrivateNotes}
	for i, a := range b.Actions {
		in := domain.ActionInput{Text: a.Text, Owner: a.Owner}
		if due := parseDate(&p, "actions["+strconv.Itoa(i)+"].due_on", a.DueOn); !due.IsZero() {
			in.DueOn = &due
		}
		out.Actions = append(out.Actions, in)
	}
	return out, p.Err()
}

// sessionLog answers POST
// /api/v1/alliances/{slug}/mentorships/{id}/sessions/{number}/log
// {held_on,duration_minutes,obstacles,actions,shared_notes,private_notes}
// (mentorships:read; the mentor alone) → 200 with the session, held: what
// was discussed, the actions agreed (each a string, or
// {text,owner,due_on}), notes both sides read, and private notes that no
// one but the mentor ever reads. Logging again corrects the log.
func (s *Server) sessionLog(c *gin.Context) {
	id, number, err := s.sessionFor(c, "error.session.log_mentor", service.SideMentor)
	var in sessionLogBody
	if err == nil {
		err = decodeJSON(c, &in)
	}
	var log domain.SessionLog
	if err == nil {
		log, err = in.log()
	}
	if err == nil {
		_, err = s.journey.Log(c.Request.Context(), callerOf(c), id, number, log)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.sessionAfter(c, id, number)
}

// sessionMark answers POST
// /api/v1/alliances/{slug}/mentorships/{id}/sessions/{number}/mark
// {status:"missed"|"cancelled",reason} (mentorships:read; the mentor, or
// those who manage mentorships) → 200 with the session.
func (s *Server) sessionMark(c *gin.Context) {
	id, number, err := s.sessionFor(c, "error.session.mark_mentor", service.SideMentor, service.SideStaff)
	var in struct {
		Status domain.SessionStatus `json:"status"`
		Reason string               `json:"reason"`
	}
	if err == nil {
		err = decodeJSON(c, &in)
	}
	if err == nil {
		_, err = s.journey.Mark(c.Request.Context(), callerOf(c), id, number, in.Status, in.Reason,
			s.callerMay(c, authz.ObjMentorships, authz.ActManage))
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.sessionAfter(c, id, number)
}
