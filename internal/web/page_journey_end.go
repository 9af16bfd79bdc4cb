package web

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// pageJourney loads the journey of the path for the caller: its two
// people, or staff; anyone else gets the error page, and ok is false.
func (s *Server) pageJourney(c *gin.Context) (v *service.JourneyView, staff bool, ok bool) {
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		s.failPage(c, domain.NotFound())
		return nil, false, false
	}
	staff = s.can(c, authz.ObjMentorships, authz.ActManage)
	v, err = s.journey.View(c.Request.Context(), callerOf(c), id, staff)
	if err != nil {
		s.failPage(c, err)
		return nil, false, false
	}
	return v, staff, true
}

// endPage (GET /a/:slug/mentorships/:id/end) is the form to end a
// mentorship early, with its reason: either of its two people or staff
// may. A mentorship already over says so.
func (s *Server) endPage(c *gin.Context) {
	v, _, ok := s.pageJourney(c)
	if !ok {
		return
	}
	s.renderEnd(c, http.StatusOK, v.Mentorship, newForm(nil))
}

// endSubmit (POST /a/:slug/mentorships/:id/end) ends the mentorship with
// the reason given: its remaining sessions are cancelled and both people
// told. A form without a reason comes back with its message.
func (s *Server) endSubmit(c *gin.Context) {
	v, staff, ok := s.pageJourney(c)
	if !ok {
		return
	}
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	m := v.Mentorship
	caller := callerOf(c)
	if _, err := s.journey.End(c.Request.Context(), caller, m.ID, strings.ReplaceAll(f.V("reason"), "\r\n", "\n"), staff); err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderEnd(c, status, m, f)
		}
		return
	}
	seeOther(c, mentorshipPath(caller.Alliance, m.ID)+"?done=ended")
}

// renderEnd shows the form to end a mentorship.
func (s *Server) renderEnd(c *gin.Context, status int, m *domain.Mentorship, f *form) {
	s.renderSection(c, status, "journey_end", "page.journey.end.title", gin.H{
		"Mentorship": m, "Form": f, "Base": mentorshipPath(callerOf(c).Alliance, m.ID),
		"Active": m.Status == domain.MentorshipActive,
	})
}
