package web

import (
	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// sessionFeedback answers POST
// /api/v1/alliances/{slug}/mentorships/{id}/sessions/{number}/feedback
// {rating,comment} (mentorships:read; the entrepreneur alone) → 200 with
// the session: a rating from 1 to 5 of a held session, with an optional
// comment. Rating again changes it. The mentor never reads one rating,
// only the mean of theirs once there are enough (see …/journey).
func (s *Server) sessionFeedback(c *gin.Context) {
	id, number, err := s.sessionFor(c, "error.session.rate_entrepreneur", service.SideEntrepreneur)
	var in struct {
		Rating  int    `json:"rating"`
		Comment string `json:"comment"`
	}
	if err == nil {
		err = decodeJSON(c, &in)
	}
	if err == nil {
		_, err = s.journey.Rate(c.Request.Context(), callerOf(c), id, number, domain.Feedback{Rating: in.Rating, Comment: in.Comment})
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.sessionAfter(c, id, number)
}
