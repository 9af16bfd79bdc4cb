package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// progressRow is one mentorship of a cohort's progress, with the length
// of its bar of sessions held, out of 100.
type progressRow struct {
	service.Progress
	Fill int
}

// progressPage (GET /a/:slug/cohorts/:id/progress) follows every
// mentorship of a cohort: the sessions held of those planned, with a bar,
// and the ones falling behind (fewer held than were due) first.
func (s *Server) progressPage(c *gin.Context) {
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		s.failPage(c, domain.NotFound())
		return
	}
	ctx, caller := c.Request.Context(), callerOf(c)
	list, err := s.journey.CohortProgress(ctx, caller, id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	co, err := s.cohorts.Get(ctx, caller.Alliance.ID, id)
	if err != nil {
		s.failPage(c, err)
		return
	}
	rows := make([]progressRow, len(list))
	behind := 0
	for i, p := range list {
		rows[i] = progressRow{Progress: p, Fill: barLength(p.Held, p.Planned, 100)}
		if p.Behind {
			behind++
		}
	}
	s.renderTitled(c, http.StatusOK, "progress", s.catalog.T(localeOf(c), "page.progress.title", map[string]any{"cohort": co.Name}),
		gin.H{"Cohort": co, "Rows": rows, "Behind": behind})
}
