package web

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/mentorat/mentorat/internal/domain"
)

func TestAPICohortIsCreatedListedAndReplacedWhole(t *testing.T) {
	p := newPipelineAPI(t)
	body := cohortInput("Dakar 2028", 2)
	closes := time.Now().UTC().AddDate(0, 1, 0).Format(time.DateOnly)
	body["closes_on"] = closes
	w := p.call("POST", p.path("/cohorts"), body, p.admin.Token)
	p.expect(w, http.StatusCreated, "create")
	if got := p.keys(w.Body.Bytes()); !slices.Equal(got, []string{"applications_open", "capacity", "city", "closes_on", "created_at",
		"ends_on", "id", "name", "open", "starts_on", "updated_at"}) {
		t.Fatalf("keys %v", got)
	}
	var co cohortView
	p.decode(w, &co)
	if co.Name != "Dakar 2028" || co.StartsOn != body["starts_on"] || co.EndsOn != body["ends_on"] || co.ClosesOn == nil ||
		*co.ClosesOn != closes || co.Capacity != 2 || !co.ApplicationsOpen || !co.Open {
		t.Fatalf("created %+v", co)
	}

	// Two applications, accepted, and a third just submitted show in the
	// counts.
	for _, name := range []string{"Aminata", "Mariam"} {
		id := p.apply(p.form(co.ID, name, name+"@example.org"))
		for _, st := range pathTo(domain.AppAccepted) {
			p.move(id, st)
		}
	}
	p.apply(p.form(co.ID, "Kadidia", "kadidia@example.org"))
	w = p.call("GET", p.path("/cohorts"), nil, p.coord.Token)
	p.expect(w, http.StatusOK, "list")
	var list page[cohortSummaryView]
	p.decode(w, &list)
	// The latest start first, then by name.
	if len(list.Items) != 2 || list.Items[0].ID != p.cohort.ID || list.Items[1].ID != co.ID || list.NextCursor != nil {
		t.Fatalf("list %s", w.Body)
	}
	counts := list.Items[1].Counts
	if len(counts) != len(domain.ApplicationStatuses) || counts[domain.AppSubmitted] != 1 || counts[domain.AppAccepted] != 2 || counts[domain.AppMatched] != 0 {
		t.Fatalf("counts %v", counts)
	}

	// PATCH replaces the cohort whole: what the body leaves out is empty.
	body = cohortInput("Dakar 2028, deuxième vague", 3)
	delete(body, "applications_open")
	w = p.call("PATCH", p.path("/cohorts/"+co.ID.String()), body, p.coord.Token)
	p.expect(w, http.StatusOK, "replace")
	p.decode(w, &co)
	if co.Name != "Dakar 2028, deuxième vague" || co.Capacity != 3 || co.ApplicationsOpen || co.Open || co.ClosesOn != nil {
		t.Fatalf("replaced %+v", co)
	}
	w = p.call("GET", p.path("/cohorts/"+co.ID.String()), nil, p.admin.Token)
	p.expect(w, http.StatusOK, "get")
	var got cohortView
	p.decode(w, &got)
	if got.Name != co.Name || got.Open {
		t.Fatalf("read %+v", got)
	}

	// The capacity cannot go below the places taken.
	for _, loc := range bothLanguages {
		before := p.pipelineCounts()
		p.expectField(t, p.in(loc, "PATCH", p.path("/cohorts/"+co.ID.String()), cohortInput("Dakar 2028", 1), p.coord), loc, "capacity",
			"validation.capacity_below_taken", map[string]any{"taken": 2})
		p.unchangedPipeline(t, before)
	}
	// A form whose last day was yesterday is closed, whatever
	// applications_open says.
	body = cohortInput("Dakar 2028", 3)
	body["closes_on"] = time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly)
	w = p.call("PATCH", p.path("/cohorts/"+co.ID.String()), body, p.coord.Token)
	p.expect(w, http.StatusOK, "closed yesterday")
	p.decode(w, &co)
	if !co.ApplicationsOpen || co.Open {
		t.Fatalf("closed yesterday: %+v", co)
	}
}

func TestAPICohortRefusesBadInputInBothLanguagesAndWritesNothing(t *testing.T) {
	p := newPipelineAPI(t)
	with := func(change func(map[string]any)) map[string]any {
		b := cohortInput("Dakar 2028", 10)
		change(b)
		return b
	}
	tests := []struct {
		name  string
		body  map[string]any
		field string
		key   string
		args  map[string]any
	}{
		{"a start that is no date", with(func(b map[string]any) { b["starts_on"] = "le 15 mars" }), "starts_on", "validation.date", nil},
		{"a date with a time", with(func(b map[string]any) { b["ends_on"] = "2030-01-15T09:00:00Z" }), "ends_on", "validation.date", nil},
		{"a closing day that is no date", with(func(b map[string]any) { b["closes_on"] = "2030-02-30" }), "closes_on", "validation.date", nil},
		{"no start", with(func(b map[string]any) { delete(b, "starts_on") }), "starts_on", "validation.required", nil},
		{"an end before the start", with(func(b map[string]any) { b["ends_on"] = b["starts_on"] }), "ends_on", "validation.ends_after_start", nil},
		{"closing after the end", with(func(b map[string]any) { b["closes_on"] = "2099-01-01" }), "closes_on", "validation.closes_before_end", nil},
		{"no name", with(func(b map[string]any) { b["name"] = " " }), "name", "validation.required", nil},
		{"no place", with(func(b map[string]any) { b["capacity"] = 0 }), "capacity", "validation.range", map[string]any{"min": 1, "max": domain.CohortCapacityMax}},
	}
	for _, tc := range tests {
		for _, loc := range bothLanguages {
			t.Run(tc.name+" "+string(loc), func(t *testing.T) {
				before := p.pipelineCounts()
				p.expectField(t, p.in(loc, "POST", p.path("/cohorts"), tc.body, p.coord), loc, tc.field, tc.key, tc.args)
				p.expectField(t, p.in(loc, "PATCH", p.path("/cohorts/"+p.cohort.ID.String()), tc.body, p.coord), loc, tc.field, tc.key, tc.args)
				p.unchangedPipeline(t, before)
			})
		}
	}
	for _, loc := range bothLanguages {
		before := p.pipelineCounts()
		for _, path := range []string{"/cohorts/" + p.otherCohort.ID.String(), "/cohorts/" + uuid.NewString(), "/cohorts/dakar"} {
			p.expectProblem(t, p.in(loc, "GET", p.path(path), nil, p.coord), http.StatusNotFound, loc, "error.not_found.detail")
			p.expectProblem(t, p.in(loc, "PATCH", p.path(path), cohortInput("Repris", 10), p.coord), http.StatusNotFound, loc, "error.not_found.detail")
		}
		p.expectProblem(t, p.in(loc, "POST", p.path("/cohorts"), `{"name":`, p.coord), http.StatusBadRequest, loc, "error.malformed.json")
		p.expectProblem(t, p.in(loc, "POST", p.path("/cohorts"), cohortInput("Dakar 2028", 10), p.mentor), http.StatusForbidden, loc, "error.forbidden.detail")
		p.unchangedPipeline(t, before)
	}
}
