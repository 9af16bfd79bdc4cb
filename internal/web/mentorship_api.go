package web

import (
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// mentorshipStatuses are the statuses ?status= may name.
var mentorshipStatuses = []domain.MentorshipStatus{domain.MentorshipActive, domain.MentorshipCompleted, domain.MentorshipEnded}

// mentorshipList answers GET /api/v1/alliances/{slug}/mentorships
// ?cohort_id=&status= (mentorships:read): every mentorship of the
// alliance to those who manage them, else the caller's own, as mentor or
// as entrepreneur; newest first, without their sessions.
func (s *Server) mentorshipList(c *gin.Context) {
	staff := s.callerMay(c, authz.ObjMentorships, authz.ActManage)
	q := service.MentorshipQuery{All: staff}
	var p domain.Problems
	q.CohortID = idParam(&p, c, "cohort_id")
	for _, v := range listParam(c, "status") {
		st := domain.MentorshipStatus(v)
		if !slices.Contains(mentorshipStatuses, st) {
			p.Add("status", "validation.one_of", map[string]any{"values": "active, completed, ended"})
			break
		}
		q.Status = append(q.Status, st)
	}
	err := p.Err()
	var ms []*domain.Mentorship
	if err == nil {
		ms, err = s.mentorships.List(c.Request.Context(), callerOf(c), q)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, page[mentorshipView]{Items: mentorshipsOf(ms, staff)})
}

// mentorshipGet answers GET /api/v1/alliances/{slug}/mentorships/{id}
// (mentorships:read): the mentorship with its sessions, to those who
// manage mentorships and to its mentor and entrepreneur; anyone else
// finds nothing.
func (s *Server) mentorshipGet(c *gin.Context) {
	staff := s.callerMay(c, authz.ObjMentorships, authz.ActManage)
	id, err := domain.ParseID(c.Param("id"))
	var m *domain.Mentorship
	if err == nil {
		m, err = s.mentorships.Get(c.Request.Context(), callerOf(c), id, staff)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, mentorshipOf(m, staff))
}
