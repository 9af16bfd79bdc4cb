package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// signup answers POST /api/v1/auth/signup.
func (s *Server) signup(c *gin.Context) {
	var in struct {
		Email    string        `json:"email"`
		Password string        `json:"password"`
		Name     string        `json:"name"`
		Locale   domain.Locale `json:"locale"`
	}
	if err := decodeJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	u, err := s.accounts.Signup(c.Request.Context(), domain.Signup{Email: in.Email, Password: in.Password, Name: in.Name, Locale: in.Locale}, c.ClientIP())
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, userOf(u))
}

// login answers POST /api/v1/auth/login with a bearer token.
func (s *Server) login(c *gin.Context) {
	var in struct {
		Email    string `json:"email"`
		Password string `json:"password"`
		Label    string `json:"label"`
	}
	if err := decodeJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	label := in.Label
	if label == "" {
		label = c.Request.UserAgent()
	}
	token, u, err := s.accounts.Login(c.Request.Context(), in.Email, in.Password, service.KindAPI, label, c.ClientIP())
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"token": token, "user": userOf(u)})
}

// logout answers POST /api/v1/auth/logout: the token or session used stops
// working.
func (s *Server) logout(c *gin.Context) {
	sess := sessionOf(c)
	if err := s.accounts.Logout(c.Request.Context(), sess.User.ID, sess.TokenID); err != nil {
		s.fail(c, err)
		return
	}
	s.clearSessionCookie(c)
	c.Status(http.StatusNoContent)
}

// passwordResetRequest answers POST /api/v1/auth/password-reset: 202
// whether or not an account has the e-mail.
func (s *Server) passwordResetRequest(c *gin.Context) {
	var in struct {
		Email string `json:"email"`
	}
	if err := decodeJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	if err := s.accounts.RequestPasswordReset(c.Request.Context(), in.Email, c.ClientIP()); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusAccepted)
}

// passwordReset answers POST /api/v1/auth/password-reset/{token}.
func (s *Server) passwordReset(c *gin.Context) {
	var in struct {
		Password string `json:"password"`
	}
	if err := decodeJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	if err := s.accounts.ResetPassword(c.Request.Context(), c.Param("token"), in.Password, c.ClientIP()); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// clearSessionCookie removes the session cookie from the browser.
func (s *Server) clearSessionCookie(c *gin.Context) {
	http.SetCookie(c.Writer, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secureCookies})
}

// setSessionCookie gives the browser its new session.
func (s *Server) setSessionCookie(c *gin.Context, token string) {
	http.SetCookie(c.Writer, &http.Cookie{Name: sessionCookie, Value: token, Path: "/",
		MaxAge: int(service.SessionLifetime.Seconds()), HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secureCookies})
}
