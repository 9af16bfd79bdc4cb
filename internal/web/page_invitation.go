package web

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

// invitationPage is where an invitation's link leads: it shows the
// alliance and the roles offered. A signed-in person accepts with a
// button; anyone else first signs in or up and comes back here. A link
// used, expired or unknown gets the error page that says which.
func (s *Server) invitationPage(c *gin.Context) {
	inv, a, err := s.invitations.Lookup(c.Request.Context(), c.Param("token"))
	if err != nil {
		s.failPage(c, err)
		return
	}
	useAlliance(c, a)
	here := "/invitations/" + url.PathEscape(c.Param("token"))
	s.render(c, http.StatusOK, "invitation", s.t(c, "invitation.title"), gin.H{
		"Invitation": inv, "Alliance": a, "Action": here,
		"Login":  "/login?" + url.Values{"next": {here}}.Encode(),
		"Signup": "/signup?" + url.Values{"next": {here}, "email": {inv.Email}}.Encode(),
	})
}

// invitationSubmit accepts the invitation for the signed-in person and
// opens the alliance's page.
func (s *Server) invitationSubmit(c *gin.Context) {
	_, a, err := s.invitations.Accept(c.Request.Context(), actorOf(c), c.Param("token"))
	if err != nil {
		s.failPage(c, err)
		return
	}
	seeOther(c, "/a/"+a.Slug)
}
