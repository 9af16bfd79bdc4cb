package web

import (
	"strconv"

	"github.com/gin-gonic/gin"
)

// reportExport answers GET /api/v1/alliances/{slug}/reports/export.csv
// ?cohort_id=&from=&to= (reports:read): the summary's figures as CSV, one
// figure a line, in columns section,key,label,measure,value. section is
// the summary's key (entrepreneurs, sessions, mentorships, peer_sessions,
// by_cohort, by_city, by_gender, change); key and label name the line of
// a breakdown as in the summary (empty for the totals); measure is the
// figure's name, value the figure (shares and rates as fractions with a
// dot). Aggregates only, as the summary.
func (s *Server) reportExport(c *gin.Context) {
	sum, err := s.reportOver(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	v := reportSummaryOf(sum)
	w := csvDownload(c, "report-"+callerOf(c).Alliance.Slug+".csv")
	line := func(section, key, label, measure string, value any) {
		var cell string
		switch n := value.(type) {
		case int:
			cell = strconv.Itoa(n)
		case float64:
			cell = strconv.FormatFloat(n, 'f', -1, 64)
		}
		_ = w.Write([]string{section, csvSafe(key), csvSafe(label), measure, cell})
	}
	_ = w.Write([]string{"section", "key", "label", "measure", "value"})
	line("entrepreneurs", "", "", "total", v.Entrepreneurs.Total)
	line("entrepreneurs", "", "", "women", v.Entrepreneurs.Women)
	line("entrepreneurs", "", "", "women_share", v.Entrepreneurs.WomenShare)
	line("sessions", "", "", "planned", v.Sessions.Planned)
	line("sessions", "", "", "held", v.Sessions.Held)
	line("sessions", "", "", "completion_rate", v.Sessions.CompletionRate)
	line("mentorships", "", "", "active", v.Mentorships.Active)
	line("mentorships", "", "", "completed", v.Mentorships.Completed)
	line("mentorships", "", "", "ended", v.Mentorships.Ended)
	line("peer_sessions", "", "", "held", v.PeerSessions.Held)
	line("peer_sessions", "", "", "invited", v.PeerSessions.Invited)
	line("peer_sessions", "", "", "attended", v.PeerSessions.Attended)
	line("peer_sessions", "", "", "attendance_rate", v.PeerSessions.AttendanceRate)
	for _, b := range []struct {
		section string
		lines   []reportBucketView
	}{{"by_cohort", v.ByCohort}, {"by_city", v.ByCity}, {"by_gender", v.ByGender}} {
		for _, l := range b.lines {
			line(b.section, l.Key, l.Label, "entrepreneurs", l.Entrepreneurs)
			line(b.section, l.Key, l.Label, "women", l.Women)
			line(b.section, l.Key, l.Label, "women_share", l.WomenShare)
			line(b.section, l.Key, l.Label, "sessions_planned", l.Sessions.Planned)
			line(b.section, l.Key, l.Label, "sessions_held", l.Sessions.Held)
			line(b.section, l.Key, l.Label, "completion_rate", l.Sessions.CompletionRate)
		}
	}
	for _, ch := range v.Change {
		g := string(ch.Gender)
		line("change", g, g, "surveyed", ch.Surveyed)
		line("change", g, g, "employees_before", ch.EmployeesBefore)
		line("change", g, g, "employees_after", ch.EmployeesAfter)
		line("change", g, g, "revenue_up", ch.RevenueUp)
		line("change", g, g, "revenue_same", ch.RevenueSame)
		line("change", g, g, "revenue_down", ch.RevenueDown)
	}
	w.Flush()
}
