package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// mentorshipEnd answers POST /api/v1/alliances/{slug}/mentorships/{id}/end
// {reason} (mentorships:read; the mentor, the entrepreneur, or those who
// manage mentorships) → 200 with the journey, ended: its remaining
// sessions are cancelled, both people are mailed, and the application is
// accepted again so that the entrepreneur can be matched anew. A journey
// already over is 409.
func (s *Server) mentorshipEnd(c *gin.Context) {
	staff := s.callerMay(c, authz.ObjMentorships, authz.ActManage)
	id, err := domain.ParseID(c.Param("id"))
	var v *service.JourneyView
	if err == nil {
		// Whoever may not know of the mentorship finds nothing, before
		// anything is made of the body.
		_, err = s.journey.View(c.Request.Context(), callerOf(c), id, staff)
	}
	var in struct {
		Reason string `json:"reason"`
	}
	if err == nil {
		err = decodeJSON(c, &in)
	}
	if err == nil {
		_, err = s.journey.End(c.Request.Context(), callerOf(c), id, in.Reason, staff)
	}
	if err == nil {
		v, err = s.journey.View(c.Request.Context(), callerOf(c), id, staff)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, journeyOf(v, staff))
}

// surveyView is one person's answer to the end survey.
type surveyView struct {
	MentorshipID   domain.ID `json:"mentorship_id"`
	Side           string    `json:"side"`
	WouldRecommend bool      `json:"would_recommend"`
	WhatChanged    string    `json:"what_changed"`
	RevenueBand    string    `json:"revenue_band,omitempty"`
	Employees      *int      `json:"employees,omitempty"`
	SubmittedAt    time.Time `json:"submitted_at"`
}

// mentorshipSurvey answers POST
// /api/v1/alliances/{slug}/mentorships/{id}/survey
// {would_recommend,what_changed,revenue_band,employees} (mentorships:read;
// the mentor or the entrepreneur, each their own) → 201 with the answer,
// once the journey is over (else 409). The entrepreneur gives the
// business's revenue band and employees now, which the reports compare
// with the application; the mentor's answer has neither. Answering again
// replaces the answer.
func (s *Server) mentorshipSurvey(c *gin.Context) {
	v, err := s.mentorshipFor(c, "error.session.parties_only", service.SideMentor, service.SideEntrepreneur)
	var in struct {
		WouldRecommend bool   `json:"would_recommend"`
		WhatChanged    string `json:"what_changed"`
		RevenueBand    string `json:"revenue_band"`
		Employees      *int   `json:"employees"`
	}
	if err == nil {
		err = decodeJSON(c, &in)
	}
	var out *domain.EndSurvey
	if err == nil {
		out, err = s.journey.AnswerSurvey(c.Request.Context(), callerOf(c), v.Mentorship.ID, domain.EndSurvey{
			WouldRecommend: in.WouldRecommend, WhatChanged: in.WhatChanged, RevenueBand: in.RevenueBand, Employees: in.Employees})
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, surveyView{MentorshipID: out.MentorshipID, Side: out.Side, WouldRecommend: out.WouldRecommend,
		WhatChanged: out.WhatChanged, RevenueBand: out.RevenueBand, Employees: out.Employees, SubmittedAt: out.SubmittedAt.UTC()})
}
