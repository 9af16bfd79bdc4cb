package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// attendanceRow is a mentor's line of the attendance table, with their
// rate written in the page's language ("" when they were invited to no
// held session).
type attendanceRow struct {
	domain.PeerAttendance
	Rate string
}

// peerAttendancePage (GET /a/:slug/peer-sessions/attendance?year=) shows
// those who plan sessions each active mentor's attendance over a year
// (this one unless the address names another): the held sessions they
// were invited to, those they came to, and the rate; the mentors who came
// to neither of the last two sessions held stand out above.
func (s *Server) peerAttendancePage(c *gin.Context) {
	year := time.Now().UTC().Year()
	if v := c.Query("year"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			n = 0 // out of range: the service says so
		}
		year = n
	}
	report, err := s.peers.Attendance(c.Request.Context(), callerOf(c), year)
	if err != nil {
		s.failPage(c, err)
		return
	}
	rows := make([]attendanceRow, len(report.Mentors))
	for i, m := range report.Mentors {
		rows[i] = attendanceRow{PeerAttendance: m}
		if m.Invited > 0 {
			percent := (m.Attended*100 + m.Invited/2) / m.Invited
			rows[i].Rate = s.catalog.T(localeOf(c), "page.peer.attendance.rate", map[string]any{"percent": percent})
		}
	}
	s.renderSection(c, http.StatusOK, "peer_attendance", "page.peer.attendance.title", gin.H{
		"Report": report, "Rows": rows, "Previous": year - 1, "Next": year + 1, "ThisYear": time.Now().UTC().Year(),
	})
}
