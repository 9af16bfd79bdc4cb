package web

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
)

// membersPageSize is how many members a page of the list shows.
const membersPageSize = 50

// membersPage lists the alliance's members as the caller may see them
// (entrepreneurs see the people who mentor and run it), filtered by one
// role, a page at a time.
func (s *Server) membersPage(c *gin.Context) {
	role := domain.Role(c.Query("role"))
	var roles []domain.Role
	if slices.Contains(domain.Roles, role) {
		roles = []domain.Role{role}
	} else {
		role = ""
	}
	var after *domain.ID
	if id, err := domain.ParseID(c.Query("cursor")); err == nil {
		after = &id
	}
	ms, err := s.members.List(c.Request.Context(), callerOf(c), roles, after, membersPageSize)
	if err != nil {
		s.failPage(c, err)
		return
	}
	more := ""
	if len(ms) == membersPageSize {
		q := url.Values{"cursor": {ms[len(ms)-1].UserID.String()}}
		if role != "" {
			q.Set("role", string(role))
		}
		more = "?" + q.Encode()
	}
	s.renderSection(c, http.StatusOK, "members", "members.title", gin.H{
		"Members": ms, "Role": string(role), "Roles": domain.Roles, "More": more,
		"ShowEmail": s.can(c, authz.ObjMembers, authz.ActManage),
		"CanInvite": s.can(c, authz.ObjInvitations, authz.ActCreate),
	})
}
