package web

import (
	"math"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
)

// reportPage (GET /a/:slug/reports) is the alliance's report to its
// funders, over one cohort or all, and the mentorships that started
// between two days: the headline figures (entrepreneurs, the share of
// women, the sessions' completion rate, the mentorships by outcome, the
// peer sessions and their attendance), bar charts of the entrepreneurs
// by cohort, city and gender and of the sessions planned and held by
// cohort, the change in revenue and jobs by gender, and the links to the
// CSV exports of the same filter (the one by entrepreneur for those who
// may export). Figures only: never a person's name.
func (s *Server) reportPage(c *gin.Context) {
	ctx, caller := c.Request.Context(), callerOf(c)
	cohorts, err := s.cohorts.List(ctx, caller)
	if err != nil {
		s.failPage(c, err)
		return
	}
	q := c.Request.URL.Query()
	f := newForm(url.Values{"cohort_id": {q.Get("cohort_id")}, "from": {q.Get("from")}, "to": {q.Get("to")}})
	data := gin.H{"Form": f, "Cohorts": cohorts}
	filter, err := reportFilterOf(f, cohorts)
	if err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderSection(c, status, "report", "page.report.title", data)
		}
		return
	}
	sum, err := s.reports.Summary(ctx, caller, filter)
	if err != nil {
		s.failPage(c, err)
		return
	}
	loc := localeOf(c)
	t := func(key string, args map[string]any) string { return s.catalog.T(loc, key, args) }
	women := func(id string, buckets []service.Bucket, label func(service.Bucket) string) barChart {
		lines := make([]chartLine, len(buckets))
		for i, b := range buckets {
			lines[i] = chartLine{Label: label(b), Figures: t("page.report.chart.women_of", map[string]any{
				"count": b.Entrepreneurs, "women": b.Women}), Whole: b.Entrepreneurs, Part: b.Women}
		}
		return newBarChart(id, lines)
	}
	named := func(b service.Bucket) string {
		if strings.TrimSpace(b.Label) == "" {
			return t("page.report.unknown", nil)
		}
		return b.Label
	}
	sessions := make([]chartLine, len(sum.ByCohort))
	for i, b := range sum.ByCohort {
		sessions[i] = chartLine{Label: named(b), Figures: t("page.report.chart.held_of", map[string]any{"held": b.SessionsHeld,
			"planned": b.SessionsPlanned, "percent": t("page.report.percent", map[string]any{"percent": percentOf(b.CompletionRate())})}),
			Whole: b.SessionsPlanned, Part: b.SessionsHeld}
	}
	genders := make([]chartLine, len(sum.ByGender))
	for i, b := range sum.ByGender {
		genders[i] = chartLine{Label: t("gender."+b.Label, nil), Figures: t("page.report.chart.count", map[string]any{
			"count": b.Entrepreneurs}), Part: b.Entrepreneurs}
	}
	data["Summary"] = sum
	var outcomes []outcomeCount
	for _, st := range []domain.MentorshipStatus{domain.MentorshipActive, domain.MentorshipCompleted, domain.MentorshipEnded} {
		outcomes = append(outcomes, outcomeCount{Status: st, N: sum.Mentorships[st]})
	}
	data["Outcomes"] = outcomes
	data["ByCohort"] = women("chart-cohorts", sum.ByCohort, named)
	data["ByCity"] = women("chart-cities", sum.ByCity, named)
	data["ByGender"] = newBarChart("chart-genders", genders)
	data["Sessions"] = newBarChart("chart-sessions", sessions)
	data["Export"], data["ExportPeople"] = reportExports(caller.Alliance, f, s.can(c, authz.ObjReports, authz.ActExport))
	s.renderSection(c, http.StatusOK, "report", "page.report.title", data)
}

// outcomeCount is how many of the report's mentorships stand in one
// status.
type outcomeCount struct {
	Status domain.MentorshipStatus
	N      int
}

// reportFilterOf reads the report's filter: one of the cohorts, and the
// first and last days (both included) of the mentorships' starts.
func reportFilterOf(f *form, cohorts []service.CohortSummary) (store.ReportFilter, error) {
	var out store.ReportFilter
	var p domain.Problems
	if v := f.V("cohort_id"); v != "" {
		id, err := domain.ParseID(v)
		known := false
		for _, co := range cohorts {
			known = known || (err == nil && co.ID == id)
		}
		if !known {
			p.Add("cohort_id", "validation.cohort_unknown", nil)
		} else {
			out.CohortID = &id
		}
	}
	out.From = parseDate(&p, "from", f.V("from"))
	if to := parseDate(&p, "to", f.V("to")); !to.IsZero() {
		out.To = to.AddDate(0, 0, 1)
		if !out.From.IsZero() && to.Before(out.From) {
			p.Add("to", "validation.ends_after_start", nil)
		}
	}
	return out, p.Err()
}

// reportExports are the addresses of the report's CSV exports, with the
// page's filter: the figures for every reader, and the rows by
// entrepreneur for those who may export ("" for the others).
func reportExports(a *domain.Alliance, f *form, people bool) (figures, byPerson string) {
	kept := url.Values{}
	for _, k := range []string{"cohort_id", "from", "to"} {
		if v := f.V(k); v != "" {
			kept.Set(k, v)
		}
	}
	query := ""
	if len(kept) > 0 {
		query = "?" + kept.Encode()
	}
	base := "/api/v1/alliances/" + a.Slug + "/reports"
	if people {
		byPerson = base + "/entrepreneurs.csv" + query
	}
	return base + "/export.csv" + query, byPerson
}

// percentOf is a share as a whole percentage.
func percentOf(share float64) int { return int(math.Round(share * 100)) }

// Percent shows a share as a whole percentage, the way the page's
// language writes it.
func (v view) Percent(share float64) string {
	return v.T("page.report.percent", "percent", percentOf(share))
}
