package web

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// menteesPage (GET /a/:slug/mentees) is a mentor's mentees at a glance: a
// card per active mentorship with its next session and where it stands,
// the logs overdue, the actions still open and the sessions held. An
// entrepreneur finds the link to their own journey here, under that
// heading when they mentor no one.
func (s *Server) menteesPage(c *gin.Context) {
	ctx, caller := c.Request.Context(), callerOf(c)
	cards, err := s.journey.Dashboard(ctx, caller)
	if err != nil {
		s.failPage(c, err)
		return
	}
	own, err := s.ownJourneys(ctx, caller)
	if err != nil {
		s.failPage(c, err)
		return
	}
	mentor := caller.Member.Has(domain.RoleMentor)
	heading := "page.mentees.heading"
	if !mentor && len(cards) == 0 && len(own) > 0 {
		heading = "page.mentees.own.heading"
	}
	s.renderSection(c, http.StatusOK, "mentees", heading, gin.H{"Cards": cards, "Own": own, "Mentor": mentor, "Heading": heading})
}

// ownJourneys are the mentorships of which the caller is the
// entrepreneur, newest first.
func (s *Server) ownJourneys(ctx context.Context, caller service.Caller) ([]*domain.Mentorship, error) {
	list, err := s.mentorships.List(ctx, caller, service.MentorshipQuery{})
	var own []*domain.Mentorship
	for _, m := range list {
		if m.EntrepreneurID == caller.UserID {
			own = append(own, m)
		}
	}
	return own, err
}
