package web

import (
	"net/http"
	"testing"
)

// The public profile tells a visitor the charter's version and the cohorts
// taking applications, and nothing of the closed ones.
func TestThePublicProfileListsTheOpenCohorts(t *testing.T) {
	p := newPipelineAPI(t)
	closed := cohortInput("Fermée 2027", 5)
	closed["applications_open"] = false
	p.expect(p.call("POST", "/api/v1/alliances/"+p.slug+"/cohorts", closed, p.coord.Token), http.StatusCreated, "a closed cohort")
	w := p.call("GET", "/api/v1/alliances/"+p.slug, nil, "")
	p.expect(w, http.StatusOK, "the public profile")
	var got publicProfile
	p.decode(w, &got)
	if len(got.OpenCohorts) != 1 || got.OpenCohorts[0].ID != p.cohort.ID || got.OpenCohorts[0].City != "Dakar" {
		t.Errorf("open cohorts %+v, want Dakar 2027 alone", got.OpenCohorts)
	}
	if got.CharterVersion != nil {
		t.Errorf("charter version %v before any is published", *got.CharterVersion)
	}
}
