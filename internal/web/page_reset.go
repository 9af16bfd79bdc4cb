package web

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

// resetPage shows the form that asks for a link to choose a new password,
// or, after it was sent, says so (whether or not the account exists).
func (s *Server) resetPage(c *gin.Context) {
	s.renderReset(c, http.StatusOK, newForm(nil), c.Query("sent") == "1")
}

func (s *Server) renderReset(c *gin.Context, status int, f *form, sent bool) {
	s.render(c, status, "reset", s.t(c, "reset.title"), gin.H{"Form": f, "Sent": sent})
}

// resetSubmit asks for the link. The answer is the same whether an account
// has the address or not.
func (s *Server) resetSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	if err := s.accounts.RequestPasswordReset(c.Request.Context(), f.V("email"), c.ClientIP()); err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderReset(c, status, f, false)
		}
		return
	}
	seeOther(c, "/reset?sent=1")
}

// resetTokenPage shows the form to choose a new password with the link's
// token. Whether the token works is known only when it is used.
func (s *Server) resetTokenPage(c *gin.Context) {
	s.renderResetToken(c, http.StatusOK, newForm(nil))
}

func (s *Server) renderResetToken(c *gin.Context, status int, f *form) {
	s.render(c, status, "reset_token", s.t(c, "reset.new.title"), gin.H{
		"Form": f, "Action": "/reset/" + url.PathEscape(c.Param("token")),
	})
}

// resetTokenSubmit sets the new password. Every session of the account
// ends, this browser's too: the person signs in again with it.
func (s *Server) resetTokenSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	if f.V("password") != f.V("confirm") {
		f.fail("confirm", s.t(c, "validation.password_mismatch"))
		f.Problem = s.t(c, "error.invalid.detail")
		s.renderResetToken(c, http.StatusUnprocessableEntity, f)
		return
	}
	if err := s.accounts.ResetPassword(c.Request.Context(), c.Param("token"), f.V("password"), c.ClientIP()); err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderResetToken(c, status, f)
		}
		return
	}
	s.clearSessionCookie(c)
	seeOther(c, "/login?reset=done")
}
