package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
)

// ruleView is a role permission in the API.
type ruleView struct {
	Role    domain.Role `json:"role"`
	Object  string      `json:"object"`
	Action  string      `json:"action"`
	Default bool        `json:"default"`
}

// policyList answers GET /api/v1/alliances/{slug}/policies (admin).
func (s *Server) policyList(c *gin.Context) {
	rules, err := s.policies.List(c.Request.Context(), callerOf(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	out := page[ruleView]{Items: make([]ruleView, 0, len(rules))}
	for _, r := range rules {
		out.Items = append(out.Items, ruleView{Role: r.Role, Object: r.Permission.Object, Action: r.Permission.Action, Default: r.Default})
	}
	c.JSON(http.StatusOK, out)
}

// policyChange answers POST (add) and DELETE (remove) on
// /api/v1/alliances/{slug}/policies {role,object,action} (admin).
func (s *Server) policyChange(c *gin.Context) {
	var in struct {
		Role   domain.Role `json:"role"`
		Object string      `json:"object"`
		Action string      `json:"action"`
	}
	if err := decodeJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	perm := authz.Permission{Object: in.Object, Action: in.Action}
	change, status := s.policies.Add, http.StatusCreated
	if c.Request.Method == http.MethodDelete {
		change, status = s.policies.Remove, http.StatusNoContent
	}
	if err := change(c.Request.Context(), callerOf(c), in.Role, perm); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(status)
}
