package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// datetimeLocal is the format of an <input type="datetime-local">; the
// form says the time is UTC.
const datetimeLocal = "2006-01-02T15:04"

// peerPlanPage (GET /a/:slug/peer-sessions/new) is the form to plan a
// session: when (UTC), how long, where, the topic and notes, the case or
// role model discussed, and the active mentors invited, all of them
// ticked to begin with.
func (s *Server) peerPlanPage(c *gin.Context) {
	mentors, err := s.activeMentors(c)
	if err != nil {
		s.failPage(c, err)
		return
	}
	f := newForm(nil)
	f.Values.Set("duration_minutes", "120")
	for _, m := range mentors {
		f.Values.Add("attendee_ids", m.UserID.String())
	}
	s.renderPeerPlan(c, http.StatusOK, f, mentors)
}

// peerPlanSubmit (POST /a/:slug/peer-sessions/new) plans the session and
// mails the invitations, then shows it; a form with mistakes comes back
// with what was typed and a message next to each.
func (s *Server) peerPlanSubmit(c *gin.Context) {
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	in := peerSessionInputOf(f)
	if v := strings.TrimSpace(f.V("held_on")); v != "" && in.StartsAt.IsZero() {
		f.fail("held_on", s.t(c, "validation.datetime"))
	}
	caller := callerOf(c)
	ps, err := s.peers.Plan(c.Request.Context(), caller, in)
	if err != nil {
		status, ok := s.formFailed(c, f, err)
		if !ok {
			return
		}
		mentors, err := s.activeMentors(c)
		if err != nil {
			s.failPage(c, err)
			return
		}
		s.renderPeerPlan(c, status, f, mentors)
		return
	}
	seeOther(c, peerBase(caller.Alliance)+"/"+ps.ID.String()+"?planned=1")
}

// peerSessionInputOf reads the form. A value that does not parse stands
// for one the service refuses with the right message: an unknown case,
// someone who is no mentor, a length out of range; a time that does not
// parse is left zero, and the handler says why.
func peerSessionInputOf(f *form) domain.PeerSessionInput {
	in := domain.PeerSessionInput{
		Place: f.V("place"), Link: f.V("link"), Topic: f.V("topic"),
		Notes: strings.ReplaceAll(f.V("notes"), "\r\n", "\n"),
	}
	if t, err := parseDatetimeLocal(f.V("held_on")); err == nil {
		in.StartsAt = t
	}
	if v := strings.TrimSpace(f.V("duration_minutes")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			n = -1
		}
		in.DurationMinutes = n
	}
	if v := f.V("case_resource_id"); v != "" {
		id, _ := domain.ParseID(v) // the zero id is no case
		in.CaseResourceID = &id
	}
	for _, v := range f.Values["attendee_ids"] {
		id, _ := domain.ParseID(v) // the zero id is no mentor
		in.AttendeeIDs = append(in.AttendeeIDs, id)
	}
	return in
}

// parseDatetimeLocal reads a datetime-local value as UTC, with or without
// seconds.
func parseDatetimeLocal(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	t, err := time.ParseInLocation(datetimeLocal, v, time.UTC)
	if err != nil {
		t, err = time.ParseInLocation(datetimeLocal+":05", v, time.UTC)
	}
	return t, err
}

// renderPeerPlan shows the form to plan a session.
func (s *Server) renderPeerPlan(c *gin.Context, status int, f *form, mentors []*domain.Member) {
	cases, err := s.discussableTexts(c)
	if err != nil {
		s.failPage(c, err)
		return
	}
	s.renderSection(c, status, "peer_new", "page.peer.new.title", gin.H{
		"Form": f, "Mentors": mentors, "Cases": cases, "Min": time.Now().UTC().Format(datetimeLocal),
	})
}

// discussableTexts are the library's cases and role models, which a
// session may discuss, in every language.
func (s *Server) discussableTexts(c *gin.Context) ([]*domain.Resource, error) {
	var out []*domain.Resource
	for _, kind := range []domain.ResourceKind{domain.KindCase, domain.KindRoleModel} {
		found, err := s.library.Search(c.Request.Context(), callerOf(c), service.LibraryQuery{Kind: kind, Limit: 100})
		if err != nil {
			return nil, err
		}
		out = append(out, found.Items...)
	}
	return out, nil
}
