package web

import (
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// sessionPropose answers PATCH
// /api/v1/alliances/{slug}/mentorships/{id}/sessions/{number}
// {scheduled_at,place} (mentorships:read; the mentor or the entrepreneur)
// → 200 with the session: a date and place put forward, which the other
// side confirms. A date past or more than six months ahead is a field
// error; a session held, missed or cancelled, or a journey over, is 409.
func (s *Server) sessionPropose(c *gin.Context) {
	id, number, err := s.sessionFor(c, "error.session.parties_only", service.SideMentor, service.SideEntrepreneur)
	var in struct {
		ScheduledAt string `json:"scheduled_at"`
		Place       string `json:"place"`
	}
	if err == nil {
		err = decodeJSON(c, &in)
	}
	if err == nil {
		var p domain.Problems
		at, ok := parseDateTime(in.ScheduledAt)
		if !ok && strings.TrimSpace(in.ScheduledAt) != "" {
			p.Add("scheduled_at", "validation.datetime", nil)
		}
		if err = p.Err(); err == nil {
			_, err = s.journey.Propose(c.Request.Context(), callerOf(c), id, number, at, in.Place)
		}
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.sessionAfter(c, id, number)
}

// sessionConfirm answers POST
// /api/v1/alliances/{slug}/mentorships/{id}/sessions/{number}/confirm
// (mentorships:read; the side that did not propose) → 200 with the
// session, now scheduled. Nothing proposed, or confirming one's own
// proposal, is 409.
func (s *Server) sessionConfirm(c *gin.Context) {
	id, number, err := s.sessionFor(c, "error.session.parties_only", service.SideMentor, service.SideEntrepreneur)
	if err == nil {
		_, err = s.journey.Confirm(c.Request.Context(), callerOf(c), id, number)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.sessionAfter(c, id, number)
}

// sessionAgenda answers PUT
// /api/v1/alliances/{slug}/mentorships/{id}/sessions/{number}/agenda
// {items:[{kind,text}]} (mentorships:read; the entrepreneur alone) → 200
// with the session: the obstacles the entrepreneur wants to work on,
// business or personal, replacing the agenda written before.
func (s *Server) sessionAgenda(c *gin.Context) {
	id, number, err := s.sessionFor(c, "error.session.agenda_entrepreneur", service.SideEntrepreneur)
	var in struct {
		Items []domain.Obstacle `json:"items"`
	}
	if err == nil {
		err = decodeJSON(c, &in)
	}
	if err == nil {
		_, err = s.journey.SetAgenda(c.Request.Context(), callerOf(c), id, number, in.Items)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.sessionAfter(c, id, number)
}
