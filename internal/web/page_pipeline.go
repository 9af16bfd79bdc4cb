package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// pipelinePageSize is how many applications a page of the list shows.
const pipelinePageSize = 50

// applicationsBase is the address of the alliance's applications.
func applicationsBase(a *domain.Alliance) string { return "/a/" + a.Slug + "/applications" }

// pipelineFilter is what the list of applications is filtered by, as its
// address gives it; a value the list does not know is left out.
type pipelineFilter struct {
	Cohort string
	Status string
	City   string
	Gender string
	Sector string
	Text   string
	Offset int
}

// pipelineFilterOf reads the filters of a query string.
func pipelineFilterOf(q url.Values) pipelineFilter {
	f := pipelineFilter{City: strings.TrimSpace(q.Get("city")), Text: strings.TrimSpace(q.Get("q"))}
	if id, err := domain.ParseID(q.Get("cohort")); err == nil {
		f.Cohort = id.String()
	}
	if st := domain.ApplicationStatus(q.Get("status")); st.Valid() {
		f.Status = string(st)
	}
	if g := domain.Gender(q.Get("gender")); slices.Contains(domain.Genders, g) {
		f.Gender = string(g)
	}
	if slices.Contains(domain.Sectors, q.Get("sector")) {
		f.Sector = q.Get("sector")
	}
	if n, err := strconv.Atoi(q.Get("offset")); err == nil && n > 0 {
		f.Offset = n
	}
	return f
}

// query writes the filters as a query string, at another offset.
func (f pipelineFilter) query(offset int) url.Values {
	q := url.Values{}
	for name, value := range map[string]string{"cohort": f.Cohort, "status": f.Status, "city": f.City,
		"gender": f.Gender, "sector": f.Sector, "q": f.Text} {
		if value != "" {
			q.Set(name, value)
		}
	}
	if offset > 0 {
		q.Set("offset", strconv.Itoa(offset))
	}
	return q
}

// serviceQuery is the filters as the service takes them.
func (f pipelineFilter) serviceQuery() service.PipelineQuery {
	q := service.PipelineQuery{City: f.City, Gender: domain.Gender(f.Gender), Sector: f.Sector, Text: f.Text,
		Limit: pipelinePageSize, Offset: f.Offset}
	if id, err := domain.ParseID(f.Cohort); err == nil {
		q.CohortID = &id
	}
	if f.Status != "" {
		q.Status = []domain.ApplicationStatus{domain.ApplicationStatus(f.Status)}
	}
	return q
}

// Filtering tells whether any filter is set.
func (f pipelineFilter) Filtering() bool { return len(f.query(0)) > 0 }

// pipelineRow is an application of the list with its cohort's name.
type pipelineRow struct {
	*domain.Application
	CohortName string
}

// bulkMoveTargets are the statuses staff move applications to: every
// target of the state machine, in the pipeline's order.
func bulkMoveTargets() []domain.ApplicationStatus {
	var out []domain.ApplicationStatus
	for _, to := range domain.ApplicationStatuses {
		for _, from := range domain.ApplicationStatuses {
			if slices.Contains(domain.AllowedMoves(from), to) {
				out = append(out, to)
				break
			}
		}
	}
	return out
}

// pipelinePage (GET /a/:slug/applications) lists the alliance's
// applications, the latest first, filtered by cohort, status, city,
// gender, sector and words (accents optional), a page at a time. Those
// who manage the pipeline tick applications to move them all at once.
func (s *Server) pipelinePage(c *gin.Context) {
	filter := pipelineFilterOf(c.Request.URL.Query())
	bulk := newForm(nil)
	bulk.Values.Set("query", filter.query(filter.Offset).Encode())
	s.renderPipeline(c, http.StatusOK, filter, bulk, nil)
}

// renderPipeline shows a page of the list with the bulk form and, after a
// refused bulk move, the applications that cannot move.
func (s *Server) renderPipeline(c *gin.Context, status int, filter pipelineFilter, bulk *form, refused []string) {
	ctx, caller := c.Request.Context(), callerOf(c)
	apps, total, err := s.applications.List(ctx, caller, filter.serviceQuery())
	if err != nil {
		s.failPage(c, err)
		return
	}
	cohorts, err := s.cohorts.List(ctx, caller)
	if err != nil {
		s.failPage(c, err)
		return
	}
	names := make(map[domain.ID]string, len(cohorts))
	for _, co := range cohorts {
		names[co.ID] = co.Name
	}
	rows := make([]pipelineRow, len(apps))
	for i, a := range apps {
		rows[i] = pipelineRow{Application: a, CohortName: names[a.CohortID]}
	}
	base := applicationsBase(caller.Alliance)
	prev, next := "", ""
	if filter.Offset > 0 {
		prev = base + "?" + filter.query(max(filter.Offset-pipelinePageSize, 0)).Encode()
	}
	if filter.Offset+len(apps) < total {
		next = base + "?" + filter.query(filter.Offset+len(apps)).Encode()
	}
	moved, _ := strconv.Atoi(c.Query("moved"))
	s.renderSection(c, status, "applications", "page.pipeline.title", gin.H{
		"Filter": filter, "Rows": rows, "Total": total, "From": filter.Offset + 1, "To": filter.Offset + len(apps),
		"Prev": prev, "Next": next, "Cohorts": cohorts, "Statuses": domain.ApplicationStatuses,
		"Genders": domain.Genders, "Sectors": domain.Sectors, "Targets": bulkMoveTargets(),
		"CanManage": s.can(c, authz.ObjPipeline, authz.ActManage), "Bulk": bulk, "Refused": refused, "Moved": moved,
	})
}
