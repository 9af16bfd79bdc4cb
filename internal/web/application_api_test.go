package web

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/mentorat/mentorat/internal/domain"
)

func TestAPIApplyingNeedsNoAccountAndKeepsTheFollowLinkForTheMail(t *testing.T) {
	p := newPipelineAPI(t)
	before := p.pipelineCounts()
	form := p.form(p.cohort.ID, "Aïssata Diallo", " Aissata@Example.ORG ")
	w := p.call("POST", p.path("/applications"), form, "", "Accept-Language", "en")
	p.expect(w, http.StatusCreated, "apply")
	if got := p.keys(w.Body.Bytes()); !slices.Equal(got, []string{"id", "status"}) || !strings.Contains(w.Body.String(), `"status":"submitted"`) {
		t.Fatalf("answer %s", w.Body)
	}
	var out struct{ ID domain.ID }
	p.decode(w, &out)
	after := p.pipelineCounts()
	if after["users"] != before["users"]+1 || after["applications"] != before["applications"]+1 || after["application_events"] != before["application_events"]+1 {
		t.Fatalf("counts %v, before %v", after, before)
	}
	// The follow link goes by mail, in the language of the request, to
	// the address given.
	mails := p.mails()
	last := mails[len(mails)-1]
	if last.To != "aissata@example.org" || !strings.Contains(last.Text, acctBaseURL+"/a/"+p.slug+"/applications/follow/") ||
		!strings.Contains(last.Subject, "received your application") {
		t.Fatalf("mail %+v", last)
	}
	v := p.application(out.ID, p.coord)
	if v.Status != domain.AppSubmitted || v.Locale != domain.English || v.Applicant.Email != "aissata@example.org" || v.CohortName != "Dakar 2027" ||
		len(v.History) != 1 || v.History[0].From != nil || v.History[0].To != domain.AppSubmitted {
		t.Fatalf("application %+v", v)
	}

	// The locale of the body comes before the request's; a phone alone
	// will do, and opens no account.
	form = p.form(p.cohort.ID, "Oumou Sangaré", "")
	form["applicant"].(map[string]any)["phone"] = "+221 77 123 45 67"
	form["locale"] = "fr"
	before = p.pipelineCounts()
	id := p.apply(form)
	if v := p.application(id, p.admin); v.Locale != domain.French || v.Applicant.Phone != "+221771234567" || v.Applicant.Email != "" {
		t.Fatalf("by phone %+v", v)
	}
	if after := p.pipelineCounts(); after["users"] != before["users"] || after["outbox"] != before["outbox"] {
		t.Fatalf("by phone: counts %v, before %v", after, before)
	}

	// The same person cannot apply twice to one cohort.
	for _, loc := range bothLanguages {
		before := p.pipelineCounts()
		w := p.in(loc, "POST", p.path("/applications"), p.form(p.cohort.ID, "Aïssata Diallo", "aissata@example.org"), acctUser{})
		p.expectDetail(t, w, http.StatusConflict, loc, "error.application.duplicate", map[string]any{"cohort": "Dakar 2027"})
		p.unchangedPipeline(t, before)
	}
}

func TestAPIApplyingRefusesBadInputInBothLanguagesAndWritesNothing(t *testing.T) {
	p := newPipelineAPI(t)
	year := time.Now().UTC().Year()
	closed := cohortInput("Dakar 2026", 10)
	closed["applications_open"] = false
	w := p.call("POST", p.path("/cohorts"), closed, p.coord.Token)
	p.expect(w, http.StatusCreated, "closed cohort")
	var closedCohort cohortView
	p.decode(w, &closedCohort)
	with := func(change func(f, applicant, business map[string]any)) map[string]any {
		f := p.form(p.cohort.ID, "Fatoumata Traoré", "fatoumata@example.org")
		change(f, f["applicant"].(map[string]any), f["business"].(map[string]any))
		return f
	}
	birth := map[string]any{"min": year - 80, "max": year - 15}
	tests := []struct {
		name  string
		body  map[string]any
		field string
		key   string
		args  map[string]any
	}{
		{"another alliance's cohort", with(func(f, _, _ map[string]any) { f["cohort_id"] = p.otherCohort.ID.String() }),
			"cohort_id", "validation.cohort_unknown", nil},
		{"a cohort id that is no UUID", with(func(f, _, _ map[string]any) { f["cohort_id"] = "dakar-2027" }), "cohort_id", "validation.cohort_unknown", nil},
		{"no cohort", with(func(f, _, _ map[string]any) { delete(f, "cohort_id") }), "cohort_id", "validation.cohort_unknown", nil},
		{"born in the future", with(func(_, a, _ map[string]any) { a["birth_year"] = year + 1 }), "applicant.birth_year", "validation.range", birth},
		{"born in 1850", with(func(_, a, _ map[string]any) { a["birth_year"] = 1850 }), "applicant.birth_year", "validation.range", birth},
		{"an unknown gender", with(func(_, a, _ map[string]any) { a["gender"] = "female" }), "applicant.gender", "validation.one_of",
			map[string]any{"values": "woman, man, unspecified"}},
		{"a motivation of 100,000 characters", with(func(f, _, _ map[string]any) { f["motivation"] = strings.Repeat("a", 100_000) }),
			"motivation", "validation.too_long", map[string]any{"max": domain.ApplicationTextMax}},
		{"an invalid e-mail and no phone", with(func(_, a, _ map[string]any) { a["email"] = "fatoumata@" }), "applicant.email", "validation.email", nil},
		{"neither e-mail nor phone", with(func(_, a, _ map[string]any) { a["email"] = "" }), "applicant.email", "validation.email_or_phone", nil},
		{"a phone too short", with(func(_, a, _ map[string]any) { a["phone"] = "12 34" }), "applicant.phone", "validation.phone", nil},
		{"an unknown sector", with(func(_, _, b map[string]any) { b["sector"] = "mining" }), "business.sector", "validation.one_of",
			map[string]any{"values": strings.Join(domain.Sectors, ", ")}},
		{"founded in the future", with(func(_, _, b map[string]any) { b["founded_year"] = year + 1 }), "business.founded_year", "validation.range",
			map[string]any{"min": 1950, "max": year}},
		{"no goals", with(func(f, _, _ map[string]any) { f["goals"] = "  " }), "goals", "validation.required", nil},
		{"an unknown language", with(func(f, _, _ map[string]any) { f["locale"] = "wo" }), "locale", "validation.locale", nil},
	}
	for _, tc := range tests {
		for _, loc := range bothLanguages {
			t.Run(tc.name+" "+string(loc), func(t *testing.T) {
				before := p.pipelineCounts()
				p.expectField(t, p.in(loc, "POST", p.path("/applications"), tc.body, acctUser{}), loc, tc.field, tc.key, tc.args)
				p.unchangedPipeline(t, before)
			})
		}
	}
	for _, loc := range bothLanguages {
		t.Run("a closed cohort "+string(loc), func(t *testing.T) {
			before := p.pipelineCounts()
			w := p.in(loc, "POST", p.path("/applications"), p.form(closedCohort.ID, "Fatoumata Traoré", "fatoumata@example.org"), acctUser{})
			p.expectDetail(t, w, http.StatusConflict, loc, "error.application.cohort_closed", map[string]any{"cohort": "Dakar 2026"})
			p.unchangedPipeline(t, before)
		})
		t.Run("malformed "+string(loc), func(t *testing.T) {
			before := p.pipelineCounts()
			p.expectProblem(t, p.in(loc, "POST", p.path("/applications"), `{"cohort_id":`, acctUser{}), http.StatusBadRequest, loc, "error.malformed.json")
			p.expectProblem(t, p.in(loc, "POST", p.path("/applications"), `{"applicant":{"birth_year":"1990"}}`, acctUser{}),
				http.StatusBadRequest, loc, "")
			p.expectProblem(t, p.in(loc, "POST", p.path("/applications"), `{"follow":"me"}`, acctUser{}), http.StatusBadRequest, loc, "error.malformed.json")
			p.unchangedPipeline(t, before)
		})
	}
	// An alliance that does not exist takes no application.
	w = p.call("POST", "/api/v1/alliances/nowhere-at-all/applications", p.form(p.cohort.ID, "Fatoumata Traoré", "fatoumata@example.org"), "")
	p.expect(w, http.StatusNotFound, "unknown alliance")
}

func TestAPIApplyingIsThrottledPerAddress(t *testing.T) {
	p := newPipelineAPI(t)
	form := p.form(p.cohort.ID, "Fatoumata Traoré", "fatoumata@example.org")
	send := func() int {
		return p.send(acctReq{method: "POST", path: p.path("/applications"), body: form, remote: "203.0.113.9:5000",
			header: map[string]string{"Accept-Language": "en"}}).Code
	}
	// The first is taken, the next are the same person again; each counts.
	if got := send(); got != http.StatusCreated {
		t.Fatalf("first: %d", got)
	}
	for range 19 {
		if got := send(); got != http.StatusConflict {
			t.Fatalf("again: %d", got)
		}
	}
	before := p.pipelineCounts()
	w := p.send(acctReq{method: "POST", path: p.path("/applications"), body: p.form(p.cohort.ID, "Awa Ba", "awa.ba@example.org"),
		remote: "203.0.113.9:5000", header: map[string]string{"Accept-Language": "en"}})
	p.expectProblem(t, w, http.StatusTooManyRequests, domain.English, "")
	if ra := w.Header().Get("Retry-After"); ra == "" || ra == "0" {
		t.Fatalf("Retry-After %q", ra)
	}
	if !strings.HasPrefix(p.problem(w).Detail, "Too many attempts. Try again in ") {
		t.Fatalf("detail %q", p.problem(w).Detail)
	}
	p.unchangedPipeline(t, before)
	// Another address is not held back.
	p.apply(p.form(p.cohort.ID, "Awa Ba", "awa.ba@example.org"))
}

func TestAPIApplicationIsReadByItsScreenersAndItsApplicantOnly(t *testing.T) {
	p := newPipelineAPI(t)
	// Kofi, who is no member, applies with the address of his account.
	id := p.apply(p.form(p.cohort.ID, "Kofi Mensah", p.outsider.Email))
	p.move(id, domain.AppScreening)
	w := p.call("POST", p.path("/applications/"+id.String()+"/transitions"), map[string]any{"to": "interview", "note": "Dossier solide, à voir de vive voix."}, p.coord.Token)
	p.expect(w, http.StatusOK, "to interview")
	w = p.call("POST", p.path("/applications/"+id.String()+"/notes"), map[string]any{"text": "Très motivé.", "score": 4}, p.admin.Token)
	p.expect(w, http.StatusCreated, "note")
	var note applicationNoteView
	p.decode(w, &note)
	if note.Text != "Très motivé." || note.Score == nil || *note.Score != 4 || note.AuthorName != "Awa" {
		t.Fatalf("note %+v", note)
	}

	staff := p.application(id, p.coord)
	if len(staff.Notes) != 1 || staff.Notes[0].Text != "Très motivé." || !slices.Equal(staff.Allowed,
		[]domain.ApplicationStatus{domain.AppAccepted, domain.AppWaitlisted, domain.AppRejected}) ||
		len(staff.History) != 3 || staff.History[2].Note != "Dossier solide, à voir de vive voix." || staff.Score == nil || *staff.Score != 4 ||
		staff.Motivation == "" {
		t.Fatalf("as the coordinator %+v", staff)
	}
	w = p.call("GET", p.path("/applications/"+id.String()), nil, p.outsider.Token)
	p.expect(w, http.StatusOK, "as the applicant")
	if got := p.keys(w.Body.Bytes()); slices.Contains(got, "notes") || slices.Contains(got, "allowed") ||
		strings.Contains(w.Body.String(), "Dossier solide") || strings.Contains(w.Body.String(), "Très motivé") {
		t.Fatalf("the applicant sees the screeners' notes: %s", w.Body)
	}
	var own applicationView
	p.decode(w, &own)
	if own.ID != id || own.Status != domain.AppInterview || len(own.History) != 3 || own.Motivation == "" {
		t.Fatalf("as the applicant %+v", own)
	}

	for _, loc := range bothLanguages {
		for _, u := range []acctUser{p.mentor, p.entrep, p.otherMentor} {
			p.expectProblem(t, p.in(loc, "GET", p.path("/applications/"+id.String()), nil, u), http.StatusNotFound, loc, "error.not_found.detail")
		}
		p.expectProblem(t, p.in(loc, "GET", p.path("/applications/"+id.String()), nil, acctUser{}), http.StatusUnauthorized, loc,
			"error.unauthenticated.detail")
		p.expectProblem(t, p.in(loc, "GET", p.path("/applications/"+uuid.NewString()), nil, p.coord), http.StatusNotFound, loc, "error.not_found.detail")
		// Under another alliance's slug, the application is unknown, even
		// to its applicant, who is that alliance's admin.
		p.expectProblem(t, p.in(loc, "GET", "/api/v1/alliances/"+p.otherSlug+"/applications/"+id.String(), nil, p.outsider),
			http.StatusNotFound, loc, "error.not_found.detail")
	}
}

func TestAPIApplicantWithdrawsTheirOwnWhileItIsScreened(t *testing.T) {
	p := newPipelineAPI(t)
	id := p.apply(p.form(p.cohort.ID, "Fanta", p.entrep.Email))
	p.move(id, domain.AppScreening)
	withdraw := func(loc domain.Locale, u acctUser) *httptest.ResponseRecorder {
		return p.in(loc, "POST", p.path("/applications/"+id.String()+"/withdraw"), nil, u)
	}
	for _, loc := range bothLanguages {
		before := p.pipelineCounts()
		for _, u := range []acctUser{p.coord, p.admin, p.mentor} {
			p.expectProblem(t, withdraw(loc, u), http.StatusNotFound, loc, "error.not_found.detail")
		}
		p.expectProblem(t, withdraw(loc, acctUser{}), http.StatusUnauthorized, loc, "error.unauthenticated.detail")
		p.unchangedPipeline(t, before)
	}
	w := withdraw(domain.French, p.entrep)
	p.expect(w, http.StatusOK, "withdraw")
	var v applicationView
	p.decode(w, &v)
	if v.Status != domain.AppWithdrawn || v.History[len(v.History)-1].To != domain.AppWithdrawn {
		t.Fatalf("withdrawn %+v", v)
	}
	for _, loc := range bothLanguages {
		before := p.pipelineCounts()
		p.expectDetail(t, withdraw(loc, p.entrep), http.StatusConflict, loc, "error.application.not_withdrawable", map[string]any{"from": "withdrawn"})
		w := p.in(loc, "POST", p.path("/applications/"+id.String()+"/transitions"), map[string]any{"to": "interview"}, p.coord)
		p.expectDetail(t, w, http.StatusConflict, loc, "error.application.move_refused", map[string]any{"from": "withdrawn"})
		p.unchangedPipeline(t, before)
	}
}

func TestAPIPipelineIsListedAndFiltered(t *testing.T) {
	p := newPipelineAPI(t)
	a := p.applied("Aminata", "aminata@example.org", domain.AppAccepted)
	b := p.applied("Binetou", "binetou@example.org", domain.AppScreening)
	form := p.form(p.cohort.ID, "Moussa Konaté", "moussa.k@example.org")
	form["applicant"].(map[string]any)["gender"] = "man"
	form["applicant"].(map[string]any)["city"] = "Thiès"
	form["business"].(map[string]any)["sector"] = "digital"
	c := p.apply(form)
	second := p.newCohort(p.coord, p.slug, "Dakar 2028", 5)
	d := p.apply(p.form(second.ID, "Coumba", "coumba@example.org"))

	list := func(query string) ([]domain.ID, int) {
		t.Helper()
		w := p.call("GET", p.path("/applications"+query), nil, p.coord.Token)
		p.expect(w, http.StatusOK, "list "+query)
		var out struct {
			Items []applicationSummaryView
			Total int
		}
		p.decode(w, &out)
		var ids []domain.ID
		for _, it := range out.Items {
			ids = append(ids, it.ID)
		}
		if strings.Contains(w.Body.String(), "motivation") {
			t.Fatalf("the list carries the long texts: %s", w.Body)
		}
		return ids, out.Total
	}
	for query, want := range map[string][]domain.ID{
		"":                                  {d, c, b, a},
		"?status=accepted,screening":        {b, a},
		"?status=accepted&status=screening": {b, a},
		"?cohort_id=" + second.ID.String():  {d},
		"?gender=man":                       {c},
		"?city=THI%C3%88S":                  {c},
		"?sector=digital":                   {c},
		"?q=binetou":                        {b},
		"?limit=2":                          {d, c},
		"?limit=2&offset=2":                 {b, a},
		"?status=matched":                   nil,
		"?cohort_id=" + p.otherCohort.ID.String(): nil,
	} {
		ids, total := list(query)
		if !slices.Equal(ids, want) {
			t.Errorf("%s: %v; want %v", query, ids, want)
		}
		if wantTotal := len(want); strings.Contains(query, "limit") {
			if total != 4 {
				t.Errorf("%s: total %d; want 4", query, total)
			}
		} else if total != wantTotal {
			t.Errorf("%s: total %d; want %d", query, total, wantTotal)
		}
	}
	for _, loc := range bothLanguages {
		for query, field := range map[string]string{"?status=hired": "status", "?gender=female": "gender", "?sector=mining": "sector",
			"?cohort_id=2027": "cohort_id", "?limit=500": "limit", "?offset=-1": "offset"} {
			w := p.in(loc, "GET", p.path("/applications"+query), nil, p.coord)
			p.expectProblem(t, w, http.StatusUnprocessableEntity, loc, "")
			if _, ok := p.problem(w).fieldMessages()[field]; !ok {
				t.Errorf("%s: %s names no %s", query, w.Body, field)
			}
		}
	}
}

func TestAPINotesAreRefusedWhenBadAndWriteNothing(t *testing.T) {
	p := newPipelineAPI(t)
	id := p.apply(p.form(p.cohort.ID, "Aminata", "aminata@example.org"))
	path := p.path("/applications/" + id.String() + "/notes")
	for _, loc := range bothLanguages {
		before := p.pipelineCounts()
		p.expectField(t, p.in(loc, "POST", path, map[string]any{"text": "Bien.", "score": 6}, p.coord), loc, "score", "validation.range",
			map[string]any{"min": 1, "max": 5})
		p.expectField(t, p.in(loc, "POST", path, map[string]any{"text": " "}, p.coord), loc, "text", "validation.required", nil)
		p.expectField(t, p.in(loc, "POST", path, map[string]any{"text": strings.Repeat("é", domain.ApplicationNoteMax+1)}, p.coord), loc, "text",
			"validation.too_long", map[string]any{"max": domain.ApplicationNoteMax})
		p.expectProblem(t, p.in(loc, "POST", p.path("/applications/"+uuid.NewString()+"/notes"), map[string]any{"text": "Bien."}, p.coord),
			http.StatusNotFound, loc, "error.not_found.detail")
		p.expectProblem(t, p.in(loc, "POST", path, map[string]any{"text": "Bien."}, p.mentor), http.StatusForbidden, loc, "error.forbidden.detail")
		p.unchangedPipeline(t, before)
	}
	// A score alone is a note.
	p.expect(p.call("POST", path, map[string]any{"score": 2}, p.coord.Token), http.StatusCreated, "score alone")
}
