package web

import (
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// sessionSubmit runs the post of one of a session's forms, named name,
// which only the sides may use: anyone else who sees the session is
// refused with the reason refusal before anything is made of the form,
// and anyone who does not finds nothing. do reads the form and asks the
// service; once done, the browser goes back to the session's page with
// what was done. A refusal the person can mend shows the page again with
// what they typed and the messages (mend, when do gives one, moves the
// messages about a list's items to the rows they came from).
func (s *Server) sessionSubmit(c *gin.Context, name, refusal string, sides []service.Side,
	do func(f *form, id domain.ID, number int) (mend func(), err error)) {
	id, number, ok := s.sessionParams(c)
	if !ok {
		return
	}
	v, err := s.journey.Session(c.Request.Context(), callerOf(c), id, number, s.can(c, authz.ObjMentorships, authz.ActManage))
	if err != nil {
		s.failPage(c, err)
		return
	}
	if !slices.Contains(sides, v.Side) {
		s.failPage(c, domain.E(domain.CodeForbidden, refusal, nil))
		return
	}
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	if mend, err := do(f, id, number); err != nil {
		status, ok := s.formFailed(c, f, err)
		if ok {
			if mend != nil {
				mend()
			}
			s.renderSession(c, status, id, number, name, f)
		}
		return
	}
	seeOther(c, sessionPath(callerOf(c).Alliance, id, number)+"?done="+name)
}

// proposeSubmit (POST /a/:slug/mentorships/:id/sessions/:number/propose)
// puts a date (UTC) and a place forward for the session: the other side
// confirms it.
func (s *Server) proposeSubmit(c *gin.Context) {
	s.sessionSubmit(c, "propose", "error.session.parties_only", []service.Side{service.SideMentor, service.SideEntrepreneur},
		func(f *form, id domain.ID, number int) (func(), error) {
			at, err := parseDatetimeLocal(f.V("scheduled_at"))
			if err != nil && strings.TrimSpace(f.V("scheduled_at")) != "" {
				f.fail("scheduled_at", s.t(c, "validation.datetime"))
			}
			_, err = s.journey.Propose(c.Request.Context(), callerOf(c), id, number, at, strings.TrimSpace(f.V("place")))
			return nil, err
		})
}

// confirmSubmit (POST /a/:slug/mentorships/:id/sessions/:number/confirm)
// agrees to the date the other side proposed: the session is scheduled.
func (s *Server) confirmSubmit(c *gin.Context) {
	s.sessionSubmit(c, "confirm", "error.session.parties_only", []service.Side{service.SideMentor, service.SideEntrepreneur},
		func(_ *form, id domain.ID, number int) (func(), error) {
			_, err := s.journey.Confirm(c.Request.Context(), callerOf(c), id, number)
			return nil, err
		})
}

// agendaSubmit (POST /a/:slug/mentorships/:id/sessions/:number/agenda)
// saves the entrepreneur's agenda: the obstacles, business or personal,
// they want to work on; the empty rows are left out.
func (s *Server) agendaSubmit(c *gin.Context) {
	s.sessionSubmit(c, "agenda", "error.session.agenda_entrepreneur", []service.Side{service.SideEntrepreneur},
		func(f *form, id domain.ID, number int) (func(), error) {
			items, rows := obstaclesOf(f, "agenda")
			_, err := s.journey.SetAgenda(c.Request.Context(), callerOf(c), id, number, items)
			return func() { rowErrors(f, "items", "agenda", rows) }, err
		})
}

// logSubmit (POST /a/:slug/mentorships/:id/sessions/:number/log) records
// the mentor's log of the session: when it was held and for how long, the
// obstacles discussed, the actions agreed (who, by when), the notes both
// read, and the notes only the mentor reads. Logging again corrects it.
func (s *Server) logSubmit(c *gin.Context) {
	s.sessionSubmit(c, "log", "error.session.log_mentor", []service.Side{service.SideMentor},
		func(f *form, id domain.ID, number int) (func(), error) {
			log := domain.SessionLog{
				SharedNotes:  strings.ReplaceAll(f.V("shared_notes"), "\r\n", "\n"),
				PrivateNotes: strings.ReplaceAll(f.V("private_notes"), "\r\n", "\n"),
			}
			if v := strings.TrimSpace(f.V("held_on")); v != "" {
				held, ok := domain.ParseDay(v)
				if !ok {
					f.fail("held_on", s.t(c, "validation.date"))
				}
				log.HeldOn = held
			}
			if v := strings.TrimSpace(f.V("duration_minutes")); v != "" {
				n, err := strconv.Atoi(v)
				if err != nil {
					n = -1
				}
				log.DurationMinutes = n
			}
			obstacles, obstacleRowsKept := obstaclesOf(f, "obstacle")
			actions, actionRowsKept := actionsOf(f, s.t(c, "validation.date"))
			log.Obstacles, log.Actions = obstacles, actions
			_, err := s.journey.Log(c.Request.Context(), callerOf(c), id, number, log)
			return func() {
				rowErrors(f, "obstacles", "obstacle", obstacleRowsKept)
				rowErrors(f, "actions", "action", actionRowsKept)
			}, err
		})
}

// markSubmit (POST /a/:slug/mentorships/:id/sessions/:number/mark)
// records that the session was missed or cancelled, and why: the mentor
// or staff may.
func (s *Server) markSubmit(c *gin.Context) {
	s.sessionSubmit(c, "mark", "error.session.mark_mentor", []service.Side{service.SideMentor, service.SideStaff},
		func(f *form, id domain.ID, number int) (func(), error) {
			staff := s.can(c, authz.ObjMentorships, authz.ActManage)
			_, err := s.journey.Mark(c.Request.Context(), callerOf(c), id, number, domain.SessionStatus(f.V("status")),
				strings.ReplaceAll(f.V("reason"), "\r\n", "\n"), staff)
			return nil, err
		})
}

// rateSubmit (POST /a/:slug/mentorships/:id/sessions/:number/rate) records
// the entrepreneur's rating of the held session, from 1 to 5, with an
// optional comment; the mentor reads only the mean of three or more.
func (s *Server) rateSubmit(c *gin.Context) {
	s.sessionSubmit(c, "rate", "error.session.rate_entrepreneur", []service.Side{service.SideEntrepreneur},
		func(f *form, id domain.ID, number int) (func(), error) {
			rating, err := strconv.Atoi(strings.TrimSpace(f.V("rating")))
			if err != nil {
				rating = 0 // out of range: the service says so
			}
			_, err = s.journey.Rate(c.Request.Context(), callerOf(c), id, number,
				domain.Feedback{Rating: rating, Comment: strings.ReplaceAll(f.V("comment"), "\r\n", "\n")})
			return nil, err
		})
}
