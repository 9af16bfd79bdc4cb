package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
)

// cohortNewPage (GET /a/:slug/cohorts/new) is the form to create a
// cohort, taking applications to begin with.
func (s *Server) cohortNewPage(c *gin.Context) {
	f := newForm(nil)
	f.Values.Set("applications_open", "yes")
	s.renderCohortForm(c, http.StatusOK, nil, f)
}

// cohortNewSubmit (POST /a/:slug/cohorts/new) creates the cohort and goes
// back to the list; a form with mistakes comes back with what was typed
// and a message next to each field.
func (s *Server) cohortNewSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	co, err := cohortFromForm(f)
	if err == nil {
		err = s.cohorts.Create(c.Request.Context(), callerOf(c), co)
	}
	if err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderCohortForm(c, status, nil, f)
		}
		return
	}
	seeOther(c, cohortsBase(callerOf(c).Alliance)+"?saved=1")
}

// cohortPage (GET /a/:slug/cohorts/:id) shows a cohort's form, filled in:
// to edit for those who manage cohorts, to read for the others.
func (s *Server) cohortPage(c *gin.Context) {
	co, ok := s.pageCohort(c)
	if !ok {
		return
	}
	s.renderCohortForm(c, http.StatusOK, co, formOfCohort(co))
}

// cohortSubmit (POST /a/:slug/cohorts/:id) saves a cohort's fields and
// goes back to the list; its capacity cannot go below the places taken.
func (s *Server) cohortSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	old, ok := s.pageCohort(c)
	if !ok {
		return
	}
	co, err := cohortFromForm(f)
	if err == nil {
		co.ID = old.ID
		err = s.cohorts.Update(c.Request.Context(), callerOf(c), co)
	}
	if err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderCohortForm(c, status, old, f)
		}
		return
	}
	seeOther(c, cohortsBase(callerOf(c).Alliance)+"?saved=1")
}

// pageCohort loads the cohort of the path; an id that is not one of the
// alliance's cohorts gets the error page, and ok is false.
func (s *Server) pageCohort(c *gin.Context) (*domain.Cohort, bool) {
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		s.failPage(c, domain.NotFound())
		return nil, false
	}
	co, err := s.cohorts.Get(c.Request.Context(), callerOf(c).Alliance.ID, id)
	if err != nil {
		s.failPage(c, err)
		return nil, false
	}
	return co, true
}

// formOfCohort fills the form with a cohort's fields.
func formOfCohort(co *domain.Cohort) *form {
	f := newForm(nil)
	f.Values.Set("name", co.Name)
	f.Values.Set("city", co.City)
	f.Values.Set("starts_on", co.StartsOn.Format(time.DateOnly))
	f.Values.Set("ends_on", co.EndsOn.Format(time.DateOnly))
	f.Values.Set("capacity", strconv.Itoa(co.Capacity))
	if co.ApplicationsOpen {
		f.Values.Set("applications_open", "yes")
	}
	if co.ClosesOn != nil {
		f.Values.Set("closes_on", co.ClosesOn.Format(time.DateOnly))
	}
	return f
}

// cohortFromForm reads the form into a cohort. A capacity that is not a
// number stands for one out of range. A date that does not parse makes
// the form invalid at once, with every other field checked too: the
// service would take a closing date left out for none.
func cohortFromForm(f *form) (*domain.Cohort, error) {
	var p domain.Problems
	day := func(field string) *time.Time {
		v := strings.TrimSpace(f.V(field))
		if v == "" {
			return nil
		}
		t, ok := domain.ParseDay(v)
		if !ok {
			p.Add(field, "validation.date", nil)
			return nil
		}
		return &t
	}
	co := &domain.Cohort{Name: f.V("name"), City: f.V("city"), ApplicationsOpen: f.V("applications_open") == "yes",
		ClosesOn: day("closes_on")}
	if t := day("starts_on"); t != nil {
		co.StartsOn = *t
	}
	if t := day("ends_on"); t != nil {
		co.EndsOn = *t
	}
	if n, err := strconv.Atoi(strings.TrimSpace(f.V("capacity"))); err == nil {
		co.Capacity = n
	} else {
		co.Capacity = -1
	}
	if p.Err() == nil {
		return co, nil
	}
	co.Normalize()
	if err := co.Validate(); err != nil {
		for _, fe := range domain.AsError(err).Fields {
			p.Add(fe.Field, fe.Key, fe.Args)
		}
	}
	return co, p.Err()
}

// renderCohortForm shows the form of a new cohort (co nil) or of one
// that exists.
func (s *Server) renderCohortForm(c *gin.Context, status int, co *domain.Cohort, f *form) {
	data := gin.H{"Cohort": co, "Form": f, "CanManage": s.can(c, authz.ObjCohorts, authz.ActManage)}
	if co == nil {
		s.renderSection(c, status, "cohort_form", "page.cohorts.new.title", data)
		return
	}
	s.renderTitled(c, status, "cohort_form", co.Name, data)
}
