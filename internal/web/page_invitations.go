package web

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// invitedCookie carries, from the invitation just sent to the page that
// follows, its address and link: the link's token is kept nowhere else in
// clear, and never goes into an address.
const invitedCookie = "mentorat_invited"

// invitationsPage shows an admin the form to invite someone, the
// invitations not yet accepted and, once, the link of the one just sent.
func (s *Server) invitationsPage(c *gin.Context) {
	var sent url.Values
	if ck, err := c.Request.Cookie(invitedCookie); err == nil {
		sent, _ = url.ParseQuery(ck.Value)
		s.invitedFlash(c, "", -1)
	}
	s.renderInvitations(c, http.StatusOK, newForm(url.Values{"roles": {string(domain.RoleMentor)}}), sent)
}

func (s *Server) renderInvitations(c *gin.Context, status int, f *form, sent url.Values) {
	pending, err := s.invitations.Pending(c.Request.Context(), callerOf(c))
	if err != nil {
		s.failPage(c, err)
		return
	}
	data := gin.H{"Form": f, "Pending": pending, "Roles": domain.Roles}
	if sent.Get("link") != "" {
		data["SentTo"], data["SentLink"] = sent.Get("email"), sent.Get("link")
	}
	s.renderSection(c, status, "invitations", "invitations.title", data)
}

// invitationsSubmit invites a person by e-mail with roles. The mail leaves
// through a background job; the page that follows also shows the link, to
// pass on by another way.
func (s *Server) invitationsSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	var roles []domain.Role
	for _, r := range f.Values["roles"] {
		if r != "" {
			roles = append(roles, domain.Role(r))
		}
	}
	inv, link, err := s.invitations.Invite(c.Request.Context(), callerOf(c), domain.InvitationRequest{Email: f.V("email"), Roles: roles})
	if err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderInvitations(c, status, f, nil)
		}
		return
	}
	s.invitedFlash(c, url.Values{"email": {inv.Email}, "link": {link}}.Encode(), 300)
	seeOther(c, "/a/"+callerOf(c).Alliance.Slug+"/invitations")
}

// invitedFlash sets (or, with a negative age, removes) the cookie of the
// invitation just sent, for this alliance's invitations page only.
func (s *Server) invitedFlash(c *gin.Context, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: invitedCookie, Value: value, Path: "/a/" + callerOf(c).Alliance.Slug + "/invitations",
		MaxAge: maxAge, HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: s.secureCookies,
	})
}
