package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
)

// memberProfileUpdate answers PUT
// /api/v1/alliances/{slug}/members/{user_id}/profile
// {city,sectors,languages} (members:read) → 200 with the member: what
// matching knows of a mentor, replaced whole. Members set their own;
// those who manage the pipeline set anyone's; anyone else gets 403. A
// member the caller may not see is not found.
func (s *Server) memberProfileUpdate(c *gin.Context) {
	caller := callerOf(c)
	ctx := c.Request.Context()
	id, err := domain.ParseID(c.Param("user_id"))
	if err == nil {
		_, err = s.members.Get(ctx, caller, id)
	}
	if err == nil && id != caller.UserID && !s.callerMay(c, authz.ObjPipeline, authz.ActManage) {
		err = domain.E(domain.CodeForbidden, "", nil)
	}
	var in domain.MentorProfile
	if err == nil {
		err = decodeJSON(c, &in)
	}
	var m *domain.Member
	if err == nil {
		m, err = s.members.UpdateProfile(ctx, caller, id, in)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, memberWithProfile(m, s.mayManageMembers(c) || m.UserID == caller.UserID))
}
