package web

import (
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/mentorat/mentorat/internal/domain"
)

// applyFields are the fields of the form to apply, in the order the page
// shows them, each with the key of its label: the summary of mistakes at
// the top of the page lists them in this order. Their names are those of
// the domain's field errors.
var applyFields = []struct{ name, label string }{
	{"cohort_id", "page.apply.cohort"},
	{"applicant.name", "page.apply.name"},
	{"applicant.email", "page.apply.email"},
	{"applicant.phone", "page.apply.phone"},
	{"applicant.gender", "page.apply.gender"},
	{"applicant.birth_year", "page.apply.birth_year"},
	{"applicant.city", "page.apply.city"},
	{"business.name", "page.apply.business_name"},
	{"business.sector", "page.apply.sector"},
	{"business.stage", "page.apply.stage"},
	{"business.employees", "page.apply.employees"},
	{"business.founded_year", "page.apply.founded_year"},
	{"business.revenue_band", "page.apply.revenue"},
	{"obstacles", "page.apply.obstacles"},
	{"goals", "page.apply.goals"},
	{"motivation", "page.apply.motivation"},
}

// honeypotField is the field people do not see and leave empty: a form
// that fills it comes from a robot.
const honeypotField = "website"

// summaryItem is one mistake of the summary at the top of a form: the
// field's label and message, and the address of its input.
type summaryItem struct{ Href, Label, Msg string }

// fieldID is the id of a field's input: its name with dashes for dots.
// The first choice of a group of radio buttons has it too, so that the
// summary's link leads to the group.
func fieldID(name string) string { return strings.ReplaceAll(name, ".", "-") }

// applySummary lists the form's mistakes in the order of the page.
func (s *Server) applySummary(c *gin.Context, f *form) []summaryItem {
	var out []summaryItem
	for _, field := range applyFields {
		if msg := f.Err(field.name); msg != "" {
			out = append(out, summaryItem{Href: "#" + fieldID(field.name), Label: s.t(c, field.label), Msg: msg})
		}
	}
	return out
}

// applicationFormOf reads the form to apply, in the language of the page.
// A cohort that does not parse is the zero id, which the page names as
// missing; a number that does not parse is -1, out of every range, so
// that the service says why; a number left empty is 0. A browser sends a
// textarea's line breaks as CRLF.
func applicationFormOf(f *form, loc domain.Locale) domain.ApplicationForm {
	cohort, _ := domain.ParseID(f.V("cohort_id"))
	text := func(name string) string { return strings.ReplaceAll(f.V(name), "\r\n", "\n") }
	return domain.ApplicationForm{
		CohortID: cohort,
		Locale:   loc,
		Applicant: domain.Applicant{
			Name: f.V("applicant.name"), Email: f.V("applicant.email"), Phone: f.V("applicant.phone"),
			Gender: domain.Gender(f.V("applicant.gender")), BirthYear: formNumber(f.V("applicant.birth_year")),
			City: f.V("applicant.city"),
		},
		Business: domain.Business{
			Name: f.V("business.name"), Sector: f.V("business.sector"), Stage: f.V("business.stage"),
			Employees: formNumber(f.V("business.employees")), FoundedYear: formNumber(f.V("business.founded_year")),
			RevenueBand: f.V("business.revenue_band"),
		},
		Obstacles: text("obstacles"), Goals: text("goals"), Motivation: text("motivation"),
	}
}

// formNumber reads a whole number typed in a form: 0 when empty, -1 when
// it is not a number.
func formNumber(v string) int {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return -1
	}
	return n
}
