package web

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/service"
)

// boardCardsShown is how many cards a column of the board shows; the
// rest are in the list, filtered by the column's status.
const boardCardsShown = 10

// boardColumn is a column of the board with the address of the whole
// list of its status.
type boardColumn struct {
	service.BoardColumn
	ListHref string
}

// boardPage (GET /a/:slug/cohorts/:id/board) shows a cohort's pipeline as
// a board: a column per status with its count and its first cards (name,
// business, city, mean score), each leading to the application. On a
// phone the columns scroll sideways within the board.
func (s *Server) boardPage(c *gin.Context) {
	co, ok := s.pageCohort(c)
	if !ok {
		return
	}
	caller := callerOf(c)
	cols, err := s.applications.Board(c.Request.Context(), caller, co.ID, boardCardsShown)
	if err != nil {
		s.failPage(c, err)
		return
	}
	columns := make([]boardColumn, len(cols))
	total := 0
	for i, col := range cols {
		q := url.Values{"cohort": {co.ID.String()}, "status": {string(col.Status)}}
		columns[i] = boardColumn{BoardColumn: col, ListHref: applicationsBase(caller.Alliance) + "?" + q.Encode()}
		total += col.Total
	}
	s.renderTitled(c, http.StatusOK, "board", co.Name, gin.H{
		"Cohort": co, "Columns": columns, "Total": total,
		"ListHref": applicationsBase(caller.Alliance) + "?" + url.Values{"cohort": {co.ID.String()}}.Encode(),
	})
}
