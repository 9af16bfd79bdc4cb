package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/mentorat/mentorat/internal/domain"
)

func TestAPIApplicationMovesAlongThePipelineAndTheDecisionIsMailed(t *testing.T) {
	p := newPipelineAPI(t)
	form := p.form(p.cohort.ID, "Mariam Coulibaly", "mariam@example.org")
	form["locale"] = "en"
	id := p.apply(form)
	path := p.path("/applications/" + id.String() + "/transitions")
	for _, loc := range bothLanguages {
		t.Run("refused moves "+string(loc), func(t *testing.T) {
			before := p.pipelineCounts()
			w := p.in(loc, "POST", path, map[string]any{"to": "accepted", "note": "Trop tôt."}, p.coord)
			p.expectDetail(t, w, http.StatusConflict, loc, "error.application.move_refused", map[string]any{"from": "submitted"})
			var refused struct{ Allowed []string }
			p.decode(w, &refused)
			if !slices.Equal(refused.Allowed, []string{"screening"}) {
				t.Fatalf("allowed %v", refused.Allowed)
			}
			p.expectField(t, p.in(loc, "POST", path, map[string]any{"to": "hired"}, p.coord), loc, "to", "validation.one_of",
				map[string]any{"values": domain.ApplicationStatusList()})
			p.expectField(t, p.in(loc, "POST", path, map[string]any{}, p.coord), loc, "to", "validation.one_of",
				map[string]any{"values": domain.ApplicationStatusList()})
			p.expectField(t, p.in(loc, "POST", path, map[string]any{"to": "screening", "note": strings.Repeat("n", 2001)}, p.coord), loc, "note",
				"validation.too_long", map[string]any{"max": 2000})
			p.expectProblem(t, p.in(loc, "POST", p.path("/applications/"+uuid.NewString()+"/transitions"), map[string]any{"to": "screening"}, p.coord),
				http.StatusNotFound, loc, "error.not_found.detail")
			p.expectProblem(t, p.in(loc, "POST", path, map[string]any{"to": "screening"}, p.entrep), http.StatusForbidden, loc, "error.forbidden.detail")
			p.unchangedPipeline(t, before)
		})
	}

	// The alliance words its acceptance in English; the applicant applied
	// in English.
	w := p.call("PUT", p.path("/messages"), map[string]any{"key": "decision.accepted", "locale": "en",
		"subject": "{alliance}: welcome to {cohort}", "body": "Dear {name}, you are in. {link}"}, p.admin.Token)
	p.expect(w, http.StatusOK, "wording")
	mails := len(p.mails())
	p.move(id, domain.AppScreening)
	p.move(id, domain.AppInterview)
	if got := len(p.mails()); got != mails {
		t.Fatalf("%d mails for moves that decide nothing", got-mails)
	}
	w = p.call("POST", path, map[string]any{"to": "accepted", "note": "Projet clair."}, p.coord.Token)
	p.expect(w, http.StatusOK, "accept")
	var v screenedApplicationView
	p.decode(w, &v)
	if v.Status != domain.AppAccepted || len(v.Allowed) != 0 || len(v.History) != 4 || v.History[3].Note != "Projet clair." ||
		v.History[3].ActorName != "Binta" || *v.History[3].From != domain.AppInterview {
		t.Fatalf("accepted %+v", v)
	}
	sent := p.mails()[mails:]
	if len(sent) != 1 || sent[0].To != "mariam@example.org" || sent[0].Subject != "Alliance "+p.slug+": welcome to Dakar 2027" ||
		!strings.HasPrefix(sent[0].Text, "Dear Mariam Coulibaly, you are in. "+acctBaseURL) {
		t.Fatalf("decision mails %+v", sent)
	}
}

func TestAPIFullCohortRefusesAcceptancesWithItsCapacity(t *testing.T) {
	p := newPipelineAPI(t)
	small := p.newCohort(p.coord, p.slug, "Rufisque 2027", 1)
	var ids []domain.ID
	for _, name := range []string{"Aminata", "Binetou"} {
		id := p.apply(p.form(small.ID, name, name+"@example.org"))
		p.move(id, domain.AppScreening)
		p.move(id, domain.AppInterview)
		ids = append(ids, id)
	}
	p.move(ids[0], domain.AppAccepted)
	for _, loc := range bothLanguages {
		before := p.pipelineCounts()
		w := p.in(loc, "POST", p.path("/applications/"+ids[1].String()+"/transitions"), map[string]any{"to": "accepted"}, p.coord)
		p.expectDetail(t, w, http.StatusConflict, loc, "error.cohort.full", map[string]any{"cohort": "Rufisque 2027", "capacity": 1, "free": 0})
		p.unchangedPipeline(t, before)
	}
	// The waiting list still takes it.
	p.move(ids[1], domain.AppWaitlisted)
}

func TestAPIBulkMovesAreAllOrNone(t *testing.T) {
	p := newPipelineAPI(t)
	a := p.applied("Aminata", "aminata@example.org", domain.AppScreening)
	b := p.applied("Binetou", "binetou@example.org", domain.AppScreening)
	c := p.applied("Coumba", "coumba@example.org", domain.AppSubmitted)
	path := p.path("/applications/transitions")
	for _, loc := range bothLanguages {
		t.Run(string(loc), func(t *testing.T) {
			before := p.pipelineCounts()
			w := p.in(loc, "POST", path, map[string]any{"ids": []string{a.String(), b.String(), c.String()}, "to": "interview"}, p.coord)
			p.expectDetail(t, w, http.StatusConflict, loc, "error.application.moves_refused", map[string]any{"count": 1})
			want := p.message(loc, "validation.move_refused", map[string]any{"id": c.String(), "from": "submitted"})
			if got := p.problem(w).fieldMessages()["ids"]; got != want {
				t.Fatalf("ids: %q; want %q", got, want)
			}
			p.expectField(t, p.in(loc, "POST", path, map[string]any{"ids": []string{a.String(), "aminata"}, "to": "interview"}, p.coord), loc, "ids",
				"validation.id", nil)
			p.expectField(t, p.in(loc, "POST", path, map[string]any{"ids": []string{}, "to": "interview"}, p.coord), loc, "ids",
				"validation.required", nil)
			p.expectProblem(t, p.in(loc, "POST", path, map[string]any{"ids": []string{a.String(), uuid.NewString()}, "to": "interview"}, p.coord),
				http.StatusNotFound, loc, "error.not_found.detail")
			p.unchangedPipeline(t, before)
		})
	}
	w := p.call("POST", path, map[string]any{"ids": []string{a.String(), b.String()}, "to": "interview", "note": "Entretiens mardi."}, p.coord.Token)
	p.expect(w, http.StatusOK, "bulk")
	var out struct{ Items []applicationSummaryView }
	p.decode(w, &out)
	if len(out.Items) != 2 || out.Items[0].Status != domain.AppInterview || out.Items[1].Status != domain.AppInterview {
		t.Fatalf("moved %s", w.Body)
	}
	if v := p.application(b, p.admin); v.History[len(v.History)-1].Note != "Entretiens mardi." {
		t.Fatalf("history %+v", v.History)
	}
}
