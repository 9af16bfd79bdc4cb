package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// me answers GET /api/v1/me: the user and their memberships.
func (s *Server) me(c *gin.Context) {
	sess := sessionOf(c)
	ms, err := s.accounts.Memberships(c.Request.Context(), sess.User.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	type allianceRef struct {
		Slug string `json:"slug"`
		Name string `json:"name"`
	}
	type membership struct {
		Alliance allianceRef         `json:"alliance"`
		Roles    []domain.Role       `json:"roles"`
		Status   domain.MemberStatus `json:"status"`
	}
	out := struct {
		userView
		Memberships []membership `json:"memberships"`
	}{userView: userOf(sess.User), Memberships: []membership{}}
	for _, m := range ms {
		out.Memberships = append(out.Memberships, membership{
			Alliance: allianceRef{Slug: m.Alliance.Slug, Name: m.Alliance.Name}, Roles: m.Member.Roles, Status: m.Member.Status,
		})
	}
	c.JSON(http.StatusOK, out)
}

// meUpdate answers PATCH /api/v1/me: the user's name and language.
func (s *Server) meUpdate(c *gin.Context) {
	var in struct {
		Name   *string        `json:"name"`
		Locale *domain.Locale `json:"locale"`
	}
	if err := decodeJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	u := *sessionOf(c).User
	if in.Name != nil {
		u.Name = *in.Name
	}
	if in.Locale != nil {
		u.Locale = *in.Locale
	}
	if err := s.accounts.UpdateProfile(c.Request.Context(), &u); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, userOf(&u))
}

// tokenView is one of the user's working tokens.
type tokenView struct {
	ID         domain.ID `json:"id"`
	Kind       string    `json:"kind"`
	Label      string    `json:"label"`
	CreatedAt  time.Time `json:"created_at"`
	LastUsedAt time.Time `json:"last_used_at"`
	ExpiresAt  time.Time `json:"expires_at"`
	Current    bool      `json:"current"`
}

// myTokens answers GET /api/v1/me/tokens.
func (s *Server) myTokens(c *gin.Context) {
	sess := sessionOf(c)
	toks, err := s.accounts.Tokens(c.Request.Context(), sess.User.ID)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := page[tokenView]{Items: []tokenView{}}
	for _, t := range toks {
		out.Items = append(out.Items, tokenView{ID: t.ID, Kind: t.Kind, Label: t.Label, CreatedAt: t.CreatedAt.UTC(),
			LastUsedAt: t.LastUsedAt.UTC(), ExpiresAt: t.ExpiresAt.UTC(), Current: t.ID == sess.TokenID})
	}
	c.JSON(http.StatusOK, out)
}

// revokeToken answers DELETE /api/v1/me/tokens/{id}.
func (s *Server) revokeToken(c *gin.Context) {
	id, err := domain.ParseID(c.Param("id"))
	if err == nil {
		err = s.accounts.Logout(c.Request.Context(), sessionOf(c).User.ID, id)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
