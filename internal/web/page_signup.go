package web

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// signupPage shows the form to open an account. ?email= fills the address
// in (the invitation page passes the invited one); ?next= is where to go
// after.
func (s *Server) signupPage(c *gin.Context) {
	next := nextOf(c.Query("next"))
	if sessionOf(c) != nil {
		seeOther(c, localPath(next, "/me"))
		return
	}
	f := newForm(url.Values{"next": {next}, "email": {c.Query("email")}, "locale": {string(localeOf(c))}})
	s.renderSignup(c, http.StatusOK, f)
}

func (s *Server) renderSignup(c *gin.Context, status int, f *form) {
	next := nextOf(f.V("next"))
	login := "/login"
	if next != "" {
		login += "?next=" + url.QueryEscape(next)
	}
	s.render(c, status, "signup", s.t(c, "signup.title"), gin.H{"Form": f, "Next": next, "Login": login})
}

// signupSubmit opens the account and signs the person in at once.
func (s *Server) signupSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	in := domain.Signup{Email: f.V("email"), Password: f.V("password"), Name: f.V("name"), Locale: domain.Locale(f.V("locale"))}
	u, err := s.accounts.Signup(c.Request.Context(), in, c.ClientIP())
	if err != nil {
		status, ok := s.formFailed(c, f, err)
		if ok {
			s.renderSignup(c, status, f)
		}
		return
	}
	next := nextOf(f.V("next"))
	token, _, err := s.accounts.Login(c.Request.Context(), u.Email, in.Password, service.KindSession, c.Request.UserAgent(), c.ClientIP())
	if err != nil {
		// The account is open; only the automatic sign-in failed (a
		// throttle, say): the person signs in by hand.
		s.log.Warn("sign in after sign-up", "request_id", requestID(c), "err", err)
		seeOther(c, "/login?next="+url.QueryEscape(next))
		return
	}
	s.startSession(c, token)
	s.keepLanguage(c, u.Locale)
	seeOther(c, localPath(next, "/me"))
}

// keepLanguage makes the language a person chose the one of their pages.
func (s *Server) keepLanguage(c *gin.Context, loc domain.Locale) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: langCookie, Value: string(loc), Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secureCookies,
	})
}
