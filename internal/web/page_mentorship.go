package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// mentorshipPath is the address of one of the alliance's mentorships.
func mentorshipPath(a *domain.Alliance, id domain.ID) string {
	return "/a/" + a.Slug + "/mentorships/" + id.String()
}

// timelineEntry is one session on a journey's timeline: the session, where
// it stands today, and the actions agreed in it.
type timelineEntry struct {
	domain.MentorshipSession
	State   service.SessionState
	Actions []domain.Action
	// Next marks the first session still to come.
	Next bool
	// Rated is the entrepreneur's rating, 0 when there is none or the
	// caller may not read it.
	Rated int
}

// timelineOf lays a journey's sessions out in order, each with its state
// and its actions, and counts the sessions held and those still planned
// (every one but the cancelled).
func timelineOf(v *service.JourneyView) (entries []timelineEntry, held, planned int) {
	byNumber := map[int][]domain.Action{}
	for _, a := range v.Actions {
		byNumber[a.Session] = append(byNumber[a.Session], a)
	}
	next := false
	for i, sess := range v.Mentorship.Sessions {
		e := timelineEntry{MentorshipSession: sess, State: v.States[i], Actions: byNumber[sess.Number]}
		if sess.Rating != nil {
			e.Rated = *sess.Rating
		}
		switch e.State {
		case service.StateHeld:
			held++
		case service.StateScheduled, service.StateDue, service.StateUpcoming, service.StateOverdue:
			e.Next, next = !next, true
		}
		if e.State != service.StateCancelled {
			planned++
		}
		entries = append(entries, e)
	}
	return entries, held, planned
}

// mentorshipPage (GET /a/:slug/mentorships/:id) is a mentorship's journey:
// the mentor, the entrepreneur and their business, the cohort and the
// dates; the entrepreneur's goals and obstacles from the application; and
// the timeline of its sessions, each with its date and place, agenda, log
// and actions, the open ones with a box to tick. Staff see every
// mentorship, and why an admin overrode the rules to make it; a mentor or
// an entrepreneur sees their own, and anyone else finds nothing. The
// mentor sees the mean of their ratings once there are enough of them to
// keep each anonymous. Its two people and staff may end it early; once it
// is over, its two people answer the end survey.
func (s *Server) mentorshipPage(c *gin.Context) {
	id, err := domain.ParseID(c.Param("id"))
	if err != nil {
		s.failPage(c, domain.NotFound())
		return
	}
	ctx, caller := c.Request.Context(), callerOf(c)
	staff := s.can(c, authz.ObjMentorships, authz.ActManage)
	v, err := s.journey.View(ctx, caller, id, staff)
	if err != nil {
		s.failPage(c, err)
		return
	}
	m := v.Mentorship
	co, err := s.cohorts.Get(ctx, caller.Alliance.ID, m.CohortID)
	if err != nil {
		s.failPage(c, err)
		return
	}
	entries, held, planned := timelineOf(v)
	party := v.Side != service.SideStaff
	s.renderTitled(c, http.StatusOK, "journey", m.EntrepreneurName+" · "+m.MentorName, gin.H{
		"Journey": v, "Mentorship": m, "Cohort": co, "Timeline": entries, "Held": held, "Planned": planned,
		"Base": mentorshipPath(caller.Alliance, id), "Staff": staff, "Party": party,
		"Active":          m.Status == domain.MentorshipActive,
		"CanReadPipeline": s.can(c, authz.ObjPipeline, authz.ActRead),
		"Matched":         c.Query("matched") == "1",
		"Notice":          journeyNotice(c.Query("done")),
	})
}

// journeyNotice is the message key of what the person just did, from the
// page's ?done=, or "" for none.
func journeyNotice(done string) string {
	switch done {
	case "ended", "survey", "ticked":
		return "page.journey.done." + done
	}
	return ""
}
