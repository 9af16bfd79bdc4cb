package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// sessionForms are the forms of a session's page, each with what was
// typed and its messages after a refused post.
type sessionForms struct {
	Propose, Confirm, Agenda, Log, Mark, Rate *form
}

// sessionAbilities are the forms a session's page offers its caller: what
// their side may do with the session as it stands.
type sessionAbilities struct {
	Propose, Confirm, Agenda, Log, Mark, Rate, Tick bool
}

// abilitiesOf tells what the caller may do with the session: its two
// people agree on a date and tick actions; the entrepreneur writes the
// agenda before it is held and rates it once it is; the mentor logs it,
// and marks it missed or cancelled, as staff may.
func abilitiesOf(v *service.SessionView, me domain.ID) sessionAbilities {
	party := v.Side == service.SideMentor || v.Side == service.SideEntrepreneur
	active := v.Mentorship.Status == domain.MentorshipActive
	st := v.Session.Status
	open := active && st != domain.SessionHeld && st != domain.SessionMissed && st != domain.SessionCancelled
	return sessionAbilities{
		Propose: party && open,
		Confirm: party && open && v.Session.ProposedAt != nil && v.Session.ProposedBy != nil && *v.Session.ProposedBy != me,
		Agenda:  v.Side == service.SideEntrepreneur && open,
		Log:     v.Side == service.SideMentor && active && st != domain.SessionMissed && st != domain.SessionCancelled,
		Mark:    (v.Side == service.SideMentor || v.Side == service.SideStaff) && open,
		Rate:    v.Side == service.SideEntrepreneur && st == domain.SessionHeld,
		Tick:    party,
	}
}

// sessionPath is the address of a session's page.
func sessionPath(a *domain.Alliance, id domain.ID, number int) string {
	return mentorshipPath(a, id) + "/sessions/" + strconv.Itoa(number)
}

// sessionParams reads the mentorship and the session number of the path;
// either malformed gets the error page, and ok is false.
func (s *Server) sessionParams(c *gin.Context) (id domain.ID, number int, ok bool) {
	id, err := domain.ParseID(c.Param("id"))
	if err == nil {
		number, err = strconv.Atoi(c.Param("number"))
	}
	if err != nil {
		s.failPage(c, domain.NotFound())
		return id, 0, false
	}
	return id, number, true
}

// sessionPage (GET /a/:slug/mentorships/:id/sessions/:number) shows one
// session of a mentorship as the caller's side sees it, with the forms
// that side may use: agree on a date and place, write the agenda (the
// entrepreneur), log it with notes only the mentor reads (the mentor),
// mark it missed or cancelled (the mentor, staff), rate it (the
// entrepreneur), and tick the actions carried over from earlier sessions.
// Its two people and staff see it; anyone else finds nothing.
func (s *Server) sessionPage(c *gin.Context) {
	id, number, ok := s.sessionParams(c)
	if !ok {
		return
	}
	s.renderSession(c, http.StatusOK, id, number, "", nil)
}

// renderSession shows a session's page; failed names the form that was
// refused, shown again with f, and the others start afresh.
func (s *Server) renderSession(c *gin.Context, status int, id domain.ID, number int, failed string, f *form) {
	caller := callerOf(c)
	staff := s.can(c, authz.ObjMentorships, authz.ActManage)
	v, err := s.journey.Session(c.Request.Context(), caller, id, number, staff)
	if err != nil {
		s.failPage(c, err)
		return
	}
	now := time.Now().UTC()
	forms := defaultSessionForms(v, now)
	switch failed {
	case "propose":
		forms.Propose = f
	case "confirm":
		forms.Confirm = f
	case "agenda":
		forms.Agenda = f
	case "log":
		forms.Log = f
	case "mark":
		forms.Mark = f
	case "rate":
		forms.Rate = f
	}
	m := v.Mentorship
	proposer := m.EntrepreneurName
	if p := v.Session.ProposedBy; p != nil && *p == m.MentorID {
		proposer = m.MentorName
	}
	data := gin.H{
		"V": v, "Mentorship": m, "S": v.Session, "Base": mentorshipPath(caller.Alliance, id),
		"Path": sessionPath(caller.Alliance, id, number), "Total": len(m.Sessions),
		"Can": abilitiesOf(v, caller.UserID), "Forms": forms, "Failed": failed, "Proposer": proposer,
		"Mine":         v.Session.ProposedBy != nil && *v.Session.ProposedBy == caller.UserID,
		"AgendaRows":   obstacleRows(forms.Agenda, "agenda", 5),
		"ObstacleRows": obstacleRows(forms.Log, "obstacle", 5),
		"ActionRows":   actionRows(forms.Log, 3),
		"Min":          now.Add(time.Minute).Format(datetimeLocal),
		"Today":        dateOf(now),
		"Notice":       sessionNotice(c.Query("done")),
		"Stars":        []int{1, 2, 3, 4, 5},
	}
	if number > 1 {
		data["Prev"] = number - 1
	}
	if number < len(m.Sessions) {
		data["Next"] = number + 1
	}
	if r := v.Session.Rating; r != nil {
		data["Rated"] = *r
	}
	s.renderTitled(c, status, "session", s.catalog.T(localeOf(c), "page.session.title",
		map[string]any{"number": number, "entrepreneur": m.EntrepreneurName}), data)
}

// sessionNotice is the message key of what the person just did, from the
// page's ?done=, or "" for none.
func sessionNotice(done string) string {
	switch done {
	case "propose", "confirm", "agenda", "log", "mark", "rate", "ticked":
		return "page.session.done." + done
	}
	return ""
}

// defaultSessionForms fills each form of a session's page with what the
// session holds: the date agreed or proposed, the agenda, the log (the
// agenda's obstacles before the first), the rating.
func defaultSessionForms(v *service.SessionView, now time.Time) sessionForms {
	sess := v.Session
	propose := newForm(nil)
	switch {
	case sess.ProposedAt != nil:
		propose.Values.Set("scheduled_at", sess.ProposedAt.UTC().Format(datetimeLocal))
	case sess.ScheduledAt != nil:
		propose.Values.Set("scheduled_at", sess.ScheduledAt.UTC().Format(datetimeLocal))
	}
	propose.Values.Set("place", sess.Place)

	agenda := newForm(nil)
	setObstacles(agenda, "agenda", sess.Agenda)

	log := newForm(nil)
	if sess.HeldOn != nil {
		log.Values.Set("held_on", dateOf(*sess.HeldOn))
		log.Values.Set("duration_minutes", strconv.Itoa(sess.DurationMinutes))
		setObstacles(log, "obstacle", sess.Obstacles)
		for _, a := range v.Agreed {
			log.Values.Add("action_text", a.Text)
			log.Values.Add("action_owner", string(a.Owner))
			due := ""
			if a.DueOn != nil {
				due = dateOf(*a.DueOn)
			}
			log.Values.Add("action_due", due)
		}
		log.Values.Set("shared_notes", sess.SharedNotes)
		log.Values.Set("private_notes", v.PrivateNotes)
	} else {
		held := now
		if sess.ScheduledAt != nil && sess.ScheduledAt.Before(now) {
			held = *sess.ScheduledAt
		}
		log.Values.Set("held_on", dateOf(held))
		setObstacles(log, "obstacle", sess.Agenda)
	}

	rate := newForm(nil)
	if sess.Rating != nil {
		rate.Values.Set("rating", strconv.Itoa(*sess.Rating))
		rate.Values.Set("comment", sess.RatingComment)
	}
	return sessionForms{Propose: propose, Confirm: newForm(nil), Agenda: agenda, Log: log, Mark: newForm(nil), Rate: rate}
}
