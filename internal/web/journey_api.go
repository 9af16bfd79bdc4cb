package web

import (
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// journeyGet answers GET /api/v1/alliances/{slug}/mentorships/{id}/journey
// (mentorships:read): the whole journey at a glance, to its mentor, its
// entrepreneur and those who manage mentorships; anyone else finds
// nothing.
func (s *Server) journeyGet(c *gin.Context) {
	staff := s.callerMay(c, authz.ObjMentorships, authz.ActManage)
	id, err := domain.ParseID(c.Param("id"))
	var v *service.JourneyView
	if err == nil {
		v, err = s.journey.View(c.Request.Context(), callerOf(c), id, staff)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, journeyOf(v, staff))
}

// actionTick answers POST
// /api/v1/alliances/{slug}/mentorships/{id}/actions/{action_id}
// {done} (mentorships:read; the mentor or the entrepreneur) → 200 with the
// action, done or open again. An action of another mentorship is not
// found.
func (s *Server) actionTick(c *gin.Context) {
	v, err := s.mentorshipFor(c, "error.session.parties_only", service.SideMentor, service.SideEntrepreneur)
	var action domain.ID
	if err == nil {
		action, err = domain.ParseID(c.Param("action_id"))
	}
	if err == nil && !slices.ContainsFunc(v.Actions, func(a domain.Action) bool { return a.ID == action }) {
		err = domain.NotFound()
	}
	var in struct {
		Done bool `json:"done"`
	}
	if err == nil {
		err = decodeJSON(c, &in)
	}
	if err == nil {
		err = s.journey.TickAction(c.Request.Context(), callerOf(c), v.Mentorship.ID, action, in.Done)
	}
	if err == nil {
		v, err = s.journey.View(c.Request.Context(), callerOf(c), v.Mentorship.ID, false)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	i := slices.IndexFunc(v.Actions, func(a domain.Action) bool { return a.ID == action })
	if i < 0 {
		s.fail(c, domain.NotFound())
		return
	}
	c.JSON(http.StatusOK, actionViewOf(v.Actions[i]))
}
