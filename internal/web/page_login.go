package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// nextOf reads where to go after signing in: a path of this site, but not
// one of the sign-in pages themselves; "" when there is none.
func nextOf(v string) string {
	next := localPath(v, "")
	for _, p := range []string{"/login", "/signup", "/reset", "/logout"} {
		if next == p || strings.HasPrefix(next, p+"?") || strings.HasPrefix(next, p+"/") {
			return ""
		}
	}
	return next
}

// loginPage shows the sign-in form; a signed-in visitor goes on at once.
func (s *Server) loginPage(c *gin.Context) {
	next := nextOf(c.Query("next"))
	if sessionOf(c) != nil {
		seeOther(c, localPath(next, "/me"))
		return
	}
	s.renderLogin(c, http.StatusOK, newForm(url.Values{"next": {next}}), c.Query("reset") == "done")
}

func (s *Server) renderLogin(c *gin.Context, status int, f *form, reset bool) {
	next := nextOf(f.V("next"))
	signup := "/signup"
	if next != "" {
		signup += "?next=" + url.QueryEscape(next)
	}
	s.render(c, status, "login", s.t(c, "login.title"), gin.H{"Form": f, "Next": next, "Signup": signup, "Reset": reset})
}

// loginSubmit signs in with an e-mail and password: the browser gets a new
// session, and the one it had before, if any, ends.
func (s *Server) loginSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	for _, field := range []string{"email", "password"} {
		if strings.TrimSpace(f.V(field)) == "" {
			f.fail(field, s.t(c, "validation.required"))
		}
	}
	status := http.StatusUnprocessableEntity
	if len(f.Errors) == 0 {
		token, _, err := s.accounts.Login(c.Request.Context(), f.V("email"), f.V("password"), service.KindSession,
			c.Request.UserAgent(), c.ClientIP())
		if err == nil {
			s.startSession(c, token)
			seeOther(c, localPath(nextOf(f.V("next")), "/me"))
			return
		}
		if status, ok = s.formFailed(c, f, err); !ok {
			return
		}
	} else {
		f.Problem = s.t(c, "error.invalid.detail")
	}
	s.renderLogin(c, status, f, false)
}

// startSession gives the browser its new session and ends the one it had:
// the session id changes at every sign-in.
func (s *Server) startSession(c *gin.Context, token string) {
	if sess := sessionOf(c); sess != nil && sess.Kind == service.KindSession {
		if err := s.accounts.Logout(c.Request.Context(), sess.User.ID, sess.TokenID); err != nil && domain.ErrorCode(err) != domain.CodeNotFound {
			s.log.Warn("end the previous session", "request_id", requestID(c), "err", err)
		}
	}
	s.setSessionCookie(c, token)
}

// logoutSubmit ends the browser's session and forgets its cookie; a
// visitor who was not signed in simply goes home.
func (s *Server) logoutSubmit(c *gin.Context) {
	if sess := sessionOf(c); sess != nil && sess.Kind == service.KindSession {
		err := s.accounts.Logout(c.Request.Context(), sess.User.ID, sess.TokenID)
		if err != nil && domain.ErrorCode(err) != domain.CodeNotFound {
			s.failPage(c, err)
			return
		}
	}
	s.clearSessionCookie(c)
	seeOther(c, "/")
}
