package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// menteeView is one of a mentor's active mentorships at a glance: the
// next session to hold, how many logs are overdue, the open actions.
type menteeView struct {
	Mentorship   mentorshipView      `json:"mentorship"`
	Next         *journeySessionView `json:"next"` // null once no session is left to hold
	OverdueLogs  int                 `json:"overdue_logs"`
	OpenActions  int                 `json:"open_actions"`
	SessionsHeld int                 `json:"sessions_held"`
	Sessions     int                 `json:"sessions"`
}

// menteeList answers GET /api/v1/alliances/{slug}/mentees
// (mentorships:read): the caller's active mentorships as their mentor,
// each at a glance; an empty list for whoever mentors no one.
func (s *Server) menteeList(c *gin.Context) {
	cards, err := s.journey.Dashboard(c.Request.Context(), callerOf(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	out := page[menteeView]{Items: make([]menteeView, 0, len(cards))}
	for _, card := range cards {
		m := mentorshipOf(card.Mentorship, false)
		m.Sessions = nil
		v := menteeView{Mentorship: m, OverdueLogs: card.OverdueLogs, OpenActions: card.OpenActions,
			SessionsHeld: card.SessionsHeld, Sessions: len(card.Mentorship.Sessions)}
		if card.Next != nil {
			next := journeySessionOf(*card.Next, card.NextState)
			v.Next = &next
		}
		out.Items = append(out.Items, v)
	}
	c.JSON(http.StatusOK, out)
}

// progressView is one mentorship of a cohort as its coordinators follow
// it: sessions held of planned, those due by today, and whether it falls
// behind.
type progressView struct {
	Mentorship mentorshipView `json:"mentorship"`
	Held       int            `json:"held"`
	Planned    int            `json:"planned"`
	Due        int            `json:"due"`
	Behind     bool           `json:"behind"`
}

// cohortProgress answers GET /api/v1/alliances/{slug}/cohorts/{id}/progress
// (mentorships:manage): every mentorship of the cohort with its
// progress, those falling behind first.
func (s *Server) cohortProgress(c *gin.Context) {
	id, err := domain.ParseID(c.Param("id"))
	var list []service.Progress
	if err == nil {
		list, err = s.journey.CohortProgress(c.Request.Context(), callerOf(c), id)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	out := page[progressView]{Items: make([]progressView, 0, len(list))}
	for _, p := range list {
		m := mentorshipOf(p.Mentorship, true)
		m.Sessions = nil
		out.Items = append(out.Items, progressView{Mentorship: m, Held: p.Held, Planned: p.Planned, Due: p.Due, Behind: p.Behind})
	}
	c.JSON(http.StatusOK, out)
}
