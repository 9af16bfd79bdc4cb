package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// proposalPair is a pair of the proposed assignment: the application, the
// mentor with the score and reasons, and the value of its box.
type proposalPair struct {
	suggestionView
	Application *domain.Application
	Value       string // "application id:mentor id"
}

// proposalPage (GET /a/:slug/cohorts/:id/proposal) proposes a mentor for
// every accepted application of a cohort, the total score the highest
// within the mentors' free places: each pair with its score and reasons,
// every box ticked, then the applications left without a mentor. Nothing
// is saved until the form is sent.
func (s *Server) proposalPage(c *gin.Context) {
	co, ok := s.pageCohort(c)
	if !ok {
		return
	}
	s.renderProposal(c, http.StatusOK, co, nil)
}

// proposalSubmit (POST /a/:slug/cohorts/:id/proposal) makes the ticked
// pairs' mentorships at once, all or none, and shows what is left to
// match; when one pair cannot be made, nothing is, and the proposal comes
// back with the message and the boxes as they were.
func (s *Server) proposalSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	co, ok := s.pageCohort(c)
	if !ok {
		return
	}
	var reqs []service.MatchRequest
	for _, v := range f.Values["pairs"] {
		app, mentor, _ := strings.Cut(v, ":")
		appID, err1 := domain.ParseID(app)
		mentorID, err2 := domain.ParseID(mentor)
		if err1 == nil && err2 == nil {
			reqs = append(reqs, service.MatchRequest{ApplicationID: appID, MentorID: mentorID})
		}
	}
	made, err := s.matching.MatchMany(c.Request.Context(), callerOf(c), reqs, false)
	if err != nil {
		if status, ok := s.formFailed(c, f, s.statusNamed(c, err)); ok {
			s.renderProposal(c, status, co, f)
		}
		return
	}
	seeOther(c, cohortsBase(callerOf(c).Alliance)+"/"+co.ID.String()+"/proposal?matched="+strconv.Itoa(len(made)))
}

// renderProposal shows the proposed assignment of a cohort; f is nil for a
// proposal shown afresh, every box ticked.
func (s *Server) renderProposal(c *gin.Context, status int, co *domain.Cohort, f *form) {
	as, err := s.matching.SuggestAll(c.Request.Context(), callerOf(c), co.ID)
	if err != nil {
		s.failPage(c, err)
		return
	}
	fresh := f == nil
	if fresh {
		f = newForm(nil)
	}
	pairs := make([]proposalPair, len(as.Pairs))
	for i, p := range as.Pairs {
		pairs[i] = proposalPair{suggestionView: s.suggestionViews(c, []domain.MatchSuggestion{p.Suggestion})[0],
			Application: p.Application, Value: p.Application.ID.String() + ":" + p.Suggestion.MentorID.String()}
		if fresh {
			f.Values.Add("pairs", pairs[i].Value)
		}
	}
	matched, _ := strconv.Atoi(c.Query("matched"))
	s.renderTitled(c, status, "proposal", co.Name, gin.H{
		"Cohort": co, "Pairs": pairs, "Unassigned": as.Unassigned, "Total": as.TotalScore, "Form": f, "Matched": matched,
	})
}
