package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

// castCohort opens a cohort of the cast's alliance in city, starting in a
// month, for a year.
func castCohort(t *testing.T, s *Server, c *cast, name, city string, capacity int) *domain.Cohort {
	t.Helper()
	start := domain.Day(time.Now().AddDate(0, 1, 0))
	co := &domain.Cohort{Name: name, City: city, StartsOn: start, EndsOn: start.AddDate(1, 0, 0), Capacity: capacity, ApplicationsOpen: true}
	if err := s.cohorts.Create(t.Context(), c.admin, co); err != nil {
		t.Fatalf("cohort %s: %v", name, err)
	}
	return co
}

// applicant is who applies in the pipeline's page tests.
type applicant struct {
	name, business, city, sector string
	gender                       domain.Gender
}

var applicantCount atomic.Int64

// castApplication sends a's application to the cohort, from an address
// of its own, then has the cast's admin move it along path.
func castApplication(t *testing.T, s *Server, c *cast, cohort domain.ID, a applicant, path ...domain.ApplicationStatus) *domain.Application {
	t.Helper()
	ctx := t.Context()
	email := fmt.Sprintf("candidate%d@%s.example.org", applicantCount.Add(1), c.slug)
	sub, err := s.applications.Apply(ctx, c.alliance, domain.ApplicationForm{CohortID: cohort, Locale: domain.French,
		Applicant: domain.Applicant{Name: a.name, Email: email, Gender: a.gender, BirthYear: 1996, City: a.city},
		Business:  domain.Business{Name: a.business, Sector: a.sector, Stage: "starting", Employees: 1, RevenueBand: "under_1m"},
		Obstacles: "Trouver des clients réguliers.", Goals: "Vendre chaque semaine.", Motivation: "Avancer avec quelqu’un."}, castIPs())
	if err != nil {
		t.Fatalf("%s applies: %v", a.name, err)
	}
	app := sub.Application
	for _, to := range path {
		if app, err = s.applications.Move(ctx, c.admin, app.ID, to, ""); err != nil {
			t.Fatalf("move %s to %s: %v", a.name, to, err)
		}
	}
	return app
}

// along are the moves from submitted to each status staff move to.
var along = map[domain.ApplicationStatus][]domain.ApplicationStatus{
	domain.AppSubmitted: nil,
	domain.AppScreening: {domain.AppScreening},
	domain.AppInterview: {domain.AppScreening, domain.AppInterview},
	domain.AppAccepted:  {domain.AppScreening, domain.AppInterview, domain.AppAccepted},
}

// TestPipelineListAndBoard: the list of applications filters by cohort,
// status, city, gender, sector and words without accents; the board of a
// cohort shows a column per status with its count and first cards. A
// bulk move takes the ticked applications all or none: when one cannot
// move, nothing changes and the list names it, the boxes still ticked.
// Names full of markup reach no page as markup.
func TestPipelineListAndBoard(t *testing.T) {
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "alliance-pipeline")
	base := "/a/alliance-pipeline/applications"
	coordinator := pageSession(t, s, c, callerCoordinator)
	co := castCohort(t, s, c, "Ségou 2027", "Ségou", 10)
	aissata := castApplication(t, s, c, co.ID, applicant{"Aïssata Diallo", "Couture Aïssata", "Ségou", "textile", domain.GenderWoman})
	moussa := castApplication(t, s, c, co.ID, applicant{"Moussa Traoré", "Moussa Digital", "Bamako", "digital", domain.GenderMan},
		along[domain.AppScreening]...)
	script := castApplication(t, s, c, co.ID, applicant{"<script>alert('nom')</script>", `<img src=x onerror=alert(1)>`, "Ségou",
		"agrifood", domain.GenderWoman}, along[domain.AppAccepted]...)
	inCohort := base + "?cohort=" + co.ID.String()

	w := get(s, inCohort, coordinator)
	page := w.Body.String()
	expectPage(t, "the list of a cohort", w, page, http.StatusOK, `id="link-applications" aria-current="page"`,
		"Candidatures 1 à 3 sur 3", "Couture Aïssata · Textile et habillement", `status-screening">En présélection`,
		"&lt;script&gt;alert(&#39;nom&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;", `id="bulk-move"`,
		`<input type="hidden" name="query" value="cohort=`+co.ID.String()+`">`)
	if bad := testkit.UnsafeHTML(partOf(t, page, `id="applications"`, "</ul>")); bad != "" {
		t.Errorf("the list lets through %s", bad)
	}
	filters := []struct {
		query string
		want  []*domain.Application
	}{
		{"q=aissata", []*domain.Application{aissata}},
		{"q=MOUSSA+digital", []*domain.Application{moussa}},
		{"status=screening", []*domain.Application{moussa}},
		{"gender=man", []*domain.Application{moussa}},
		{"sector=textile", []*domain.Application{aissata}},
		{"city=s%C3%A9gou", []*domain.Application{aissata, script}},
		{"status=unknown&gender=nobody", []*domain.Application{aissata, moussa, script}},
	}
	for _, f := range filters {
		page := get(s, inCohort+"&"+f.query, coordinator).Body.String()
		for _, app := range []*domain.Application{aissata, moussa, script} {
			want := false
			for _, w := range f.want {
				want = want || w.ID == app.ID
			}
			if got := strings.Contains(page, `id="application-`+app.ID.String()+`"`); got != want {
				t.Errorf("%s: %s listed %v; want %v", f.query, app.Applicant.Name, got, want)
			}
		}
	}

	// A bulk move that one application cannot make changes nothing.
	ticked := url.Values{"ids": {aissata.ID.String(), moussa.ID.String()}, "to": {"screening"}, "note": {"Dossiers complets"},
		"query": {"cohort=" + co.ID.String()}}
	w = post(s, base+"/transitions", ticked, coordinator)
	page = w.Body.String()
	expectPage(t, "a bulk move refused", w, page, http.StatusConflict,
		"1 candidature(s) ne peuvent pas passer à «\u202fEn présélection\u202f»\u202f: rien n’a été modifié.",
		"<li>Moussa Traoré\u202f: «\u202fEn présélection\u202f»</li>", `id="tick-`+aissata.ID.String()+`" checked`,
		`id="tick-`+moussa.ID.String()+`" checked`, "Dossiers complets</textarea>")
	if d, err := s.applications.Get(t.Context(), c.admin, aissata.ID, true); err != nil || d.Status != domain.AppSubmitted {
		t.Errorf("after a refused bulk move, Aïssata's application is %v (%v)", d.Status, err)
	}
	w = post(s, base+"/transitions", url.Values{"to": {"screening"}, "query": {"cohort=" + co.ID.String()}}, coordinator)
	expectPage(t, "a bulk move of nothing", w, w.Body.String(), http.StatusUnprocessableEntity, `id="ids-error">Ce champ est obligatoire.`)

	// Moved, then the list shows where they stand.
	other := castApplication(t, s, c, co.ID, applicant{"Kadiatou Sangaré", "Savons Kadi", "Ségou", "crafts", domain.GenderWoman})
	ticked.Set("ids", aissata.ID.String())
	ticked.Add("ids", other.ID.String())
	w = post(s, base+"/transitions", ticked, coordinator)
	if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || loc != inCohort+"&moved=2" {
		t.Fatalf("bulk move: %d to %q\n%s", w.Code, loc, w.Body)
	}
	page = get(s, inCohort+"&status=screening&moved=2", coordinator).Body.String()
	if !strings.Contains(page, `id="moved"`) || !strings.Contains(page, "Candidatures 1 à 3 sur 3") {
		t.Errorf("after the bulk move:\n%s", page)
	}
	d, err := s.applications.Get(t.Context(), c.admin, aissata.ID, true)
	if err != nil || d.Events[len(d.Events)-1].Note != "Dossiers complets" || d.Events[len(d.Events)-1].ActorName != personName(callerCoordinator, c.slug) {
		t.Errorf("the move's history: %+v, %v", d.Events[len(d.Events)-1], err)
	}

	// The board: a column per status, the first cards, the count.
	w = get(s, "/a/alliance-pipeline/cohorts/"+co.ID.String()+"/board", coordinator)
	page = w.Body.String()
	expectPage(t, "the board", w, page, http.StatusOK, `<h1>Ségou 2027</h1>`, "4 candidature(s) · Ségou",
		`id="column-screening"`, `id="column-matched"`, `href="`+base+`/`+aissata.ID.String()+`"`, `role="region" tabindex="0"`)
	if col := partOf(t, page, `id="column-screening"`, "</section>"); !strings.Contains(col, `<span class="count">3</span>`) ||
		!strings.Contains(col, "Couture Aïssata") || !strings.Contains(col, "Moussa Digital") {
		t.Errorf("the screening column: %s", col)
	}
	if col := partOf(t, page, `id="column-accepted"`, "</section>"); testkit.UnsafeHTML(col) != "" || !strings.Contains(col, "&lt;script&gt;") {
		t.Errorf("the accepted column: %s", col)
	}

	// Fifty-one applications: a page of fifty, then the last; the board
	// shows the first ten of the column and leads to the rest.
	big := castCohort(t, s, c, "Bamako 2027", "Bamako", 100)
	for i := range 51 {
		castApplication(t, s, c, big.ID, applicant{fmt.Sprintf("Candidate %02d", i), "Atelier", "Bamako", "services", domain.GenderWoman})
	}
	first := base + "?cohort=" + big.ID.String()
	page = get(s, first, coordinator).Body.String()
	next := base + "?cohort=" + big.ID.String() + "&amp;offset=50"
	if !strings.Contains(page, "Candidatures 1 à 50 sur 51") || !strings.Contains(page, `href="`+next+`" rel="next"`) || strings.Contains(page, `rel="prev"`) {
		t.Errorf("the first page of 51:\n%s", page)
	}
	page = get(s, first+"&offset=50", coordinator).Body.String()
	if !strings.Contains(page, "Candidatures 51 à 51 sur 51") || !strings.Contains(page, `rel="prev"`) || strings.Contains(page, `rel="next"`) ||
		!strings.Contains(page, "Candidate 00") {
		t.Errorf("the last page of 51:\n%s", page)
	}
	page = get(s, "/a/alliance-pipeline/cohorts/"+big.ID.String()+"/board", coordinator).Body.String()
	col := partOf(t, page, `id="column-submitted"`, "</section>")
	if n := strings.Count(col, `class="board-card"`); n != 10 || !strings.Contains(col, "Voir les 51") || !strings.Contains(col, "Candidate 00") {
		t.Errorf("the submitted column shows %d cards:\n%s", n, col)
	}

	// Mentors do not screen.
	if w := get(s, base, pageSession(t, s, c, callerMentor)); w.Code != http.StatusForbidden {
		t.Errorf("a mentor on the applications: %d; want 403", w.Code)
	}
}
