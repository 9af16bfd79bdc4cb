package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// allianceNewPage shows the form to create an alliance.
func (s *Server) allianceNewPage(c *gin.Context) {
	s.renderAllianceNew(c, http.StatusOK, newForm(url.Values{"default_locale": {string(localeOf(c))}}))
}

func (s *Server) renderAllianceNew(c *gin.Context, status int, f *form) {
	s.render(c, status, "alliance_new", s.t(c, "alliance_new.title"), gin.H{"Form": f})
}

// allianceNewSubmit creates the alliance, whose first admin is the person,
// and opens its page.
func (s *Server) allianceNewSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	a := &domain.Alliance{
		Slug: strings.TrimSpace(f.V("slug")), Name: f.V("name"), Country: f.V("country"),
		DefaultLocale: domain.Locale(f.V("default_locale")),
	}
	if err := s.alliances.Create(c.Request.Context(), actorOf(c), a); err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderAllianceNew(c, status, f)
		}
		return
	}
	seeOther(c, "/a/"+a.Slug)
}
