package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
)

// memberList answers GET /api/v1/alliances/{slug}/members?role=&cursor=&limit=.
func (s *Server) memberList(c *gin.Context) {
	limit, err := listLimit(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	after, err := idCursor(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	var roles []domain.Role
	for _, r := range c.QueryArray("role") {
		roles = append(roles, domain.Role(r))
	}
	if len(roles) > 0 {
		var p domain.Problems
		if domain.ValidateRoles(&p, "role", roles); p.Err() != nil {
			s.fail(c, p.Err())
			return
		}
	}
	ms, err := s.members.List(c.Request.Context(), callerOf(c), roles, after, limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	showEmail := s.mayManageMembers(c)
	out := page[memberView]{Items: make([]memberView, 0, len(ms))}
	for _, m := range ms {
		out.Items = append(out.Items, memberFor(m, showEmail))
	}
	if len(ms) > 0 {
		out.NextCursor = nextCursor(len(ms), limit, ms[len(ms)-1].UserID)
	}
	c.JSON(http.StatusOK, out)
}

// memberGet answers GET /api/v1/alliances/{slug}/members/{user_id}.
func (s *Server) memberGet(c *gin.Context) {
	id, err := domain.ParseID(c.Param("user_id"))
	var m *domain.Member
	if err == nil {
		m, err = s.members.Get(c.Request.Context(), callerOf(c), id)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, memberWithProfile(m, s.mayManageMembers(c) || m.UserID == callerOf(c).UserID))
}

// mayManageMembers tells whether the caller may manage the alliance's
// members, and so see their e-mail addresses: others see names and roles.
func (s *Server) mayManageMembers(c *gin.Context) bool {
	caller := callerOf(c)
	ok, err := s.enforcer.Allowed(c.Request.Context(), caller.Member.Roles, caller.Alliance.ID,
		authz.Permission{Object: authz.ObjMembers, Action: authz.ActManage})
	return err == nil && ok
}

// memberFor is a member as the caller may see it.
func memberFor(m *domain.Member, showEmail bool) memberView {
	v := memberOf(m)
	if !showEmail {
		v.Email = ""
	}
	return v
}

// memberUpdate answers PATCH /api/v1/alliances/{slug}/members/{user_id}
// {roles,status,capacity} (admin).
func (s *Server) memberUpdate(c *gin.Context) {
	id, err := domain.ParseID(c.Param("user_id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	var in struct {
		Roles    []domain.Role        `json:"roles"`
		Status   *domain.MemberStatus `json:"status"`
		Capacity *int                 `json:"capacity"`
	}
	if err := decodeJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	m, err := s.members.Change(c.Request.Context(), callerOf(c), id, domain.MemberChange{Roles: in.Roles, Status: in.Status, Capacity: in.Capacity})
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, memberOf(m))
}
