package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
)

// reportFilter reads ?cohort_id=&from=&to=: one cohort, and the
// mentorships that started from one day to another, both included (days
// as YYYY-MM-DD). Each parameter that cannot be read is a field error.
func reportFilter(c *gin.Context) (store.ReportFilter, error) {
	var p domain.Problems
	f := store.ReportFilter{CohortID: idParam(&p, c, "cohort_id"), From: parseDate(&p, "from", c.Query("from"))}
	to := parseDate(&p, "to", c.Query("to"))
	switch {
	case to.IsZero():
	case !f.From.IsZero() && to.Before(f.From):
		p.Add("to", "validation.ends_after_start", nil)
	default:
		f.To = to.AddDate(0, 0, 1)
	}
	return f, p.Err()
}

// reportOver reads the filter and computes the report over it.
func (s *Server) reportOver(c *gin.Context) (*service.Summary, error) {
	f, err := reportFilter(c)
	if err != nil {
		return nil, err
	}
	return s.reports.Summary(c.Request.Context(), callerOf(c), f)
}

// reportSummary answers GET /api/v1/alliances/{slug}/reports/summary
// ?cohort_id=&from=&to= (reports:read): the figures the alliance reports
// to its funders — entrepreneurs by cohort, city and gender with the share
// of women, sessions planned and held, mentorships by status, peer
// sessions and their attendance, and how the businesses changed by the
// end survey. Aggregates only, so that observers may read them.
func (s *Server) reportSummary(c *gin.Context) {
	sum, err := s.reportOver(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, reportSummaryOf(sum))
}
