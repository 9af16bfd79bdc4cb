package web

import (
	"strconv"

	"github.com/gin-gonic/gin"
)

// reportPeople answers GET
// /api/v1/alliances/{slug}/reports/entrepreneurs.csv ?cohort_id=&from=&to=
// (reports:export): one line per mentorship with its entrepreneur by name
// and contact, the business, the cohort, the mentor, the status, the
// sessions, and the revenue band and employees at application and at the
// end survey — never a note of any kind. Audited, since it names people.
func (s *Server) reportPeople(c *gin.Context) {
	f, err := reportFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	caller := callerOf(c)
	rows, err := s.reports.People(c.Request.Context(), caller, f)
	if err != nil {
		s.fail(c, err)
		return
	}
	w := csvDownload(c, "entrepreneurs-"+caller.Alliance.Slug+".csv")
	_ = w.Write([]string{"name", "email", "phone", "gender", "birth_year", "city", "business", "sector", "cohort", "mentor",
		"status", "sessions_held", "sessions_planned", "revenue_band_before", "employees_before", "revenue_band_after",
		"employees_after", "would_recommend"})
	for _, r := range rows {
		after, employees, recommend := "", "", ""
		if r.EndRevenueBand != nil {
			after = *r.EndRevenueBand
		}
		if r.EndEmployees != nil {
			employees = strconv.Itoa(*r.EndEmployees)
		}
		if r.WouldRecommend != nil {
			recommend = strconv.FormatBool(*r.WouldRecommend)
		}
		_ = w.Write([]string{csvSafe(r.Name), csvSafe(r.Email), csvSafe(r.Phone), r.Gender, strconv.Itoa(r.BirthYear),
			csvSafe(r.City), csvSafe(r.Business), r.Sector, csvSafe(r.Cohort), csvSafe(r.Mentor), r.Status,
			strconv.Itoa(r.SessionsHeld), strconv.Itoa(r.SessionsPlanned), r.RevenueBand, strconv.Itoa(r.Employees), after,
			employees, recommend})
	}
	w.Flush()
}
