package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// homePage presents the product and the alliances on it.
func (s *Server) homePage(c *gin.Context) {
	alliances, err := s.alliances.List(c.Request.Context(), 50)
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.render(c, http.StatusOK, "home", s.catalog.T(localeOf(c), "home.title", nil), gin.H{"Alliances": alliances})
}

// alliancePage (GET /a/:slug) is an alliance's public page: who it is,
// its programme, and its cohorts open to applications; a signed-in person
// also finds their own applications to it, and a member the alliance's
// pages their roles open.
func (s *Server) alliancePage(c *gin.Context) {
	a := allianceOf(c)
	var links []pageLink
	var mine []myApplication
	if sess := sessionOf(c); sess != nil {
		m, err := s.members.Membership(c.Request.Context(), a.ID, sess.User.ID)
		if err == nil && m.Status == domain.StatusActive {
			links = s.sectionLinks(c, a, m)
		}
		if mine, err = s.myApplications(c, a, sess.User); err != nil {
			s.failPage(c, err)
			return
		}
	}
	open, err := s.cohorts.Open(c.Request.Context(), a.ID)
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.render(c, http.StatusOK, "alliance", a.Name, gin.H{
		"Alliance": a,
		"About":    a.AboutIn(localeOf(c)),
		"Links":    links,
		"Cohorts":  open,
		"Mine":     mine,
	})
}

// localPath gives next when it is an address on this site, and fallback
// otherwise, so that a link cannot send a person to another site after
// they sign in or switch languages.
func localPath(next, fallback string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") ||
		strings.ContainsFunc(next, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return fallback
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return fallback
	}
	return next
}

// switchLanguage keeps the chosen language in a cookie and goes back to
// the page the visitor came from. It works without JavaScript.
func (s *Server) switchLanguage(c *gin.Context) {
	loc := domain.Locale(c.Param("locale"))
	if !loc.Valid() {
		s.notFound(c)
		return
	}
	next := localPath(c.Query("next"), "/")
	http.SetCookie(c.Writer, &http.Cookie{
		Name: langCookie, Value: string(loc), Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: c.Request.TLS != nil,
	})
	c.Redirect(http.StatusSeeOther, next)
}

// notFound answers an unknown address: a page for browsers, problem+json
// for the API and every other client.
func (s *Server) notFound(c *gin.Context) {
	s.failPage(c, domain.NotFound())
}

// failPage answers err as an HTML page for a browser outside the API, and
// as problem+json otherwise.
func (s *Server) failPage(c *gin.Context, err error) {
	if clientGone(c) {
		return
	}
	if strings.HasPrefix(c.Request.URL.Path, "/api/") || !strings.Contains(c.GetHeader("Accept"), "text/html") {
		s.fail(c, err)
		return
	}
	de := domain.AsError(err)
	status := statusOf[de.Code]
	if de.Cause != nil {
		s.log.Error("page failed", "request_id", requestID(c), "code", de.Code, "err", de.Cause)
	}
	loc := localeOf(c)
	detailKey := de.Key
	if detailKey == "" || !s.catalog.Has(detailKey) {
		detailKey = "error." + string(de.Code) + ".detail"
	}
	s.render(c, status, "error", s.catalog.T(loc, "error."+string(de.Code)+".title", nil), gin.H{
		"Status": status,
		"Detail": s.catalog.T(loc, detailKey, de.Args),
		"SignIn": de.Code == domain.CodeUnauthenticated,
	})
	c.Abort()
}
