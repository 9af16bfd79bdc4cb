package web

import (
	"encoding/csv"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// reportAPI is a journey of Fanta with Moussa, her first session held and
// rated, and a second journey in another cohort: Oumar, a man from Thiès,
// with Ibrahim.
type reportAPI struct {
	*journeyAPI
	second       mentorshipView
	secondCohort cohortView
}

const reportPrivate = "PRIVE-Elle parle de dettes familiales"

func newReportAPI(t *testing.T) *reportAPI {
	t.Helper()
	r := &reportAPI{journeyAPI: newJourneyAPI(t)}
	r.logged(1, reportPrivate)
	r.rated(1, 5, "AVIS-Très utile")
	r.secondCohort = r.newCohort(r.coord, r.slug, "Thiès 2028", 10)
	f := r.form(r.secondCohort.ID, "Oumar Sow", "oumar@example.org")
	applicant := f["applicant"].(map[string]any)
	applicant["gender"], applicant["city"] = "man", "Thiès"
	id := r.apply(f)
	for _, st := range pathTo(domain.AppAccepted) {
		r.move(id, st)
	}
	r.second = r.match(id, r.mentor2)
	return r
}

// csvOf reads a CSV answer: its headers and its lines, after the
// byte-order mark.
func (r *reportAPI) csvOf(t *testing.T, path string, u acctUser) [][]string {
	t.Helper()
	w := r.read(path, u)
	if ct := w.Header().Get("Content-Type"); ct != "text/csv; charset=utf-8" ||
		!strings.HasPrefix(w.Header().Get("Content-Disposition"), `attachment; filename="`) {
		t.Fatalf("%s: %s, %s", path, ct, w.Header().Get("Content-Disposition"))
	}
	body, ok := strings.CutPrefix(w.Body.String(), "\uFEFF")
	if !ok {
		t.Fatalf("%s has no byte-order mark", path)
	}
	lines, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return lines
}

// hasLine tells whether lines hold want.
func hasLine(lines [][]string, want []string) bool {
	return slices.ContainsFunc(lines, func(l []string) bool { return slices.Equal(l, want) })
}

// summaryFor reads the summary with query as u.
func (r *reportAPI) summaryFor(query string, u acctUser) reportSummaryView {
	r.t.Helper()
	var v reportSummaryView
	r.decode(r.read(r.path("/reports/summary"+query), u), &v)
	return v
}

// reportNames are what no aggregate may name: the entrepreneurs, the mentors,
// their addresses, the notes.
var reportNames = []string{"Fanta", "Oumar", "Moussa", "Ibrahim", "@", "PRIVE-", "AVIS-", "Bonne séance"}

func TestAPIReportSummaryCountsWithoutNamingAnyone(t *testing.T) {
	r := newReportAPI(t)
	w := r.read(r.path("/reports/summary"), r.observer)
	if keys := r.keys(w.Body.Bytes()); !slices.Equal(keys, []string{"by_city", "by_cohort", "by_gender", "change", "entrepreneurs",
		"mentorships", "peer_sessions", "sessions"}) {
		t.Fatalf("keys %v", keys)
	}
	for _, who := range reportNames {
		if strings.Contains(w.Body.String(), who) {
			t.Fatalf("the summary names %q: %s", who, w.Body)
		}
	}
	for _, id := range []string{r.entrep.ID.String(), r.mentor.ID.String(), r.m.ID.String()} {
		if strings.Contains(w.Body.String(), id) {
			t.Fatalf("the summary holds the id %s", id)
		}
	}
	var v reportSummaryView
	r.decode(w, &v)
	if v.Entrepreneurs != (reportEntrepreneursView{Total: 2, Women: 1, WomenShare: 0.5}) ||
		v.Sessions != (reportSessionsView{Planned: 24, Held: 1, CompletionRate: 0.0417}) ||
		v.Mentorships != (reportMentorshipsView{Active: 2}) {
		t.Fatalf("summary %+v", v)
	}
	if len(v.ByCity) != 2 || v.ByCity[0].Label != "Dakar" || v.ByCity[0].Key != "dakar" || v.ByCity[1].Label != "Thiès" ||
		len(v.ByCohort) != 2 || v.ByCohort[0].Label != "Dakar 2027" || v.ByCohort[0].Key != r.cohort.ID.String() ||
		v.ByCohort[0].Sessions.Held != 1 || v.ByCohort[0].Sessions.CompletionRate != 0.0833 ||
		len(v.ByGender) != 2 || v.ByGender[0].Key != "man" || v.ByGender[1].WomenShare != 1 {
		t.Fatalf("breakdowns %+v %+v %+v", v.ByCity, v.ByCohort, v.ByGender)
	}

	// The CSV holds the same figures, one a line, and no one either.
	lines := r.csvOf(t, r.path("/reports/export.csv"), r.observer)
	if !slices.Equal(lines[0], []string{"section", "key", "label", "measure", "value"}) ||
		!hasLine(lines, []string{"entrepreneurs", "", "", "women_share", "0.5"}) ||
		!hasLine(lines, []string{"by_city", "thiès", "Thiès", "entrepreneurs", "1"}) ||
		!hasLine(lines, []string{"mentorships", "", "", "active", "2"}) ||
		!hasLine(lines, []string{"by_cohort", r.secondCohort.ID.String(), "Thiès 2028", "sessions_planned", "12"}) {
		t.Fatalf("export %q", lines)
	}
	for _, l := range lines {
		for _, who := range reportNames {
			if strings.Contains(strings.Join(l, ","), who) {
				t.Fatalf("the export names %q: %q", who, l)
			}
		}
	}
}

func TestAPIReportFiltersByCohortAndDay(t *testing.T) {
	r := newReportAPI(t)
	if v := r.summaryFor("?cohort_id="+r.secondCohort.ID.String(), r.coord); v.Entrepreneurs.Total != 1 || v.Entrepreneurs.Women != 0 ||
		v.Sessions.Held != 0 || len(v.ByCohort) != 1 || v.ByCohort[0].Label != "Thiès 2028" {
		t.Fatalf("the second cohort %+v", v)
	}
	if v := r.summaryFor("?cohort_id="+domain.NewID().String(), r.coord); v.Entrepreneurs.Total != 0 || v.Entrepreneurs.WomenShare != 0 {
		t.Fatalf("an unknown cohort %+v", v)
	}
	start := r.m.StartsOn
	day, _ := time.Parse(time.DateOnly, start)
	before, after := day.AddDate(0, 0, -1).Format(time.DateOnly), day.AddDate(0, 0, 1).Format(time.DateOnly)
	for query, want := range map[string]int{
		"?from=" + start + "&to=" + start: 2,
		"?from=" + after:                  0,
		"?to=" + before:                   0,
		"?from=" + before + "&to=" + after + "&cohort_id=" + r.cohort.ID.String(): 1,
	} {
		if v := r.summaryFor(query, r.observer); v.Entrepreneurs.Total != want {
			t.Errorf("%s: %d entrepreneurs; want %d", query, v.Entrepreneurs.Total, want)
		}
	}
	if lines := r.csvOf(t, r.path("/reports/entrepreneurs.csv?cohort_id="+r.secondCohort.ID.String()), r.admin); len(lines) != 2 ||
		lines[1][0] != "Oumar Sow" {
		t.Fatalf("the second cohort's people %q", lines)
	}
	for _, loc := range bothLanguages {
		counts := r.counts(journeyTables...)
		for _, path := range []string{"/reports/summary", "/reports/export.csv", "/reports/entrepreneurs.csv"} {
			for query, field := range map[string]string{"?from=2027-13-01": "from", "?to=demain": "to", "?cohort_id=thies": "cohort_id"} {
				key := map[string]string{"from": "validation.date", "to": "validation.date", "cohort_id": "validation.id"}[field]
				r.expectField(t, r.in(loc, "GET", r.path(path+query), nil, r.admin), loc, field, key, nil)
			}
			r.expectField(t, r.in(loc, "GET", r.path(path+"?from="+after+"&to="+before), nil, r.admin), loc, "to", "validation.ends_after_start", nil)
		}
		r.unchanged(t, counts, journeyTables...)
	}
}

func TestAPIOnlyAdminsExportPeopleAndNeverANote(t *testing.T) {
	r := newReportAPI(t)
	for _, u := range []acctUser{r.observer, r.coord, r.mentor, r.entrep} {
		for _, loc := range bothLanguages {
			before := r.counts(journeyTables...)
			r.expectProblem(t, r.in(loc, "GET", r.path("/reports/entrepreneurs.csv"), nil, u), http.StatusForbidden, loc, "error.forbidden.detail")
			r.unchanged(t, before, journeyTables...)
		}
	}
	for _, u := range []acctUser{r.mentor, r.entrep} {
		r.expectProblem(t, r.in(domain.English, "GET", r.path("/reports/summary"), nil, u), http.StatusForbidden, domain.English, "error.forbidden.detail")
	}
	audit := r.count(&r.id, "audit_log")
	lines := r.csvOf(t, r.path("/reports/entrepreneurs.csv"), r.admin)
	want := []string{"name", "email", "phone", "gender", "birth_year", "city", "business", "sector", "cohort", "mentor", "status",
		"sessions_held", "sessions_planned", "revenue_band_before", "employees_before", "revenue_band_after", "employees_after", "would_recommend"}
	if len(lines) != 3 || !slices.Equal(lines[0], want) {
		t.Fatalf("people %q", lines)
	}
	fanta := lines[1]
	if fanta[0] != "Fanta Keïta" || fanta[1] != r.entrep.Email || fanta[3] != "woman" || fanta[5] != "Dakar" || fanta[8] != "Dakar 2027" ||
		fanta[9] != "Moussa" || fanta[10] != "active" || fanta[11] != "1" || fanta[12] != "12" || fanta[13] != "1m_5m" || fanta[14] != "3" ||
		fanta[15] != "" || fanta[17] != "" {
		t.Fatalf("Fanta's line %q", fanta)
	}
	for _, l := range lines {
		for _, secret := range []string{"PRIVE-", "AVIS-", "Bonne séance", "Les impayés", "Tenir un cahier"} {
			if strings.Contains(strings.Join(l, ","), secret) {
				t.Fatalf("the export holds %q: %q", secret, l)
			}
		}
	}
	if n := r.count(&r.id, "audit_log"); n != audit+1 {
		t.Fatalf("the export was audited %d times", n-audit)
	}
}
