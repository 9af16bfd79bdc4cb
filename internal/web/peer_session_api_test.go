package web

import (
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

// peerTables are the tables a request on peer sessions could write.
var peerTables = []string{"peer_sessions", "peer_session_attendees"}

// peerCase adds to the library the case that sessions discuss.
func (c *communityAPI) peerCase() resourceView {
	c.t.Helper()
	return c.text(map[string]any{"kind": "case", "title": "La boulangerie de Thiès", "body_markdown": "Un four en panne.", "locale": "fr"})
}

// planBody is a good plan, ten days ahead, for the mentors invited.
func (c *communityAPI) planBody(invited ...acctUser) map[string]any {
	ids := []string{}
	for _, u := range invited {
		ids = append(ids, u.ID.String())
	}
	return map[string]any{"held_on": time.Now().UTC().Add(10 * 24 * time.Hour).Format(time.RFC3339), "place": "Maison des jeunes, Dakar",
		"topic": "Quand l’entrepreneur décroche", "attendee_ids": ids}
}

// plan plans a session as the coordinator and gives it.
func (c *communityAPI) plan(body map[string]any) peerSessionView {
	c.t.Helper()
	w := c.call("POST", c.path("/peer-sessions"), body, c.coord.Token)
	c.expect(w, http.StatusCreated, "plan")
	var v peerSessionView
	c.decode(w, &v)
	return v
}

// session gives a session as u sees it.
func (c *communityAPI) session(id domain.ID, u acctUser) peerSessionView {
	c.t.Helper()
	w := c.call("GET", c.path("/peer-sessions/"+id.String()), nil, u.Token)
	c.expect(w, http.StatusOK, "session")
	var v peerSessionView
	c.decode(w, &v)
	return v
}

// startAt moves a session's start, as if time had passed.
func (c *communityAPI) startAt(id domain.ID, at time.Time) {
	c.t.Helper()
	testkit.Exec(c.t, c.db, &c.id, "UPDATE peer_sessions SET starts_at = ? WHERE id = ?", at.UTC(), id)
}

// answers maps each invitee's name to their answer and attendance.
func answers(v peerSessionView) map[string]string {
	out := map[string]string{}
	for _, a := range v.Attendees {
		came := "?"
		if a.Attended != nil {
			came = map[bool]string{true: "came", false: "absent"}[*a.Attended]
		}
		out[a.Name] = string(a.Response) + "/" + came
	}
	return out
}

func TestAPIPeerSessionIsPlannedAndShownWithoutAddresses(t *testing.T) {
	c := newCommunityAPI(t)
	kase := c.peerCase()
	mails := len(c.mails())
	body := c.planBody(c.mentor, c.mentor2, c.mentor)
	body["case_resource_id"] = kase.ID.String()
	body["notes"] = "Relire le cas."
	w := c.call("POST", c.path("/peer-sessions"), body, c.coord.Token)
	c.expect(w, http.StatusCreated, "plan")
	if got := c.keys(w.Body.Bytes()); !slices.Equal(got, []string{"attendees", "case_resource_id", "case_title", "duration_minutes",
		"held_on", "id", "link", "notes", "place", "quarter", "status", "topic"}) {
		t.Fatalf("keys %v", got)
	}
	if strings.Contains(w.Body.String(), "@") {
		t.Fatalf("the session shows an e-mail address: %s", w.Body)
	}
	var v peerSessionView
	c.decode(w, &v)
	held, _ := time.Parse(time.RFC3339, body["held_on"].(string))
	if !v.HeldOn.Equal(held) || v.DurationMinutes != 120 || v.Place != "Maison des jeunes, Dakar" || v.Notes != "Relire le cas." ||
		v.Status != domain.PeerPlanned || v.Quarter != domain.QuarterOf(held) || v.CaseResourceID == nil || *v.CaseResourceID != kase.ID ||
		v.CaseTitle == nil || *v.CaseTitle != "La boulangerie de Thiès" {
		t.Fatalf("planned %+v", v)
	}
	if got := answers(v); !maps.Equal(got, map[string]string{"Moussa": "invited/?", "Ibrahim": "invited/?"}) {
		t.Fatalf("attendees %v", got)
	}
	var to []string
	for _, m := range c.mails()[mails:] {
		to = append(to, m.To)
	}
	if !slices.Equal(sorted(to), sorted([]string{c.mentor.Email, c.mentor2.Email})) {
		t.Fatalf("mails to %v", to)
	}

	for _, u := range []acctUser{c.admin, c.coord, c.mentor} {
		w := c.call("GET", c.path("/peer-sessions/"+v.ID.String()), nil, u.Token)
		c.expect(w, http.StatusOK, "get")
		if strings.Contains(w.Body.String(), "@") {
			t.Fatalf("the session shows an e-mail address: %s", w.Body)
		}
	}
	w = c.call("GET", c.path("/peer-sessions"), nil, c.mentor.Token)
	c.expect(w, http.StatusOK, "upcoming")
	var list page[peerSessionView]
	c.decode(w, &list)
	if len(list.Items) != 1 || list.Items[0].ID != v.ID || strings.Contains(w.Body.String(), "@") {
		t.Fatalf("upcoming %s", w.Body)
	}
	w = c.call("GET", c.path("/peer-sessions?when=past"), nil, c.mentor.Token)
	c.expect(w, http.StatusOK, "past")
	if w.Body.String() != `{"items":[],"next_cursor":null}` {
		t.Fatalf("past %s", w.Body)
	}
	for _, loc := range bothLanguages {
		c.expectField(t, c.in(loc, "GET", c.path("/peer-sessions?when=tomorrow"), nil, c.mentor), loc, "when", "validation.one_of",
			map[string]any{"values": "upcoming, past"})
	}
	c.expectProblem(t, c.in(domain.English, "GET", c.path("/peer-sessions/"+v.ID.String()), nil, c.entrep), http.StatusForbidden, domain.English, "error.forbidden.detail")
	c.expect(c.call("GET", c.path("/peer-sessions/"+uuid.NewString()), nil, c.mentor.Token), http.StatusNotFound, "unknown")
	c.expect(c.call("GET", c.path("/peer-sessions/42"), nil, c.mentor.Token), http.StatusNotFound, "not a UUID")

	// A date-time without an offset, as a browser's field sends it, is UTC;
	// a session without a case has no case title.
	body = c.planBody(c.mentor)
	local := time.Now().UTC().Add(20 * 24 * time.Hour).Truncate(time.Minute)
	body["held_on"] = local.Format("2006-01-02T15:04")
	body["link"] = "https://meet.example.org/intervision"
	delete(body, "place")
	v = c.plan(body)
	if !v.HeldOn.Equal(local) || v.CaseResourceID != nil || v.CaseTitle != nil || v.Place != "" || v.Link != "https://meet.example.org/intervision" {
		t.Fatalf("planned %+v", v)
	}
}

func TestAPIPeerSessionRefusesBadPlansInBothLanguagesAndWritesNothing(t *testing.T) {
	c := newCommunityAPI(t)
	kase := c.peerCase()
	chapter := c.text(map[string]any{"kind": "guide", "title": "Chapitre 1", "body_markdown": "Écouter.", "locale": "fr"})
	with := func(change func(map[string]any)) map[string]any {
		b := c.planBody(c.mentor, c.mentor2)
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
		{"in the past", with(func(b map[string]any) { b["held_on"] = time.Now().UTC().Add(-time.Hour).Format(time.RFC3339) }),
			"held_on", "validation.peer_past", nil},
		{"not a date", with(func(b map[string]any) { b["held_on"] = "mardi prochain" }), "held_on", "validation.datetime", nil},
		{"a date without a time", with(func(b map[string]any) { b["held_on"] = "2030-01-15" }), "held_on", "validation.datetime", nil},
		{"no date", with(func(b map[string]any) { delete(b, "held_on") }), "held_on", "validation.required", nil},
		{"three years ahead", with(func(b map[string]any) { b["held_on"] = time.Now().UTC().AddDate(3, 0, 0).Format(time.RFC3339) }),
			"held_on", "validation.peer_far", nil},
		{"an entrepreneur invited", with(func(b map[string]any) { b["attendee_ids"] = []string{c.mentor.ID.String(), c.entrep.ID.String()} }),
			"attendee_ids", "validation.not_mentor", map[string]any{"id": c.entrep.ID.String()}},
		{"a coordinator invited", with(func(b map[string]any) { b["attendee_ids"] = []string{c.coord.ID.String()} }),
			"attendee_ids", "validation.not_mentor", map[string]any{"id": c.coord.ID.String()}},
		{"a non-member invited", with(func(b map[string]any) { b["attendee_ids"] = []string{c.outsider.ID.String()} }),
			"attendee_ids", "validation.not_mentor", map[string]any{"id": c.outsider.ID.String()}},
		{"an invitee that is not an id", with(func(b map[string]any) { b["attendee_ids"] = []string{"moussa"} }), "attendee_ids", "validation.id", nil},
		{"nobody invited", with(func(b map[string]any) { b["attendee_ids"] = []string{} }), "attendee_ids", "validation.required", nil},
		{"neither place nor link", with(func(b map[string]any) { delete(b, "place") }), "place", "validation.place_or_link", nil},
		{"a link that is no web address", with(func(b map[string]any) { b["link"] = "javascript:alert(1)" }), "link", "validation.url", nil},
		{"a chapter as the case", with(func(b map[string]any) { b["case_resource_id"] = chapter.ID.String() }), "case_resource_id", "validation.peer_case", nil},
		{"an unknown case", with(func(b map[string]any) { b["case_resource_id"] = uuid.NewString() }), "case_resource_id", "validation.peer_case", nil},
		{"a case that is not an id", with(func(b map[string]any) { b["case_resource_id"] = "boulangerie" }), "case_resource_id", "validation.id", nil},
		{"a topic too short", with(func(b map[string]any) { b["topic"] = "ab" }), "topic", "validation.length", map[string]any{"min": 3, "max": 200}},
		{"five minutes", with(func(b map[string]any) { b["duration_minutes"] = 5 }), "duration_minutes", "validation.range", map[string]any{"min": 15, "max": 480}},
	}
	for _, tc := range tests {
		for _, loc := range bothLanguages {
			t.Run(tc.name+" "+string(loc), func(t *testing.T) {
				before := c.counts(peerTables...)
				c.expectField(t, c.in(loc, "POST", c.path("/peer-sessions"), tc.body, c.coord), loc, tc.field, tc.key, tc.args)
				c.unchanged(t, before, peerTables...)
			})
		}
	}
	for _, body := range []string{`{"topic":`, `{"date":"2030-01-15T09:00:00Z"}`, `{"attendee_ids":"moussa"}`} {
		for _, loc := range bothLanguages {
			before := c.counts(peerTables...)
			c.expectProblem(t, c.in(loc, "POST", c.path("/peer-sessions"), body, c.coord), http.StatusBadRequest, loc, "")
			c.unchanged(t, before, peerTables...)
		}
	}
	// A mentor may not plan.
	before := c.counts(peerTables...)
	c.expectProblem(t, c.in(domain.French, "POST", c.path("/peer-sessions"), c.planBody(c.mentor), c.mentor), http.StatusForbidden, domain.French, "error.forbidden.detail")
	c.unchanged(t, before, peerTables...)
	if c.plan(with(func(b map[string]any) { b["case_resource_id"] = kase.ID.String() })).CaseTitle == nil {
		t.Fatal("the good plan has no case title")
	}
}

func TestAPIPeerSessionAnswersUntilItIsCancelled(t *testing.T) {
	c := newCommunityAPI(t)
	v := c.plan(c.planBody(c.mentor))
	respond := func(loc domain.Locale, u acctUser, body any) *httptest.ResponseRecorder {
		return c.in(loc, "POST", c.path("/peer-sessions/"+v.ID.String()+"/response"), body, u)
	}
	w := respond(domain.French, c.mentor, map[string]any{"response": "confirmed"})
	c.expect(w, http.StatusOK, "confirm")
	var got peerSessionView
	c.decode(w, &got)
	if a := answers(got); a["Moussa"] != "confirmed/?" {
		t.Fatalf("answers %v", a)
	}
	c.expect(respond(domain.French, c.mentor, map[string]any{"response": "declined"}), http.StatusOK, "change of mind")
	if a := answers(c.session(v.ID, c.coord)); !maps.Equal(a, map[string]string{"Moussa": "declined/?"}) {
		t.Fatalf("answers %v", a)
	}

	for _, loc := range bothLanguages {
		before := c.counts(peerTables...)
		// Someone not invited, whatever their role.
		for _, u := range []acctUser{c.mentor2, c.coord} {
			c.expectProblem(t, respond(loc, u, map[string]any{"response": "confirmed"}), http.StatusForbidden, loc, "error.peer.not_invited")
		}
		c.expectField(t, respond(loc, c.mentor, map[string]any{"response": "maybe"}), loc, "response", "validation.one_of",
			map[string]any{"values": "confirmed, declined"})
		c.expectProblem(t, respond(loc, c.entrep, map[string]any{"response": "confirmed"}), http.StatusForbidden, loc, "error.forbidden.detail")
		c.unchanged(t, before, peerTables...)
	}
	if a := answers(c.session(v.ID, c.coord)); !maps.Equal(a, map[string]string{"Moussa": "declined/?"}) {
		t.Fatalf("answers after refused requests %v", a)
	}

	mails := len(c.mails())
	w = c.call("POST", c.path("/peer-sessions/"+v.ID.String()+"/cancel"), nil, c.coord.Token)
	c.expect(w, http.StatusOK, "cancel")
	c.decode(w, &got)
	if got.Status != domain.PeerCancelled {
		t.Fatalf("cancelled %+v", got)
	}
	if n := len(c.mails()) - mails; n != 0 {
		t.Fatalf("%d mails about the cancellation to a mentor who had declined", n)
	}
	for _, loc := range bothLanguages {
		before := c.counts(peerTables...)
		c.expectProblem(t, respond(loc, c.mentor, map[string]any{"response": "confirmed"}), http.StatusConflict, loc, "error.peer.closed")
		c.expectProblem(t, c.in(loc, "POST", c.path("/peer-sessions/"+v.ID.String()+"/cancel"), nil, c.coord), http.StatusConflict, loc, "error.peer.not_planned")
		c.expectProblem(t, c.in(loc, "POST", c.path("/peer-sessions/"+v.ID.String()+"/attendance"), map[string]any{"attended_ids": []string{}}, c.coord),
			http.StatusConflict, loc, "error.peer.cancelled")
		c.unchanged(t, before, peerTables...)
	}
	if a := answers(c.session(v.ID, c.coord)); !maps.Equal(a, map[string]string{"Moussa": "declined/?"}) {
		t.Fatalf("answers after the cancellation %v", a)
	}
}

func TestAPIPeerSessionAttendanceIsRecordedOnceItHasStarted(t *testing.T) {
	c := newCommunityAPI(t)
	v := c.plan(c.planBody(c.mentor, c.mentor2))
	attendance := func(loc domain.Locale, body any) *httptest.ResponseRecorder {
		return c.in(loc, "POST", c.path("/peer-sessions/"+v.ID.String()+"/attendance"), body, c.coord)
	}
	for _, loc := range bothLanguages {
		before := c.counts(peerTables...)
		c.expectProblem(t, attendance(loc, map[string]any{"attended_ids": []string{c.mentor.ID.String()}}), http.StatusConflict, loc, "error.peer.not_yet")
		c.unchanged(t, before, peerTables...)
	}

	c.startAt(v.ID, time.Now().Add(-time.Hour))
	for _, tc := range []struct {
		name  string
		body  any
		key   string
		args  map[string]any
		field string
	}{
		{"an entrepreneur", map[string]any{"attended_ids": []string{c.mentor.ID.String(), c.entrep.ID.String()}}, "validation.not_mentor",
			map[string]any{"id": c.entrep.ID.String()}, "attended_ids"},
		{"someone unknown", map[string]any{"attended_ids": []string{uuid.NewString()}}, "validation.not_mentor", nil, "attended_ids"},
		{"not an id", map[string]any{"attended_ids": []string{"moussa"}}, "validation.id", nil, "attended_ids"},
		{"nobody named", map[string]any{}, "validation.required", nil, "attended_ids"},
	} {
		for _, loc := range bothLanguages {
			t.Run(tc.name+" "+string(loc), func(t *testing.T) {
				before := c.counts(peerTables...)
				c.expectField(t, attendance(loc, tc.body), loc, tc.field, tc.key, tc.args)
				c.unchanged(t, before, peerTables...)
				if got := c.session(v.ID, c.coord); got.Status != domain.PeerPlanned ||
					!maps.Equal(answers(got), map[string]string{"Moussa": "invited/?", "Ibrahim": "invited/?"}) {
					t.Fatalf("the session after a refused record: %s %v", got.Status, answers(got))
				}
			})
		}
	}

	w := attendance(domain.French, map[string]any{"attended_ids": []string{c.mentor.ID.String()}})
	c.expect(w, http.StatusOK, "attendance")
	var got peerSessionView
	c.decode(w, &got)
	if got.Status != domain.PeerHeld || !maps.Equal(answers(got), map[string]string{"Moussa": "invited/came", "Ibrahim": "invited/absent"}) {
		t.Fatalf("held %s %v", got.Status, answers(got))
	}
	// Recording again corrects the record; answers are closed.
	c.expect(attendance(domain.French, map[string]any{"attended_ids": []string{c.mentor.ID.String(), c.mentor2.ID.String()}}), http.StatusOK, "correction")
	if a := answers(c.session(v.ID, c.mentor)); !maps.Equal(a, map[string]string{"Moussa": "invited/came", "Ibrahim": "invited/came"}) {
		t.Fatalf("corrected %v", a)
	}
	c.expectProblem(t, c.in(domain.English, "POST", c.path("/peer-sessions/"+v.ID.String()+"/response"), map[string]any{"response": "confirmed"}, c.mentor),
		http.StatusConflict, domain.English, "error.peer.closed")
	c.expectProblem(t, c.in(domain.English, "POST", c.path("/peer-sessions/"+v.ID.String()+"/attendance"), map[string]any{"attended_ids": []string{}}, c.mentor),
		http.StatusForbidden, domain.English, "error.forbidden.detail")
}

func TestAPIPeerAttendanceOverAYearAndEachMentorsOwn(t *testing.T) {
	c := newCommunityAPI(t)
	c.expect(c.call("GET", c.path("/peer-sessions/attendance"), nil, c.coord.Token), http.StatusOK, "this year, nothing held")
	// Two sessions held in 2025, which the first mentor came to and the
	// second missed; both were members before.
	testkit.Exec(t, c.db, &c.id, "UPDATE members SET joined_at = ?", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	var held []domain.ID
	for _, at := range []time.Time{time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC), time.Date(2025, 6, 10, 9, 0, 0, 0, time.UTC)} {
		v := c.plan(c.planBody(c.mentor, c.mentor2))
		c.startAt(v.ID, at)
		c.expect(c.call("POST", c.path("/peer-sessions/"+v.ID.String()+"/attendance"), map[string]any{"attended_ids": []string{c.mentor.ID.String()}},
			c.coord.Token), http.StatusOK, "attendance")
		held = append(held, v.ID)
	}
	upcoming := c.plan(c.planBody(c.mentor2))

	type report struct {
		Year          int                  `json:"year"`
		SessionsHeld  int                  `json:"sessions_held"`
		Mentors       []peerAttendanceView `json:"mentors"`
		MissedLastTwo []peerAttendanceView `json:"missed_last_two"`
	}
	w := c.call("GET", c.path("/peer-sessions/attendance?year=2025"), nil, c.coord.Token)
	c.expect(w, http.StatusOK, "2025")
	var r report
	c.decode(w, &r)
	ibrahim := peerAttendanceView{UserID: c.mentor2.ID, Name: "Ibrahim", Invited: 2, Attended: 0, MissedLastTwo: true}
	moussa := peerAttendanceView{UserID: c.mentor.ID, Name: "Moussa", Invited: 2, Attended: 2}
	if r.Year != 2025 || r.SessionsHeld != 2 || !slices.Equal(r.Mentors, []peerAttendanceView{ibrahim, moussa}) ||
		!slices.Equal(r.MissedLastTwo, []peerAttendanceView{ibrahim}) {
		t.Fatalf("report %s", w.Body)
	}
	w = c.call("GET", c.path("/peer-sessions?when=past"), nil, c.mentor.Token)
	var past page[peerSessionView]
	c.decode(w, &past)
	if len(past.Items) != 2 || past.Items[0].ID != held[1] || past.Items[1].ID != held[0] || past.Items[0].Quarter != "2025-Q2" {
		t.Fatalf("past %s", w.Body)
	}
	for _, loc := range bothLanguages {
		for _, year := range []string{"1999", "2201", "last"} {
			c.expectField(t, c.in(loc, "GET", c.path("/peer-sessions/attendance?year="+year), nil, c.coord), loc, "year", "validation.range",
				map[string]any{"min": 2000, "max": 2200})
		}
	}

	type mentorYear struct {
		Year     int               `json:"year"`
		Invited  int               `json:"invited"`
		Attended int               `json:"attended"`
		Sessions []peerSessionView `json:"sessions"`
	}
	of := func(u acctUser, who acctUser, year string) *httptest.ResponseRecorder {
		return c.in(domain.English, "GET", c.path("/members/"+who.ID.String()+"/peer-sessions?year="+year), nil, u)
	}
	for _, u := range []acctUser{c.mentor, c.coord, c.admin} {
		w := of(u, c.mentor, "2025")
		c.expect(w, http.StatusOK, "Moussa's 2025")
		var y mentorYear
		c.decode(w, &y)
		if y.Year != 2025 || y.Invited != 2 || y.Attended != 2 || len(y.Sessions) != 2 || strings.Contains(w.Body.String(), "@") {
			t.Fatalf("Moussa's 2025 as seen by %s: %s", u.Email, w.Body)
		}
	}
	w = of(c.mentor2, c.mentor2, "")
	c.expect(w, http.StatusOK, "Ibrahim's own year")
	var y mentorYear
	c.decode(w, &y)
	if y.Year != time.Now().UTC().Year() {
		t.Fatalf("Ibrahim's year by default %s", w.Body)
	}
	w = of(c.mentor2, c.mentor2, strconv.Itoa(upcoming.HeldOn.Year()))
	c.expect(w, http.StatusOK, "Ibrahim's year of the upcoming session")
	c.decode(w, &y)
	if y.Invited != 0 || y.Attended != 0 || len(y.Sessions) != 1 || y.Sessions[0].ID != upcoming.ID || y.Sessions[0].Status != domain.PeerPlanned {
		t.Fatalf("Ibrahim's year %s", w.Body)
	}
	for _, loc := range bothLanguages {
		// Another mentor, or an entrepreneur, may not read Moussa's.
		for _, u := range []acctUser{c.mentor2, c.entrep} {
			w := c.in(loc, "GET", c.path("/members/"+c.mentor.ID.String()+"/peer-sessions"), nil, u)
			c.expectProblem(t, w, http.StatusForbidden, loc, "error.forbidden.detail")
		}
		c.expectField(t, c.in(loc, "GET", c.path("/members/"+c.mentor.ID.String()+"/peer-sessions?year=1850"), nil, c.mentor),
			loc, "year", "validation.range", map[string]any{"min": 2000, "max": 2200})
	}
	for _, path := range []string{"/members/" + uuid.NewString() + "/peer-sessions", "/members/moussa/peer-sessions"} {
		c.expect(c.call("GET", c.path(path), nil, c.coord.Token), http.StatusNotFound, path)
	}
	c.expect(c.call("GET", c.path("/members/"+c.mentor.ID.String()+"/peer-sessions"), nil, c.outsider.Token), http.StatusNotFound, "a non-member")
}
