package web

import (
	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
)

// callerMay tells whether the caller's roles allow action on object in
// the route's alliance, beyond the permission the route itself needs.
func (s *Server) callerMay(c *gin.Context, object, action string) bool {
	caller := callerOf(c)
	ok, err := s.enforcer.Allowed(c.Request.Context(), caller.Member.Roles, caller.Alliance.ID,
		authz.Permission{Object: object, Action: action})
	return err == nil && ok
}
