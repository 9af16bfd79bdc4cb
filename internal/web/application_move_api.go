package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// applicationTransition answers POST
// /api/v1/alliances/{slug}/applications/{id}/transitions {to,note}
// (pipeline:manage) → 200 with the application. A move the pipeline does
// not allow from where it stands is 409 with the allowed ones; an
// acceptance into a full cohort is 409 naming its capacity. A decision
// is mailed to the applicant.
func (s *Server) applicationTransition(c *gin.Context) {
	id, err := s.screenedParam(c)
	var in moveBody
	if err == nil {
		err = decodeJSON(c, &in)
	}
	if err == nil {
		_, err = s.applications.Move(c.Request.Context(), callerOf(c), id, in.To, in.Note)
	}
	s.answerApplication(c, http.StatusOK, callerOf(c), id, true, err)
}

// applicationTransitions answers POST
// /api/v1/alliances/{slug}/applications/transitions {ids,to,note}
// (pipeline:manage) → 200 {items}: several applications moved at once,
// all or none; when one cannot move, nothing changes and the 409 names
// each that cannot.
func (s *Server) applicationTransitions(c *gin.Context) {
	var in struct {
		IDs []string `json:"ids"`
		moveBody
	}
	err := decodeJSON(c, &in)
	var ids []domain.ID
	if err == nil {
		var p domain.Problems
		ids = parseIDs(&p, "ids", in.IDs)
		err = p.Err()
	}
	var moved []*domain.Application
	if err == nil {
		moved, err = s.applications.MoveMany(c.Request.Context(), callerOf(c), ids, in.To, in.Note)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": applicationSummariesOf(moved)})
}

// applicationWithdraw answers POST
// /api/v1/alliances/{slug}/applications/{id}/withdraw (signed in) → 200
// with the application: its applicant takes it back while it is being
// screened (409 after). Anyone else finds no such application.
func (s *Server) applicationWithdraw(c *gin.Context) {
	caller, _, err := s.applicationCaller(c)
	var id domain.ID
	if err == nil {
		id, err = domain.ParseID(c.Param("id"))
	}
	if err == nil {
		_, err = s.applications.Withdraw(c.Request.Context(), caller, id)
	}
	s.answerApplication(c, http.StatusOK, caller, id, false, err)
}
