package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// applicationForms are the forms of an application's page for those who
// screen it, each with what was typed and its messages after a refused
// post.
type applicationForms struct {
	Note, Move, Match *form
}

// applicationPage (GET /a/:slug/applications/:id) shows an application.
// Those who screen (pipeline read) see everything the applicant wrote, the
// notes and the history, and, when they may, the forms to note, move and
// match it; a signed-in applicant sees their own application; a visitor
// is sent to sign in, and anyone else finds nothing.
func (s *Server) applicationPage(c *gin.Context) {
	if sessionOf(c) == nil {
		s.failFor(c, domain.E(domain.CodeUnauthenticated, "", nil))
		return
	}
	if s.asScreener(c) {
		if d, ok := s.pageApplication(c); ok {
			s.renderApplication(c, http.StatusOK, d, applicationForms{})
		}
		return
	}
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		s.failPage(c, domain.NotFound())
		return
	}
	caller := service.Caller{Actor: actorOf(c), Alliance: allianceOf(c)}
	d, err := s.applications.Get(c.Request.Context(), caller, id, false)
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.renderApplicantApplication(c, d)
}

// asScreener tells whether the signed-in caller is an active member of the
// route's alliance whose roles read the pipeline; if so, the request goes
// on as theirs, as behind requirePermission.
func (s *Server) asScreener(c *gin.Context) bool {
	a, sess := allianceOf(c), sessionOf(c)
	m, err := s.members.Membership(c.Request.Context(), a.ID, sess.User.ID)
	if err != nil || m.Status != domain.StatusActive {
		return false
	}
	ok, err := s.enforcer.Allowed(c.Request.Context(), m.Roles, a.ID, authz.Permission{Object: authz.ObjPipeline, Action: authz.ActRead})
	if err != nil {
		s.log.Warn("permission check", "request_id", requestID(c), "err", err)
	}
	if !ok || err != nil {
		return false
	}
	useAlliance(c, a)
	c.Set(keyCaller, service.Caller{Actor: actorOf(c), Alliance: a, Member: m})
	return true
}

// pageApplication loads the application of the path for those who screen
// it; an id that is not one of the alliance's applications gets the error
// page, and ok is false.
func (s *Server) pageApplication(c *gin.Context) (*service.ApplicationDetail, bool) {
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		s.failPage(c, domain.NotFound())
		return nil, false
	}
	d, err := s.applications.Get(c.Request.Context(), callerOf(c), id, true)
	if err != nil {
		s.failPage(c, err)
		return nil, false
	}
	return d, true
}

// renderApplication shows an application to those who screen it: what the
// applicant wrote, the cohort, the mean score, the notes, the history, the
// moves allowed now and, once accepted, the mentors suggested; once
// matched, the link to the mentorship.
func (s *Server) renderApplication(c *gin.Context, status int, d *service.ApplicationDetail, forms applicationForms) {
	ctx, caller := c.Request.Context(), callerOf(c)
	forms = applicationForms{Note: orEmpty(forms.Note), Move: orEmpty(forms.Move), Match: orEmpty(forms.Match)}
	canMatch := s.can(c, authz.ObjMentorships, authz.ActManage)
	data := gin.H{
		"App": d, "Forms": forms, "CanManage": s.can(c, authz.ObjPipeline, authz.ActManage), "CanMatch": canMatch,
		"CanOverride": s.can(c, authz.ObjMentorships, authz.ActOverride),
		"Noted":       c.Query("noted") == "1", "Moved": domain.ApplicationStatus(c.Query("moved")).Valid(),
		"ScoreChoices": []int{1, 2, 3, 4, 5},
	}
	if d.Status == domain.AppAccepted && canMatch {
		suggestions, err := s.matching.Suggestions(ctx, caller, d.ID)
		if err != nil {
			s.failPage(c, err)
			return
		}
		// A refused match shows every mentor, the one chosen among them.
		shown, all := shownSuggestions(suggestions, c.Query("mentors") == "all" || forms.Match.V("mentor_id") != "")
		data["Suggestions"], data["AllMentors"] = s.suggestionViews(c, shown), all
	}
	if d.Status == domain.AppMatched {
		list, err := s.mentorships.List(ctx, caller, service.MentorshipQuery{All: true, CohortID: &d.CohortID})
		if err != nil {
			s.failPage(c, err)
			return
		}
		for _, m := range list {
			if m.ApplicationID == d.ID {
				data["Mentorship"] = m
			}
		}
	}
	s.renderTitled(c, status, "application_staff", d.Applicant.Name, data)
}

// orEmpty gives f, or an empty form when there is none.
func orEmpty(f *form) *form {
	if f == nil {
		return newForm(nil)
	}
	return f
}
