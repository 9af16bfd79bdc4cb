package web

import (
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// actionTickSubmit (POST /a/:slug/mentorships/:id/actions/:action_id)
// ticks an action done (done=1) or open again (done=0): either of the
// mentorship's two people may, and staff are told so. The browser goes back to the page of the
// mentorship the form was on (back), the journey's page otherwise.
func (s *Server) actionTickSubmit(c *gin.Context) {
	v, _, ok := s.pageJourney(c)
	if !ok {
		return
	}
	if v.Side == service.SideStaff {
		s.failPage(c, domain.E(domain.CodeForbidden, "error.session.parties_only", nil))
		return
	}
	action, err := domain.ParseID(c.Param("action_id"))
	if err != nil {
		s.failPage(c, domain.NotFound())
		return
	}
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	caller := callerOf(c)
	id := v.Mentorship.ID
	if err := s.journey.TickAction(c.Request.Context(), caller, id, action, f.V("done") != "0"); err != nil {
		s.failPage(c, err)
		return
	}
	seeOther(c, backTo(mentorshipPath(caller.Alliance, id), f.V("back"))+"?done=ticked")
}

// backTo is back when it is the page of one of the sessions of the
// mentorship at base, and base otherwise: never another site, nor
// another page.
func backTo(base, back string) string {
	if n, ok := strings.CutPrefix(back, base+"/sessions/"); ok {
		if _, err := strconv.Atoi(n); err == nil {
			return back
		}
	}
	return base
}
