package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// followPage (GET /a/:slug/applications/follow/:token) shows an applicant,
// by the link of the mail they got when they applied, where their
// application stands: in words and as a line of steps, with its cohort
// and its history, never the screeners' notes; and how to sign in later.
// An unknown link is not found.
func (s *Server) followPage(c *gin.Context) {
	a := allianceOf(c)
	d, err := s.applications.Follow(c.Request.Context(), a, c.Param("token"))
	if err != nil {
		if domain.ErrorCode(err) == domain.CodeNotFound {
			err = domain.E(domain.CodeNotFound, "page.follow.not_found", nil)
		}
		s.failPage(c, err)
		return
	}
	// The link is the applicant's key: no cache keeps the page, and no
	// link of the page passes its address on.
	c.Header("Cache-Control", "private, no-store")
	c.Header("Referrer-Policy", "no-referrer")
	s.render(c, http.StatusOK, "follow", s.t(c, "page.follow.title")+" · "+a.Name, gin.H{
		"Alliance": a, "Application": applicantViewOf(d),
	})
}
