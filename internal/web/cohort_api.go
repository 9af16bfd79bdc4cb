package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// cohortList answers GET /api/v1/alliances/{slug}/cohorts (cohorts:read):
// every cohort, the latest start first, with its applications counted by
// status and whether its form is open now.
func (s *Server) cohortList(c *gin.Context) {
	list, err := s.cohorts.List(c.Request.Context(), callerOf(c))
	if err != nil {
		s.fail(c, err)
		return
	}
	out := page[cohortSummaryView]{Items: make([]cohortSummaryView, 0, len(list))}
	for _, cs := range list {
		out.Items = append(out.Items, cohortSummaryOf(cs))
	}
	c.JSON(http.StatusOK, out)
}

// cohortCreate answers POST /api/v1/alliances/{slug}/cohorts
// {name,city,starts_on,ends_on,capacity,applications_open,closes_on}
// (cohorts:manage) → 201 with the cohort.
func (s *Server) cohortCreate(c *gin.Context) {
	var body cohortBody
	err := decodeJSON(c, &body)
	var co *domain.Cohort
	if err == nil {
		co, err = body.cohort()
	}
	if err == nil {
		err = s.cohorts.Create(c.Request.Context(), callerOf(c), co)
	}
	s.answerCohort(c, http.StatusCreated, co, err)
}

// cohortParam finds the cohort of the route's {id}; anything but a UUID
// is not found.
func (s *Server) cohortParam(c *gin.Context) (*domain.Cohort, error) {
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		return nil, err
	}
	return s.cohorts.Get(c.Request.Context(), callerOf(c).Alliance.ID, id)
}

// cohortGet answers GET /api/v1/alliances/{slug}/cohorts/{id}
// (cohorts:read).
func (s *Server) cohortGet(c *gin.Context) {
	co, err := s.cohortParam(c)
	s.answerCohort(c, http.StatusOK, co, err)
}

// cohortUpdate answers PATCH /api/v1/alliances/{slug}/cohorts/{id}
// (cohorts:manage): the body replaces the cohort whole, as for its
// creation; its capacity cannot go below the places already taken.
func (s *Server) cohortUpdate(c *gin.Context) {
	old, err := s.cohortParam(c)
	var body cohortBody
	if err == nil {
		err = decodeJSON(c, &body)
	}
	var co *domain.Cohort
	if err == nil {
		co, err = body.cohort()
	}
	if err == nil {
		co.ID = old.ID
		err = s.cohorts.Update(c.Request.Context(), callerOf(c), co)
	}
	s.answerCohort(c, http.StatusOK, co, err)
}

// answerCohort answers a cohort with status, or err.
func (s *Server) answerCohort(c *gin.Context, status int, co *domain.Cohort, err error) {
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(status, cohortOf(co, co.TakesApplications(time.Now())))
}
