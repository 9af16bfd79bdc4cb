package web

import (
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

// memberPeerYear is a mentor's peer sessions of this year, as their
// member page shows them.
type memberPeerYear struct {
	*service.MentorYear
	Rows []memberPeerRow
}

// memberPeerRow is one session of the mentor's year, with their answer
// and, once it is recorded, whether they came.
type memberPeerRow struct {
	*domain.PeerSession
	Response       domain.PeerResponse
	Recorded, Came bool
}

// memberPeerYear gives a mentor's peer sessions of this year.
//
// SECURITY: the caller must be the mentor, or allowed to manage peer
// sessions: the page checks it before.
func (s *Server) memberPeerYear(c *gin.Context, mentor domain.ID) (*memberPeerYear, error) {
	year, err := s.peers.MentorAttendance(c.Request.Context(), callerOf(c), mentor, time.Now().UTC().Year())
	if err != nil {
		return nil, err
	}
	out := &memberPeerYear{MentorYear: year}
	for _, ps := range year.Sessions {
		row := memberPeerRow{PeerSession: ps}
		if a := ps.Attendee(mentor); a != nil {
			row.Response, row.Recorded = a.Response, a.Attended != nil
			row.Came = row.Recorded && *a.Attended
		}
		out.Rows = append(out.Rows, row)
	}
	return out, nil
}
