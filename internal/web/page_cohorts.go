package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// cohortsBase is the address of the alliance's cohorts.
func cohortsBase(a *domain.Alliance) string { return "/a/" + a.Slug + "/cohorts" }

// cohortRow is a cohort of the list: its places taken, its accepted
// applications waiting for a mentor, and its applications counted by
// status, in the pipeline's order, the empty statuses left out.
type cohortRow struct {
	service.CohortSummary
	Taken, Accepted int
	ByStatus        []statusCount
}

// statusCount is how many applications stand in one status.
type statusCount struct {
	Status domain.ApplicationStatus
	N      int
}

// cohortsPage (GET /a/:slug/cohorts) lists the alliance's cohorts, latest
// first: their dates, city, capacity and places taken, whether they take
// applications now, and their applications by status, with the links to
// each one's board and list. Those who manage cohorts get the links to
// create and edit them; those who match, to propose mentors for a cohort
// whose accepted applications wait for them.
func (s *Server) cohortsPage(c *gin.Context) {
	list, err := s.cohorts.List(c.Request.Context(), callerOf(c))
	if err != nil {
		s.failPage(c, err)
		return
	}
	rows := make([]cohortRow, len(list))
	for i, co := range list {
		rows[i] = cohortRow{CohortSummary: co, Accepted: co.Counts[domain.AppAccepted]}
		for _, st := range domain.ApplicationStatuses {
			n := co.Counts[st]
			if domain.TakesAPlace(st) {
				rows[i].Taken += n
			}
			if n > 0 {
				rows[i].ByStatus = append(rows[i].ByStatus, statusCount{Status: st, N: n})
			}
		}
	}
	s.renderSection(c, http.StatusOK, "cohorts", "page.cohorts.title", gin.H{
		"Cohorts":   rows,
		"CanManage": s.can(c, authz.ObjCohorts, authz.ActManage),
		"CanMatch":  s.can(c, authz.ObjMentorships, authz.ActManage),
		"Saved":     c.Query("saved") == "1",
	})
}
