package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// matchSuggestions answers GET
// /api/v1/alliances/{slug}/applications/{id}/match-suggestions
// (mentorships:manage) → {items}: every active mentor ranked for an
// accepted application, eligible first, each with a score and the reasons
// in the caller's language; an ineligible mentor says why. An application
// that is not accepted is 409.
func (s *Server) matchSuggestions(c *gin.Context) {
	id, err := domain.ParseID(c.Param("id"))
	var ranked []domain.MatchSuggestion
	if err == nil {
		ranked, err = s.matching.Suggestions(c.Request.Context(), callerOf(c), id)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	words := matchWords{catalog: s.catalog, loc: localeOf(c)}
	out := make([]matchSuggestionView, 0, len(ranked))
	for _, sg := range ranked {
		out = append(out, words.suggestion(sg))
	}
	c.JSON(http.StatusOK, gin.H{"items": out})
}

// matchProposal answers GET
// /api/v1/alliances/{slug}/cohorts/{id}/match-proposal
// (mentorships:manage): a mentor proposed for every accepted application
// of the cohort, so that the total score is the highest within the
// eligible mentors' free places, and the applications left without one.
// Nothing is saved: the pairs are made with POST …/mentorships/bulk.
func (s *Server) matchProposal(c *gin.Context) {
	id, err := domain.ParseID(c.Param("id"))
	var a *service.Assignment
	if err == nil {
		a, err = s.matching.SuggestAll(c.Request.Context(), callerOf(c), id)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, matchWords{catalog: s.catalog, loc: localeOf(c)}.proposal(a))
}

// mentorshipCreate answers POST /api/v1/alliances/{slug}/mentorships
// {application_id,mentor_id,override_reason} (mentorships:manage) → 201
// with the mentorship and its planned sessions. A mentor with no free
// place, or who has not accepted the current charter, is refused (409,
// each reason named) unless an admin overrides with a reason; someone who
// is not an active mentor of the alliance is a field error.
func (s *Server) mentorshipCreate(c *gin.Context) {
	var in struct {
		pairBody
		OverrideReason string `json:"override_reason"`
	}
	err := decodeJSON(c, &in)
	var req service.MatchRequest
	if err == nil {
		var p domain.Problems
		req = in.request(&p, "")
		req.OverrideReason = in.OverrideReason
		err = p.Err()
	}
	var m *domain.Mentorship
	if err == nil {
		m, err = s.matching.Match(c.Request.Context(), callerOf(c), req, s.callerMay(c, authz.ObjMentorships, authz.ActOverride))
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, mentorshipOf(m, true))
}

// mentorshipBulk answers POST /api/v1/alliances/{slug}/mentorships/bulk
// {pairs:[{application_id,mentor_id}]} (mentorships:manage) → 201
// {items}: several mentorships made at once, such as a reviewed
// proposal, all or none.
func (s *Server) mentorshipBulk(c *gin.Context) {
	var in struct {
		Pairs []pairBody `json:"pairs"`
	}
	err := decodeJSON(c, &in)
	reqs := make([]service.MatchRequest, 0, len(in.Pairs))
	if err == nil {
		var p domain.Problems
		for i, pair := range in.Pairs {
			reqs = append(reqs, pair.request(&p, "pairs["+strconv.Itoa(i)+"]."))
		}
		err = p.Err()
	}
	var made []*domain.Mentorship
	if err == nil {
		made, err = s.matching.MatchMany(c.Request.Context(), callerOf(c), reqs, s.callerMay(c, authz.ObjMentorships, authz.ActOverride))
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"items": mentorshipsOf(made, true)})
}
