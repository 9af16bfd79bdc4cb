package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// invitationView is an invitation in the API.
type invitationView struct {
	ID        domain.ID     `json:"id"`
	Email     string        `json:"email"`
	Roles     []domain.Role `json:"roles"`
	CreatedAt time.Time     `json:"created_at"`
	ExpiresAt time.Time     `json:"expires_at"`
	Link      string        `json:"link,omitempty"`
}

func invitationOf(inv *domain.Invitation) invitationView {
	return invitationView{ID: inv.ID, Email: inv.Email, Roles: inv.Roles, CreatedAt: inv.CreatedAt, ExpiresAt: inv.ExpiresAt}
}

// invitationCreate answers POST /api/v1/alliances/{slug}/invitations
// {email,roles} (admin). The answer carries the link, for an admin who
// also wants to pass it on by another way than e-mail.
func (s *Server) invitationCreate(c *gin.Context) {
	var in struct {
		Email string        `json:"email"`
		Roles []domain.Role `json:"roles"`
	}
	if err := decodeJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	inv, link, err := s.invitations.Invite(c.Request.Context(), callerOf(c), domain.InvitationRequest{Email: in.Email, Roles: in.Roles})
	if err != nil {
		s.fail(c, err)
		return
	}
	v := invitationOf(inv)
	v.Link = link
	c.JSON(http.StatusCreated, v)
}

// invitationList answers GET /api/v1/alliances/{slug}/invitations: those
// still pending.
func (s *Server) invitationList(c *gin.Context) {
	invs, err := s.invitations.Pending(c.Request.Context(), callerOf(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	out := page[invitationView]{Items: make([]invitationView, 0, len(invs))}
	for _, inv := range invs {
		out.Items = append(out.Items, invitationOf(inv))
	}
	c.JSON(http.StatusOK, out)
}

// invitationAccept answers POST /api/v1/invitations/{token}/accept: the
// signed-in caller becomes a member.
func (s *Server) invitationAccept(c *gin.Context) {
	m, a, err := s.invitations.Accept(c.Request.Context(), actorOf(c), c.Param("token"))
	if err != nil {
		s.fail(c, err)
		return
	}
	useAlliance(c, a)
	c.JSON(http.StatusOK, gin.H{"alliance": gin.H{"slug": a.Slug, "name": a.Name}, "roles": m.Roles, "status": m.Status})
}
