package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
)

// mentorshipPath is the address of one of the alliance's mentorships.
func mentorshipPath(a *domain.Alliance, id domain.ID) string {
	return "/a/" + a.Slug + "/mentorships/" + id.String()
}

// mentorshipPage (GET /a/:slug/mentorships/:id) sums up a mentorship: the
// mentor, the entrepreneur and their business, the cohort, the dates,
// and its sessions as planned. Staff see every mentorship, and why an
// admin overrode the rules to make it; a mentor or an entrepreneur sees
// their own, and anyone else finds nothing.
func (s *Server) mentorshipPage(c *gin.Context) {
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		s.failPage(c, domain.NotFound())
		return
	}
	ctx, caller := c.Request.Context(), callerOf(c)
	staff := s.can(c, authz.ObjMentorships, authz.ActManage)
	m, err := s.mentorships.Get(ctx, caller, id, staff)
	if err != nil {
		s.failPage(c, err)
		return
	}
	co, err := s.cohorts.Get(ctx, caller.Alliance.ID, m.CohortID)
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.renderTitled(c, http.StatusOK, "mentorship_summary", m.EntrepreneurName+" · "+m.MentorName, gin.H{
		"Mentorship": m, "Cohort": co, "Staff": staff, "Matched": c.Query("matched") == "1",
		"CanReadPipeline": s.can(c, authz.ObjPipeline, authz.ActRead),
	})
}
