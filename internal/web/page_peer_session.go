package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
)

// attendanceChoice is a mentor of the attendance form: an invitee, or an
// active mentor who came without an invitation.
type attendanceChoice struct {
	UserID  domain.ID
	Name    string
	Invited bool
}

// inviteeRow is an invitee of the session's page: their answer and, once
// the attendance is recorded, whether they came.
type inviteeRow struct {
	domain.PeerAttendee
	Recorded, Came bool
}

// inviteeRows gives the invitees of a session as its page lists them.
func inviteeRows(ps *domain.PeerSession) []inviteeRow {
	out := make([]inviteeRow, len(ps.Attendees))
	for i, a := range ps.Attendees {
		out[i] = inviteeRow{PeerAttendee: a, Recorded: a.Attended != nil, Came: a.Attended != nil && *a.Attended}
	}
	return out
}

// peerSessionPage (GET /a/:slug/peer-sessions/:id) shows a session: when,
// where, the topic, the notes, the case discussed, and who is invited with
// their answers. An invitee may confirm or decline until it starts; those
// who plan sessions may cancel a planned one and, once it has started,
// record who came.
func (s *Server) peerSessionPage(c *gin.Context) {
	ps, ok := s.pagePeerSession(c)
	if !ok {
		return
	}
	attendance := newForm(nil)
	for _, a := range ps.Attendees {
		if (a.Attended != nil && *a.Attended) || (a.Attended == nil && a.Response == domain.PeerConfirmed) {
			attendance.Values.Add("attended_ids", a.UserID.String())
		}
	}
	s.renderPeerSession(c, http.StatusOK, ps, attendance, newForm(nil))
}

// pagePeerSession loads the session of the path; an id that is not one of
// the alliance's sessions gets the error page, and ok is false.
func (s *Server) pagePeerSession(c *gin.Context) (*domain.PeerSession, bool) {
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		s.failPage(c, domain.NotFound())
		return nil, false
	}
	ps, err := s.peers.Get(c.Request.Context(), callerOf(c), id)
	if err != nil {
		s.failPage(c, err)
		return nil, false
	}
	return ps, true
}

// renderPeerSession shows a session with the attendance form and the
// cancel form, each with its problem when it was refused.
func (s *Server) renderPeerSession(c *gin.Context, status int, ps *domain.PeerSession, attendance, cancel *form) {
	ctx, caller := c.Request.Context(), callerOf(c)
	now := time.Now().UTC()
	manage := s.can(c, authz.ObjPeer, authz.ActManage)
	mine := ps.Attendee(caller.UserID)
	data := gin.H{
		"Session": ps, "Invitees": inviteeRows(ps), "Mine": mine, "CanManage": manage, "Attendance": attendance, "Cancel": cancel,
		"MayRespond": mine != nil && ps.Status == domain.PeerPlanned && ps.StartsAt.After(now),
		"MayCancel":  manage && ps.Status == domain.PeerPlanned,
		"Planned":    c.Query("planned") == "1", "Answered": c.Query("answered") == "1",
		"Recorded": c.Query("recorded") == "1",
	}
	if ps.CaseResourceID != nil {
		r, _, err := s.library.Resource(ctx, caller, *ps.CaseResourceID)
		switch {
		case err == nil:
			data["Case"] = r
		case domain.ErrorCode(err) != domain.CodeNotFound:
			s.failPage(c, err)
			return
		}
	}
	if manage && ps.Status != domain.PeerCancelled && !ps.StartsAt.After(now) {
		choices, err := s.attendanceChoices(c, ps)
		if err != nil {
			s.failPage(c, err)
			return
		}
		data["Choices"] = choices
	}
	s.renderTitled(c, status, "peer_session", ps.Topic, data)
}

// attendanceChoices are the session's invitees, then the active mentors
// who were not invited.
func (s *Server) attendanceChoices(c *gin.Context, ps *domain.PeerSession) ([]attendanceChoice, error) {
	var out []attendanceChoice
	for _, a := range ps.Attendees {
		out = append(out, attendanceChoice{UserID: a.UserID, Name: a.Name, Invited: true})
	}
	mentors, err := s.activeMentors(c)
	if err != nil {
		return nil, err
	}
	for _, m := range mentors {
		if ps.Attendee(m.UserID) == nil {
			out = append(out, attendanceChoice{UserID: m.UserID, Name: m.Name})
		}
	}
	return out, nil
}
