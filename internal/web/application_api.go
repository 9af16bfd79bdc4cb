package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// applicationCreate answers POST /api/v1/alliances/{slug}/applications
// (anyone, no account needed) → 201 {id,status}: an application to one of
// the alliance's open cohorts. The applicant's account is the one of
// their e-mail, opened when there is none; the link to follow the
// application goes to that address only. Applications from one address
// are throttled (429 with Retry-After).
func (s *Server) applicationCreate(c *gin.Context) {
	var body applicationBody
	if err := decodeJSON(c, &body); err != nil {
		s.fail(c, err)
		return
	}
	sub, err := s.applications.Apply(c.Request.Context(), allianceOf(c), body.form(localeOf(c)), c.ClientIP())
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"id": sub.Application.ID, "status": sub.Application.Status})
}

// pipelineQuery reads ?status=a,b&cohort_id=&city=&gender=&sector=&q=
// &limit=&offset=, naming every parameter it cannot read; the service
// refuses unknown statuses, genders and sectors.
func pipelineQuery(c *gin.Context) (service.PipelineQuery, error) {
	q := service.PipelineQuery{City: c.Query("city"), Gender: domain.Gender(c.Query("gender")), Sector: c.Query("sector"), Text: c.Query("q")}
	for _, st := range listParam(c, "status") {
		q.Status = append(q.Status, domain.ApplicationStatus(st))
	}
	var p domain.Problems
	q.CohortID = idParam(&p, c, "cohort_id")
	q.Offset = offsetParam(&p, c)
	limit, err := listLimit(c)
	if err != nil {
		return q, err
	}
	q.Limit = limit
	return q, p.Err()
}

// applicationList answers GET /api/v1/alliances/{slug}/applications
// ?status=&cohort_id=&city=&gender=&sector=&q=&limit=&offset=
// (pipeline:read) → {items,total}: the latest first, without the long
// texts, and how many match in all.
func (s *Server) applicationList(c *gin.Context) {
	q, err := pipelineQuery(c)
	var apps []*domain.Application
	var total int
	if err == nil {
		apps, total, err = s.applications.List(c.Request.Context(), callerOf(c), q)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": applicationSummariesOf(apps), "total": total})
}

// applicationCaller is the caller of an application's public route: a
// signed-in user, with their membership when it is active. screens says
// whether their roles may read the pipeline. Nobody signed in is 401.
func (s *Server) applicationCaller(c *gin.Context) (caller service.Caller, screens bool, err error) {
	sess := sessionOf(c)
	if sess == nil {
		if authErr, ok := c.Get(keyAuthErr); ok && domain.ErrorCode(authErr.(error)) != domain.CodeInternal {
			return caller, false, authErr.(error)
		}
		return caller, false, domain.E(domain.CodeUnauthenticated, "", nil)
	}
	ctx := c.Request.Context()
	a := allianceOf(c)
	caller = service.Caller{Actor: actorOf(c), Alliance: a}
	m, err := s.members.Membership(ctx, a.ID, sess.User.ID)
	switch {
	case domain.ErrorCode(err) == domain.CodeNotFound:
		return caller, false, nil
	case err != nil:
		return caller, false, err
	case m.Status != domain.StatusActive:
		return caller, false, nil
	}
	caller.Member = m
	screens, err = s.enforcer.Allowed(ctx, m.Roles, a.ID, authz.Permission{Object: authz.ObjPipeline, Action: authz.ActRead})
	if err != nil {
		return caller, false, domain.Unavailable(err)
	}
	return caller, screens, nil
}

// applicationGet answers GET /api/v1/alliances/{slug}/applications/{id}
// (signed in): to those who may read the pipeline, the whole application
// with the screeners' notes and the moves allowed now; to its applicant,
// their own without the notes; to anyone else, not found.
func (s *Server) applicationGet(c *gin.Context) {
	caller, screens, err := s.applicationCaller(c)
	var id domain.ID
	if err == nil {
		id, err = domain.ParseID(c.Param("id"))
	}
	s.answerApplication(c, http.StatusOK, caller, id, screens, err)
}

// answerApplication answers the application id as caller may see it,
// with status, or err.
func (s *Server) answerApplication(c *gin.Context, status int, caller service.Caller, id domain.ID, screens bool, err error) {
	var d *service.ApplicationDetail
	if err == nil {
		d, err = s.applications.Get(c.Request.Context(), caller, id, screens)
	}
	switch {
	case err != nil:
		s.fail(c, err)
	case screens:
		c.JSON(status, screenedApplicationOf(d))
	default:
		c.JSON(status, applicationOf(d))
	}
}

// screenedParam finds the application of the route's {id} for those who
// screen it, before anything is made of the body; anything but a UUID is
// not found.
func (s *Server) screenedParam(c *gin.Context) (domain.ID, error) {
	id, err := domain.ParseID(c.Param("id"))
	if err == nil {
		_, err = s.applications.Get(c.Request.Context(), callerOf(c), id, true)
	}
	return id, err
}

// applicationNote answers POST
// /api/v1/alliances/{slug}/applications/{id}/notes {text,score}
// (pipeline:manage) → 201 with the note: a screener's remark, a score
// from 1 to 5, or both.
func (s *Server) applicationNote(c *gin.Context) {
	id, err := s.screenedParam(c)
	var in struct {
		Text  string `json:"text"`
		Score *int   `json:"score"`
	}
	if err == nil {
		err = decodeJSON(c, &in)
	}
	var n *domain.ApplicationNote
	if err == nil {
		n, err = s.applications.AddNote(c.Request.Context(), callerOf(c), id, domain.ApplicationNote{Text: in.Text, Score: in.Score})
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusCreated, applicationNoteOf(n))
}
