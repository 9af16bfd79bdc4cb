package web

import (
	"fmt"
	"html"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/store"
)

// TestReportPageShowsFiguresNeverNames: admins, coordinators and
// observers read the report: the share of women as the headline, the
// completion rate, the mentorships by outcome, bar charts drawn as SVG
// without style attributes nor script, and the change by gender from the
// end survey; no page of it names a person, even one whose name is full
// of markup. The export of the figures keeps the filter; only admins get
// the export by entrepreneur. A filter on an unknown cohort or with the
// dates the wrong way round comes back with its message and what was
// typed. Mentors and entrepreneurs are refused the page.
func TestReportPageShowsFiguresNeverNames(t *testing.T) {
	t.Parallel()
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "rapport-chiffres")
	ctx := t.Context()
	start := domain.Day(time.Now().AddDate(0, -2, 0))
	co := &domain.Cohort{Name: "Cohorte Ségou 2026", City: "Ségou", StartsOn: start, EndsOn: start.AddDate(1, 0, 0), Capacity: 9, ApplicationsOpen: true}
	if err := s.cohorts.Create(ctx, c.admin, co); err != nil {
		t.Fatal(err)
	}
	people := []applicant{
		{"Aminata Kanté", "Savons Aminata", "Ségou", "crafts", domain.GenderWoman},
		{"Moussa Traoré", "Garage Moussa", "Ségou", "transport", domain.GenderMan},
		{"Fanta <b>Diallo</b>", "Jus <i>Fanta</i>", "Kayes", "agrifood", domain.GenderWoman},
	}
	var first *domain.Mentorship
	var firstApp *domain.Application
	for _, a := range people {
		app := castApplication(t, s, c, co.ID, a, along[domain.AppAccepted]...)
		m, err := s.matching.Match(ctx, c.admin, service.MatchRequest{ApplicationID: app.ID, MentorID: c.userID(callerMentor),
			OverrideReason: "Charte à signer."}, true)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first, firstApp = m, app
		}
	}
	// The first journey ends early; its entrepreneur says what changed.
	if _, err := s.journey.End(ctx, c.admin, first.ID, "Départ à Bamako.", true); err != nil {
		t.Fatal(err)
	}
	employees := 4
	ent := service.Caller{Actor: service.Actor{UserID: firstApp.UserID, Name: firstApp.Applicant.Name}, Alliance: c.alliance}
	if _, err := s.journey.AnswerSurvey(ctx, ent, first.ID, domain.EndSurvey{WouldRecommend: true, RevenueBand: "1m_5m", Employees: &employees}); err != nil {
		t.Fatal(err)
	}
	sum, err := s.reports.Summary(ctx, c.admin, store.ReportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	percent := func(share float64) string { return fmt.Sprintf("%d\u202f%%", percentOf(share)) }
	names := []string{personName(callerMentor, c.slug), personName(callerEntrepreneur, c.slug), c.users[callerEntrepreneur].email,
		"Boulangerie de " + c.slug}
	for _, a := range people {
		names = append(names, a.name, html.EscapeString(a.name), a.business, html.EscapeString(a.business))
	}
	names = append(names, "Diallo", "Kanté", "Traoré")
	base := "/a/rapport-chiffres/reports"

	for _, who := range []string{callerAdmin, callerCoordinator, callerObserver} {
		w := get(s, base, pageSession(t, s, c, who))
		page := w.Body.String()
		expectPage(t, who+"'s report", w, page, http.StatusOK,
			`id="women-share">`+percent(sum.Total.WomenShare()), `id="entrepreneurs">4<`,
			`id="completion-rate">`+percent(sum.Total.CompletionRate()),
			`<svg class="chart" id="chart-cohorts"`, `<svg class="chart" id="chart-cities"`, `<svg class="chart" id="chart-genders"`,
			`<svg class="chart" id="chart-sessions"`, `<text class="chart-label" x="0" y="71">Kayes</text>`, "1 entrepreneur(s), dont 1 femme(s)", `id="outcome-ended">`,
			`id="change-woman"`, "1 → 4", "1 en hausse", `href="/api/v1/alliances/rapport-chiffres/reports/export.csv"`, `id="link-reports"`)
		for _, name := range names {
			if strings.Contains(page, name) {
				t.Errorf("%s's report names %q", who, name)
			}
		}
		if strings.Contains(page, "style=") || scriptTag.MatchString(page) {
			t.Errorf("%s's report has a style attribute or a script", who)
		}
		if people := strings.Contains(page, `id="export-people"`); people != (who == callerAdmin) {
			t.Errorf("%s's report links the export by entrepreneur: %v", who, people)
		}
	}
	if sum.Total.Entrepreneurs != 4 || sum.Total.Women != 3 {
		t.Fatalf("the summary: %+v", sum.Total)
	}
	for _, who := range []string{callerMentor, callerEntrepreneur} {
		if w := get(s, base, pageSession(t, s, c, who)); w.Code != http.StatusForbidden {
			t.Errorf("%s's report: %d", who, w.Code)
		}
	}

	// The filters.
	coord := pageSession(t, s, c, callerCoordinator)
	w := get(s, base+"?cohort_id="+co.ID.String(), coord)
	expectPage(t, "the report of one cohort", w, w.Body.String(), http.StatusOK, `id="entrepreneurs">3<`,
		`value="`+co.ID.String()+`" selected`, `href="/api/v1/alliances/rapport-chiffres/reports/export.csv?cohort_id=`+co.ID.String()+`"`)
	w = get(s, base+"?cohort_id=nowhere", coord)
	expectPage(t, "an unknown cohort", w, w.Body.String(), http.StatusUnprocessableEntity,
		`id="cohort_id-error">Cette cohorte n’existe pas dans l’alliance.`)
	w = get(s, base+"?from=2026-05-01&to=2026-04-01", coord)
	expectPage(t, "dates the wrong way round", w, w.Body.String(), http.StatusUnprocessableEntity,
		`id="to-error">La fin doit venir après le début.`, `value="2026-05-01"`, `value="2026-04-01"`)
	w = get(s, base+"?from=2000-01-01&to=2000-12-31", coord)
	expectPage(t, "a year without mentorships", w, w.Body.String(), http.StatusOK, `id="entrepreneurs">0<`, `id="no-figures"`)
}
