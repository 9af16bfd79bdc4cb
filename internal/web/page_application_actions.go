package web

import (
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// applicationPath is the address of one of the alliance's applications.
func applicationPath(a *domain.Alliance, id domain.ID) string {
	return applicationsBase(a) + "/" + id.String()
}

// noteSubmit (POST /a/:slug/applications/:id/notes) adds a screener's
// note, with an optional score from 1 to 5, and shows the application
// again; a note with mistakes comes back with what was typed.
func (s *Server) noteSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	d, ok := s.pageApplication(c)
	if !ok {
		return
	}
	note := domain.ApplicationNote{Text: strings.ReplaceAll(f.V("text"), "\r\n", "\n")}
	if v := strings.TrimSpace(f.V("score")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			n = 0 // out of range: the service says so
		}
		note.Score = &n
	}
	caller := callerOf(c)
	if _, err := s.applications.AddNote(c.Request.Context(), caller, d.ID, note); err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderApplication(c, status, d, applicationForms{Note: f})
		}
		return
	}
	seeOther(c, applicationPath(caller.Alliance, d.ID)+"?noted=1#notes")
}

// moveSubmit (POST /a/:slug/applications/:id/transitions) moves the
// application to the status of the button pressed, with the note typed,
// and shows it again. A move the pipeline does not allow comes back (409)
// naming the moves it allows; an acceptance into a full cohort, saying so.
func (s *Server) moveSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	d, ok := s.pageApplication(c)
	if !ok {
		return
	}
	caller := callerOf(c)
	to := domain.ApplicationStatus(f.V("to"))
	if _, err := s.applications.Move(c.Request.Context(), caller, d.ID, to, strings.TrimSpace(f.V("note"))); err != nil {
		status, ok := s.formFailed(c, f, err)
		if !ok {
			return
		}
		if de := domain.AsError(err); de.Key == "error.application.move_refused" {
			f.Problem = s.moveRefusedMessage(c, d.Application, to, de.Allowed)
		}
		s.renderApplication(c, status, d, applicationForms{Move: f})
		return
	}
	seeOther(c, applicationPath(caller.Alliance, d.ID)+"?moved="+string(to))
}

// moveRefusedMessage says, in words, that an application cannot move to
// a status, and which moves it can make.
func (s *Server) moveRefusedMessage(c *gin.Context, app *domain.Application, to domain.ApplicationStatus, allowed []string) string {
	names := make([]string, len(allowed))
	for i, st := range allowed {
		names[i] = s.t(c, "status."+st)
	}
	from := s.t(c, "status."+string(app.Status))
	if len(allowed) == 0 {
		return s.catalog.T(localeOf(c), "page.application.move.none", map[string]any{"status": from})
	}
	return s.catalog.T(localeOf(c), "page.application.move.refused",
		map[string]any{"from": from, "to": s.t(c, "status."+string(to)), "allowed": strings.Join(names, ", ")})
}
