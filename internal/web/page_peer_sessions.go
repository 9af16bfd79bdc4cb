package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/authz"
	"github.com/mentorat/mentorat/internal/domain"
)

// How many sessions the list shows: those to come, and those before.
const (
	peerUpcomingShown = 50
	peerPastShown     = 20
)

// peerBase is the address of the alliance's peer sessions.
func peerBase(a *domain.Alliance) string { return "/a/" + a.Slug + "/peer-sessions" }

// peerRow is a session of the list, with the reader's own invitation (nil
// when they are not invited), whether it falls in the current quarter, and
// whether an invitee may still answer.
type peerRow struct {
	*domain.PeerSession
	Mine        *domain.PeerAttendee
	ThisQuarter bool
	MayRespond  bool
}

// peerList is one list of the page: the sessions to come, or those before.
type peerList struct {
	ID, Heading, Empty string
	Rows               []peerRow
}

// peerSessionsPage (GET /a/:slug/peer-sessions) lists the sessions to
// come, with the reader's answer and the buttons to give one when
// invited, then the sessions before. The sessions of the current quarter
// stand out; an alliance that holds peer coaching every quarter is told
// when none is planned for this one. Those who plan sessions get the
// links to plan one and to the attendance.
func (s *Server) peerSessionsPage(c *gin.Context) {
	ctx, caller := c.Request.Context(), callerOf(c)
	upcoming, err := s.peers.List(ctx, caller, true, peerUpcomingShown)
	if err != nil {
		s.failPage(c, err)
		return
	}
	past, err := s.peers.List(ctx, caller, false, peerPastShown)
	if err != nil {
		s.failPage(c, err)
		return
	}
	now := time.Now().UTC()
	quarter := domain.QuarterOf(now)
	rows := func(list []*domain.PeerSession) []peerRow {
		out := make([]peerRow, len(list))
		for i, ps := range list {
			out[i] = peerRow{PeerSession: ps, Mine: ps.Attendee(caller.UserID), ThisQuarter: ps.Quarter() == quarter,
				MayRespond: ps.Status == domain.PeerPlanned && ps.StartsAt.After(now)}
		}
		return out
	}
	covered := false
	for _, ps := range append(append([]*domain.PeerSession{}, upcoming...), past...) {
		covered = covered || (ps.Quarter() == quarter && ps.Status != domain.PeerCancelled)
	}
	s.renderSection(c, http.StatusOK, "peer_sessions", "page.peer.title", gin.H{
		"Lists": []peerList{
			{ID: "upcoming", Heading: "page.peer.upcoming", Empty: "page.peer.none_upcoming", Rows: rows(upcoming)},
			{ID: "past", Heading: "page.peer.past", Empty: "page.peer.none_past", Rows: rows(past)},
		},
		"Quarter":        quarter,
		"QuarterMissing": caller.Alliance.Settings.PeerCoaching == "quarterly" && !covered,
		"CanManage":      s.can(c, authz.ObjPeer, authz.ActManage),
	})
}
