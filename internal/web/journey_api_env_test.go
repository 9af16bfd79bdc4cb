package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// journeyTables are the tables a request of the journey could write.
var journeyTables = []string{"mentorships", "mentorship_sessions", "session_actions", "session_private_notes", "end_surveys",
	"applications", "application_events"}

// journeyAPI is a mentee pipeline with one journey: Moussa mentors Fanta
// Keïta, whose application used the address of her account. The journey's
// clock stands on the morning of its first day; an observer follows the
// alliance's reports.
type journeyAPI struct {
	*pipelineAPI
	m        mentorshipView
	observer acctUser
	now      time.Time
}

func newJourneyAPI(t *testing.T) *journeyAPI {
	t.Helper()
	j := &journeyAPI{pipelineAPI: newPipelineAPI(t)}
	j.publishCharter(j.mentor, j.mentor2)
	j.m = j.match(j.applied("Fanta Keïta", j.entrep.Email, domain.AppAccepted), j.mentor)
	start, err := time.Parse(time.DateOnly, j.m.StartsOn)
	if err != nil {
		t.Fatal(err)
	}
	j.now = start.Add(9 * time.Hour)
	j.s.journey.Now = func() time.Time { return j.now }
	j.observer = j.user("aminata@"+j.slug+".example.org", "Aminata", domain.French)
	j.join(j.admin, j.observer, j.slug, domain.RoleObserver)
	return j
}

// match has the coordinator match an accepted application with mentor.
func (j *journeyAPI) match(app domain.ID, mentor acctUser) mentorshipView {
	j.t.Helper()
	w := j.call("POST", j.path("/mentorships"), map[string]any{"application_id": app.String(), "mentor_id": mentor.ID.String()}, j.coord.Token)
	j.expect(w, http.StatusCreated, "match")
	var m mentorshipView
	j.decode(w, &m)
	return m
}

// of is the route of the journey's mentorship with suffix.
func (j *journeyAPI) of(suffix string) string {
	return j.path("/mentorships/" + j.m.ID.String() + suffix)
}

// session is the route of the journey's session number with suffix.
func (j *journeyAPI) session(number int, suffix string) string {
	return j.of(fmt.Sprintf("/sessions/%d%s", number, suffix))
}

// day is the journey's today as the API writes a day.
func (j *journeyAPI) day() string { return j.now.Format(time.DateOnly) }

// logBody is a good log of a session held today, with private notes.
func (j *journeyAPI) logBody(private string) map[string]any {
	return map[string]any{"held_on": j.day(), "duration_minutes": 90,
		"obstacles": []map[string]any{{"kind": "business", "text": "Les impayés"}, {"kind": "personal", "text": "Dire non"}},
		"actions": []any{"Tenir un cahier de caisse",
			map[string]any{"text": "Appeler la banque", "owner": "mentor", "due_on": j.now.AddDate(0, 0, 14).Format(time.DateOnly)}},
		"shared_notes": "Bonne séance, beaucoup d’idées.", "private_notes": private}
}

// logged has the mentor log session number with private notes.
func (j *journeyAPI) logged(number int, private string) sessionDetailView {
	j.t.Helper()
	w := j.call("POST", j.session(number, "/log"), j.logBody(private), j.mentor.Token)
	j.expect(w, http.StatusOK, fmt.Sprintf("log session %d", number))
	var v sessionDetailView
	j.decode(w, &v)
	return v
}

// rated has the entrepreneur rate session number.
func (j *journeyAPI) rated(number, rating int, comment string) {
	j.t.Helper()
	w := j.call("POST", j.session(number, "/feedback"), map[string]any{"rating": rating, "comment": comment}, j.entrep.Token)
	j.expect(w, http.StatusOK, fmt.Sprintf("rate session %d", number))
}

// read gets path as u, expecting 200, and gives the body.
func (j *journeyAPI) read(path string, u acctUser) *httptest.ResponseRecorder {
	j.t.Helper()
	w := j.call("GET", path, nil, u.Token)
	j.expect(w, http.StatusOK, "GET "+path)
	return w
}

// journeyState is what the journey holds, as the coordinator reads it
// through the API, and the counts of the tables it could write.
func (j *journeyAPI) journeyState() (string, map[string]int) {
	j.t.Helper()
	return j.read(j.of("/journey"), j.coord).Body.String(), j.counts(journeyTables...)
}

// unchangedJourney fails when the journey or the counts differ from
// before.
func (j *journeyAPI) unchangedJourney(t *testing.T, body string, counts map[string]int) {
	t.Helper()
	j.unchanged(t, counts, journeyTables...)
	if after, _ := j.journeyState(); after != body {
		t.Fatalf("the journey changed under a refused request:\nbefore %s\nafter  %s", body, after)
	}
}
