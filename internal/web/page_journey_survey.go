package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// surveyJourney loads the journey of the path for one of its two people,
// who alone answer its survey: staff are told so, and anyone else finds
// nothing; ok is false then, the error page sent.
func (s *Server) surveyJourney(c *gin.Context) (*service.JourneyView, bool) {
	v, _, ok := s.pageJourney(c)
	if ok && v.Side == service.SideStaff {
		s.failPage(c, domain.E(domain.CodeForbidden, "error.session.parties_only", nil))
		return nil, false
	}
	return v, ok
}

// surveyPage (GET /a/:slug/mentorships/:id/survey) is the end survey of a
// mentorship for one of its two people, once it is over: would they
// recommend it, what changed and, for the entrepreneur, the business's
// revenue band and employees now. Before the end, the page says when it
// opens.
func (s *Server) surveyPage(c *gin.Context) {
	v, ok := s.surveyJourney(c)
	if !ok {
		return
	}
	s.renderSurvey(c, http.StatusOK, v, newForm(nil))
}

// surveySubmit (POST /a/:slug/mentorships/:id/survey) records the
// caller's answers; answering again replaces them. A form with mistakes
// comes back with what was typed and a message next to each.
func (s *Server) surveySubmit(c *gin.Context) {
	v, ok := s.surveyJourney(c)
	if !ok {
		return
	}
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	survey := domain.EndSurvey{WhatChanged: strings.ReplaceAll(f.V("what_changed"), "\r\n", "\n"), RevenueBand: f.V("revenue_band"),
		WouldRecommend: f.V("would_recommend") == "yes"}
	if v := strings.TrimSpace(f.V("employees")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			n = -1 // out of range: the service says so
		}
		survey.Employees = &n
	}
	caller := callerOf(c)
	var err error
	switch f.V("would_recommend") {
	case "yes", "no":
		_, err = s.journey.AnswerSurvey(c.Request.Context(), caller, v.Mentorship.ID, survey)
	default:
		// Not answered: nothing is saved, and the other fields are checked
		// all the same.
		f.fail("would_recommend", s.t(c, "validation.required"))
		survey.Side = string(v.Side)
		if err = survey.Validate(); err == nil {
			err = domain.E(domain.CodeInvalid, "", nil)
		}
	}
	if err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderSurvey(c, status, v, f)
		}
		return
	}
	seeOther(c, mentorshipPath(caller.Alliance, v.Mentorship.ID)+"?done=survey")
}

// renderSurvey shows the end survey's form.
func (s *Server) renderSurvey(c *gin.Context, status int, v *service.JourneyView, f *form) {
	s.renderSection(c, status, "survey", "page.survey.title", gin.H{
		"Mentorship": v.Mentorship, "Form": f, "Base": mentorshipPath(callerOf(c).Alliance, v.Mentorship.ID),
		"Entrepreneur": v.Side == service.SideEntrepreneur, "Over": v.Mentorship.Status != domain.MentorshipActive,
		"Bands": domain.RevenueBands,
	})
}
