package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// sessionList answers GET
// /api/v1/alliances/{slug}/mentorships/{id}/sessions (mentorships:read):
// the journey's sessions in order, each at its state on the timeline, as
// the caller's side sees them (the mentor without the ratings). Only its
// mentor and entrepreneur, and those who manage mentorships, may know of
// it; anyone else finds nothing.
func (s *Server) sessionList(c *gin.Context) {
	id, err := domain.ParseID(c.Param("id"))
	var v *service.JourneyView
	if err == nil {
		v, err = s.journey.View(c.Request.Context(), callerOf(c), id, s.callerMay(c, authz.ObjMentorships, authz.ActManage))
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, page[journeySessionView]{Items: journeySessionsOf(v)})
}

// sessionGet answers GET
// /api/v1/alliances/{slug}/mentorships/{id}/sessions/{number}
// (mentorships:read): one session with the actions agreed in it and those
// carried over; private_notes only for the mentor.
func (s *Server) sessionGet(c *gin.Context) {
	id, number, err := sessionIDs(c)
	var v *service.SessionView
	if err == nil {
		v, err = s.journey.Session(c.Request.Context(), callerOf(c), id, number, s.callerMay(c, authz.ObjMentorships, authz.ActManage))
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, sessionDetailOf(v))
}

// sessionAfter answers a change to a session with the session as it now
// stands, read again as the caller sees it.
func (s *Server) sessionAfter(c *gin.Context, id domain.ID, number int) {
	v, err := s.journey.Session(c.Request.Context(), callerOf(c), id, number, s.callerMay(c, authz.ObjMentorships, authz.ActManage))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, sessionDetailOf(v))
}

// journeySessionsOf lists a journey's sessions with their states.
func journeySessionsOf(v *service.JourneyView) []journeySessionView {
	out := make([]journeySessionView, 0, len(v.Mentorship.Sessions))
	for i, sess := range v.Mentorship.Sessions {
		out = append(out, journeySessionOf(sess, v.States[i]))
	}
	return out
}
