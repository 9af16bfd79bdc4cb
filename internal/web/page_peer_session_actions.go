package web

import (
	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// peerResponseSubmit (POST /a/:slug/peer-sessions/:id/response) records
// the invitee's answer, confirmed or declined, and shows the session.
func (s *Server) peerResponseSubmit(c *gin.Context) {
	ps, ok := s.pagePeerSession(c)
	if !ok {
		return
	}
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	caller := callerOf(c)
	if _, err := s.peers.Respond(c.Request.Context(), caller, ps.ID, domain.PeerResponse(f.V("response"))); err != nil {
		s.failPage(c, err)
		return
	}
	seeOther(c, peerBase(caller.Alliance)+"/"+ps.ID.String()+"?answered=1")
}

// peerAttendanceSubmit (POST /a/:slug/peer-sessions/:id/attendance)
// records who came to a session that has started; recording again
// corrects the record.
func (s *Server) peerAttendanceSubmit(c *gin.Context) {
	ps, ok := s.pagePeerSession(c)
	if !ok {
		return
	}
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	var present []domain.ID
	for _, v := range f.Values["attended_ids"] {
		id, _ := domain.ParseID(v) // the zero id is no mentor: the service says so
		present = append(present, id)
	}
	caller := callerOf(c)
	if _, err := s.peers.RecordAttendance(c.Request.Context(), caller, ps.ID, present); err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderPeerSession(c, status, ps, f, newForm(nil))
		}
		return
	}
	seeOther(c, peerBase(caller.Alliance)+"/"+ps.ID.String()+"?recorded=1")
}

// peerCancelSubmit (POST /a/:slug/peer-sessions/:id/cancel) calls off a
// planned session once its planner ticked the box that confirms it; the
// invitees who had not declined are told by e-mail.
func (s *Server) peerCancelSubmit(c *gin.Context) {
	ps, ok := s.pagePeerSession(c)
	if !ok {
		return
	}
	f, ok := s.postForm(c)
	if !ok {
		return
	}
	caller := callerOf(c)
	var err error
	if f.V("confirm") != "yes" {
		var p domain.Problems
		p.Add("confirm", "page.peer.cancel.unconfirmed", nil)
		err = p.Err()
	} else {
		_, err = s.peers.Cancel(c.Request.Context(), caller, ps.ID)
	}
	if err != nil {
		if status, ok := s.formFailed(c, f, err); ok {
			s.renderPeerSession(c, status, ps, newForm(nil), f)
		}
		return
	}
	seeOther(c, peerBase(caller.Alliance)+"/"+ps.ID.String())
}
