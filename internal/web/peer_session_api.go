package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
)

// peerSessionList answers GET /api/v1/alliances/{slug}/peer-sessions
// ?when=upcoming|past&limit= (peer:read): from today on, soonest first
// (upcoming, the default), or before today, newest first (past).
func (s *Server) peerSessionList(c *gin.Context) {
	limit, err := listLimit(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	upcoming := true
	switch c.Query("when") {
	case "", "upcoming":
	case "past":
		upcoming = false
	default:
		var p domain.Problems
		p.Add("when", "validation.one_of", map[string]any{"values": "upcoming, past"})
		s.fail(c, p.Err())
		return
	}
	sessions, err := s.peers.List(c.Request.Context(), callerOf(c), upcoming, limit)
	var out page[peerSessionView]
	if err == nil {
		out.Items, err = s.peerViewer(c).views(c.Request.Context(), sessions)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, out)
}

// peerSessionPlan answers POST /api/v1/alliances/{slug}/peer-sessions
// (peer:manage) → 201 with the planned session; every invitee is mailed.
func (s *Server) peerSessionPlan(c *gin.Context) {
	var body peerSessionBody
	err := decodeJSON(c, &body)
	var in domain.PeerSessionInput
	if err == nil {
		in, err = body.input()
	}
	var ps *domain.PeerSession
	if err == nil {
		ps, err = s.peers.Plan(c.Request.Context(), callerOf(c), in)
	}
	s.answerPeerSession(c, http.StatusCreated, ps, err)
}

// answerPeerSession answers a session with status, or err.
func (s *Server) answerPeerSession(c *gin.Context, status int, ps *domain.PeerSession, err error) {
	var v peerSessionView
	if err == nil {
		v, err = s.peerViewer(c).view(c.Request.Context(), ps)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(status, v)
}

// peerSessionParam finds the session of the route's {id}; anything but a
// UUID is not found.
func (s *Server) peerSessionParam(c *gin.Context) (*domain.PeerSession, error) {
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		return nil, err
	}
	return s.peers.Get(c.Request.Context(), callerOf(c), id)
}

// peerSessionGet answers GET /api/v1/alliances/{slug}/peer-sessions/{id}
// (peer:read).
func (s *Server) peerSessionGet(c *gin.Context) {
	ps, err := s.peerSessionParam(c)
	s.answerPeerSession(c, http.StatusOK, ps, err)
}

// peerSessionRespond answers POST …/peer-sessions/{id}/response
// {response: confirmed|declined} (peer:read): an invitee's answer, until
// the session starts. Whoever is not invited gets 403.
func (s *Server) peerSessionRespond(c *gin.Context) {
	ps, err := s.peerSessionParam(c)
	var in struct {
		Response domain.PeerResponse `json:"response"`
	}
	if err == nil {
		err = decodeJSON(c, &in)
	}
	if err == nil {
		ps, err = s.peers.Respond(c.Request.Context(), callerOf(c), ps.ID, in.Response)
	}
	s.answerPeerSession(c, http.StatusOK, ps, err)
}

// peerSessionAttendance answers POST …/peer-sessions/{id}/attendance
// {attended_ids} (peer:manage): who came, once the session has started;
// every other invitee did not. Recording again corrects the record.
func (s *Server) peerSessionAttendance(c *gin.Context) {
	ps, err := s.peerSessionParam(c)
	var in struct {
		AttendedIDs *[]string `json:"attended_ids"`
	}
	if err == nil {
		err = decodeJSON(c, &in)
	}
	var present []domain.ID
	if err == nil {
		var p domain.Problems
		if in.AttendedIDs == nil {
			p.Add("attended_ids", "validation.required", nil)
		} else {
			present = parseIDs(&p, "attended_ids", *in.AttendedIDs)
		}
		err = p.Err()
	}
	if err == nil {
		ps, err = s.peers.RecordAttendance(c.Request.Context(), callerOf(c), ps.ID, present)
	}
	s.answerPeerSession(c, http.StatusOK, ps, err)
}

// peerSessionCancel answers POST …/peer-sessions/{id}/cancel
// (peer:manage): a planned session is called off, and its invitees who
// had not declined are told.
func (s *Server) peerSessionCancel(c *gin.Context) {
	ps, err := s.peerSessionParam(c)
	if err == nil {
		ps, err = s.peers.Cancel(c.Request.Context(), callerOf(c), ps.ID)
	}
	s.answerPeerSession(c, http.StatusOK, ps, err)
}

// peerAttendanceReport answers GET
// /api/v1/alliances/{slug}/peer-sessions/attendance?year= (peer:manage):
// the sessions held that year, each active mentor's attendance, and the
// mentors who missed the last two sessions held.
func (s *Server) peerAttendanceReport(c *gin.Context) {
	r, err := s.peers.Attendance(c.Request.Context(), callerOf(c), yearParam(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"year": r.Year, "sessions_held": r.SessionsHeld,
		"mentors": peerAttendanceOf(r.Mentors), "missed_last_two": peerAttendanceOf(r.MissedLastTwo)})
}

// memberPeerSessions answers GET
// /api/v1/alliances/{slug}/members/{user_id}/peer-sessions?year=
// (members:read): a mentor's peer sessions of the year and the counts of
// those held, for the mentor themself and for whoever may manage peer
// sessions. A member the caller may not see is not found.
func (s *Server) memberPeerSessions(c *gin.Context) {
	caller := callerOf(c)
	ctx := c.Request.Context()
	id, err := domain.ParseID(c.Param("user_id"))
	if err == nil {
		_, err = s.members.Get(ctx, caller, id)
	}
	if err == nil && id != caller.UserID && !s.mayManagePeers(c) {
		err = domain.E(domain.CodeForbidden, "", nil)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	y, err := s.peers.MentorAttendance(ctx, caller, id, yearParam(c))
	var sessions []peerSessionView
	if err == nil {
		sessions, err = s.peerViewer(c).views(ctx, y.Sessions)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"year": y.Year, "invited": y.Summary.Invited, "attended": y.Summary.Attended, "sessions": sessions})
}

// mayManagePeers tells whether the caller's roles may manage peer
// sessions.
func (s *Server) mayManagePeers(c *gin.Context) bool {
	caller := callerOf(c)
	ok, err := s.enforcer.Allowed(c.Request.Context(), caller.Member.Roles, caller.Alliance.ID,
		authz.Permission{Object: authz.ObjPeer, Action: authz.ActManage})
	return err == nil && ok
}
