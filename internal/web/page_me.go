package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// mePage is the signed-in person's own page: their profile, alliances,
// open sessions and tokens, and recent account events.
func (s *Server) mePage(c *gin.Context) {
	u := sessionOf(c).User
	f := newForm(url.Values{"name": {u.Name}, "locale": {string(u.Locale)}})
	s.renderMe(c, http.StatusOK, f, c.Query("saved") == "1")
}

func (s *Server) renderMe(c *gin.Context, status int, f *form, saved bool) {
	sess := sessionOf(c)
	ctx := c.Request.Context()
	memberships, err := s.accounts.Memberships(ctx, sess.User.ID)
	if err != nil {
		s.failPage(c, err)
		return
	}
	tokens, err := s.accounts.Tokens(ctx, sess.User.ID)
	if err != nil {
		s.failPage(c, err)
		return
	}
	events, err := s.accounts.AccountEvents(ctx, sess.User.ID)
	if err != nil {
		s.failPage(c, err)
		return
	}
	rows := make([]tokenView, 0, len(tokens))
	for _, t := range tokens {
		rows = append(rows, tokenView{ID: t.ID, Kind: t.Kind, Label: deviceOf(t.Label), CreatedAt: t.CreatedAt,
			LastUsedAt: t.LastUsedAt, ExpiresAt: t.ExpiresAt, Current: t.ID == sess.TokenID})
	}
	s.render(c, status, "me", s.t(c, "me.title"), gin.H{
		"Form": f, "Saved": saved, "Email": sess.User.Email,
		"Memberships": memberships, "Tokens": rows, "Events": events,
	})
}

// meSubmit changes the person's name and language; the language becomes
// the one of their pages at once.
func (s *Server) meSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	u := *sessionOf(c).User
	u.Name, u.Locale = f.V("name"), domain.Locale(f.V("locale"))
	if err := s.accounts.UpdateProfile(c.Request.Context(), &u); err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderMe(c, status, f, false)
		}
		return
	}
	s.keepLanguage(c, u.Locale)
	seeOther(c, "/me?saved=1")
}

// meRevoke ends one of the person's sessions or tokens. Ending this
// browser's own session signs it out.
func (s *Server) meRevoke(c *gin.Context) {
	sess := sessionOf(c)
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		s.failPage(c, domain.NotFound())
		return
	}
	if err := s.accounts.Logout(c.Request.Context(), sess.User.ID, id); err != nil {
		s.failPage(c, err)
		return
	}
	if id == sess.TokenID && sess.Kind == service.KindSession {
		s.clearSessionCookie(c)
		seeOther(c, "/login")
		return
	}
	seeOther(c, "/me")
}

// deviceOf names the browser and system of a session's user agent, as a
// person knows them ("Chrome · Android"); another label (an API token's)
// stays as it is, shortened.
func deviceOf(label string) string {
	var browser, system string
	for _, b := range [][2]string{{"Edg/", "Edge"}, {"OPR/", "Opera"}, {"Firefox/", "Firefox"}, {"Chrome/", "Chrome"}, {"Safari/", "Safari"}} {
		if strings.Contains(label, b[0]) {
			browser = b[1]
			break
		}
	}
	for _, o := range [][2]string{{"Android", "Android"}, {"iPhone", "iPhone"}, {"iPad", "iPad"}, {"Windows", "Windows"}, {"Mac OS", "macOS"}, {"Linux", "Linux"}} {
		if strings.Contains(label, o[0]) {
			system = o[1]
			break
		}
	}
	if browser == "" || system == "" {
		return truncate(label, 60)
	}
	return browser + " · " + system
}

// truncate shortens a text to n characters, with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
