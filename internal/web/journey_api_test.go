package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

func TestAPIJourneyFromTheFirstDateToTheEndSurvey(t *testing.T) {
	j := newJourneyAPI(t)
	// The entrepreneur proposes, the mentor confirms.
	at := j.now.Add(5 * 24 * time.Hour).Truncate(time.Hour)
	w := j.call("PATCH", j.session(1, ""), map[string]any{"scheduled_at": at.Format(time.RFC3339), "place": "Atelier, Médina"}, j.entrep.Token)
	j.expect(w, http.StatusOK, "propose")
	var v sessionDetailView
	j.decode(w, &v)
	if v.ProposedAt == nil || !v.ProposedAt.Equal(at) || *v.ProposedBy != j.entrep.ID || v.Status != domain.SessionPlanned || v.Side != service.SideEntrepreneur {
		t.Fatalf("proposed %+v", v)
	}
	for _, loc := range bothLanguages {
		body, counts := j.journeyState()
		j.expectProblem(t, j.in(loc, "POST", j.session(1, "/confirm"), nil, j.entrep), http.StatusConflict, loc, "error.session.confirm_own")
		j.unchangedJourney(t, body, counts)
	}
	w = j.call("POST", j.session(1, "/confirm"), nil, j.mentor.Token)
	j.expect(w, http.StatusOK, "confirm")
	j.decode(w, &v)
	if v.Status != domain.SessionScheduled || v.State != service.StateScheduled || !v.ScheduledAt.Equal(at) || v.ProposedAt != nil || v.Place != "Atelier, Médina" {
		t.Fatalf("scheduled %+v", v)
	}

	// The entrepreneur writes the agenda; the mentor logs the session with
	// one action as text and one in full.
	w = j.call("PUT", j.session(1, "/agenda"), map[string]any{"items": []map[string]any{{"kind": "business", "text": " Les impayés "}}}, j.entrep.Token)
	j.expect(w, http.StatusOK, "agenda")
	j.decode(w, &v)
	if len(v.Agenda) != 1 || v.Agenda[0].Text != "Les impayés" {
		t.Fatalf("agenda %+v", v.Agenda)
	}
	j.now = at.Add(2 * time.Hour)
	v = j.logged(1, "")
	if v.Status != domain.SessionHeld || *v.HeldOn != j.day() || v.DurationMinutes != 90 || len(v.Agreed) != 2 ||
		v.Agreed[0].Text != "Tenir un cahier de caisse" || v.Agreed[0].Owner != domain.OwnerEntrepreneur || v.Agreed[0].DueOn != nil ||
		v.Agreed[1].Owner != domain.OwnerMentor || *v.Agreed[1].DueOn != j.now.AddDate(0, 0, 14).Format(time.DateOnly) {
		t.Fatalf("logged %+v", v)
	}

	// Open actions carry over to the next session; either side ticks them.
	w = j.call("POST", j.of("/actions/"+v.Agreed[0].ID.String()), map[string]any{"done": true}, j.entrep.Token)
	j.expect(w, http.StatusOK, "tick")
	var a actionView
	j.decode(w, &a)
	if a.ID != v.Agreed[0].ID || !a.Done || a.DoneAt == nil {
		t.Fatalf("ticked %+v", a)
	}
	var next sessionDetailView
	j.decode(j.read(j.session(2, ""), j.mentor), &next)
	if len(next.CarriedOver) != 1 || next.CarriedOver[0].Text != "Appeler la banque" || len(next.Agreed) != 0 {
		t.Fatalf("carried over %+v", next.CarriedOver)
	}

	// The mentor sees their mentees at a glance; the coordinator the
	// cohort's progress.
	var mentees page[menteeView]
	j.decode(j.read(j.path("/mentees"), j.mentor), &mentees)
	if len(mentees.Items) != 1 || mentees.Items[0].Mentorship.ID != j.m.ID || mentees.Items[0].SessionsHeld != 1 ||
		mentees.Items[0].OpenActions != 1 || mentees.Items[0].Next == nil || mentees.Items[0].Next.Number != 2 || mentees.Items[0].Sessions != 12 {
		t.Fatalf("mentees %+v", mentees.Items)
	}
	j.decode(j.read(j.path("/mentees"), j.entrep), &mentees)
	if len(mentees.Items) != 0 {
		t.Fatalf("the entrepreneur mentors %+v", mentees.Items)
	}
	var progress page[progressView]
	j.decode(j.read(j.path("/cohorts/"+j.cohort.ID.String()+"/progress"), j.coord), &progress)
	if len(progress.Items) != 1 || progress.Items[0].Held != 1 || progress.Items[0].Planned != 12 || progress.Items[0].Behind {
		t.Fatalf("progress %+v", progress.Items)
	}

	// A coordinator marks a session cancelled, then ends the journey; the
	// survey opens.
	w = j.call("POST", j.session(2, "/mark"), map[string]any{"status": "cancelled", "reason": "Fête de quartier"}, j.coord.Token)
	j.expect(w, http.StatusOK, "mark")
	j.decode(w, &v)
	if v.Status != domain.SessionCancelled || v.Reason != "Fête de quartier" || v.Side != service.SideStaff {
		t.Fatalf("marked %+v", v)
	}
	for _, loc := range bothLanguages {
		body, counts := j.journeyState()
		j.expectProblem(t, j.in(loc, "POST", j.of("/survey"), map[string]any{"would_recommend": true}, j.entrep), http.StatusConflict, loc, "error.survey.not_over")
		j.unchangedJourney(t, body, counts)
	}
	mails := len(j.mails())
	w = j.call("POST", j.of("/end"), map[string]any{"reason": "Le projet change de ville."}, j.coord.Token)
	j.expect(w, http.StatusOK, "end")
	var ended journeyView
	j.decode(w, &ended)
	if ended.Mentorship.Status != domain.MentorshipEnded || ended.EndReason != "Le projet change de ville." || ended.EndedAt == nil ||
		ended.Sessions[2].Status != domain.SessionCancelled || ended.Sessions[0].Status != domain.SessionHeld {
		t.Fatalf("ended %+v", ended)
	}
	if got := len(j.mails()) - mails; got != 2 {
		t.Fatalf("%d mails on the end", got)
	}
	for _, loc := range bothLanguages {
		body, counts := j.journeyState()
		j.expectDetail(t, j.in(loc, "POST", j.of("/end"), map[string]any{"reason": "Encore"}, j.mentor), http.StatusConflict, loc,
			"error.mentorship.over", map[string]any{"status": "ended"})
		j.expectField(t, j.in(loc, "POST", j.of("/survey"), map[string]any{"would_recommend": true, "revenue_band": "1m_5m"}, j.entrep),
			loc, "employees", "validation.range", map[string]any{"min": 0, "max": 100_000})
		j.unchangedJourney(t, body, counts)
	}
	w = j.call("POST", j.of("/survey"), map[string]any{"would_recommend": true, "what_changed": "Mes comptes sont à jour.",
		"revenue_band": "5m_20m", "employees": 5}, j.entrep.Token)
	j.expect(w, http.StatusCreated, "survey")
	var sv surveyView
	j.decode(w, &sv)
	if sv.Side != "entrepreneur" || sv.RevenueBand != "5m_20m" || *sv.Employees != 5 || !sv.WouldRecommend {
		t.Fatalf("survey %+v", sv)
	}
	w = j.call("POST", j.of("/survey"), map[string]any{"would_recommend": false, "revenue_band": "none", "employees": 1}, j.mentor.Token)
	j.expect(w, http.StatusCreated, "the mentor's survey")
	var mine surveyView
	j.decode(w, &mine)
	if mine.Side != "mentor" || mine.RevenueBand != "" || mine.Employees != nil {
		t.Fatalf("the mentor's survey %+v", mine)
	}
}

func TestAPIJourneyRefusesBadInputInBothLanguagesAndChangesNothing(t *testing.T) {
	j := newJourneyAPI(t)
	j.logged(1, "")
	withLog := func(change func(map[string]any)) map[string]any {
		b := j.logBody("")
		change(b)
		return b
	}
	far := j.now.AddDate(1, 0, 0).Format(time.RFC3339)
	tests := []struct {
		name         string
		method, path string
		body         any
		who          acctUser
		status       int
		field, key   string
		args         map[string]any
	}{
		{"a log for a session of someone else's mentorship", "POST", j.session(2, "/log"), j.logBody(""), j.mentor2,
			http.StatusNotFound, "", "error.not_found.detail", nil},
		{"an agenda written by the mentor", "PUT", j.session(2, "/agenda"), map[string]any{"items": []map[string]any{{"kind": "business", "text": "Stocks"}}},
			j.mentor, http.StatusForbidden, "", "error.session.agenda_entrepreneur", nil},
		{"a rating of 0", "POST", j.session(1, "/feedback"), map[string]any{"rating": 0}, j.entrep,
			http.StatusUnprocessableEntity, "rating", "validation.range", map[string]any{"min": 1, "max": 5}},
		{"a rating of 6", "POST", j.session(1, "/feedback"), map[string]any{"rating": 6, "comment": "Super"}, j.entrep,
			http.StatusUnprocessableEntity, "rating", "validation.range", map[string]any{"min": 1, "max": 5}},
		{"feedback on a session not held", "POST", j.session(2, "/feedback"), map[string]any{"rating": 4}, j.entrep,
			http.StatusConflict, "", "error.session.not_held", nil},
		{"a date a year away", "PATCH", j.session(2, ""), map[string]any{"scheduled_at": far}, j.entrep,
			http.StatusUnprocessableEntity, "scheduled_at", "validation.session_far", map[string]any{"months": 6}},
		{"a date that is none", "PATCH", j.session(2, ""), map[string]any{"scheduled_at": "next Tuesday"}, j.mentor,
			http.StatusUnprocessableEntity, "scheduled_at", "validation.datetime", nil},
		{"an action with no text", "POST", j.session(2, "/log"), withLog(func(b map[string]any) { b["actions"] = []any{"  "} }), j.mentor,
			http.StatusUnprocessableEntity, "actions[0].text", "validation.required", nil},
		{"an action due on no day", "POST", j.session(2, "/log"),
			withLog(func(b map[string]any) { b["actions"] = []any{map[string]any{"text": "Relancer", "due_on": "demain"}} }), j.mentor,
			http.StatusUnprocessableEntity, "actions[0].due_on", "validation.date", nil},
		{"a log held tomorrow", "POST", j.session(2, "/log"), withLog(func(b map[string]any) { b["held_on"] = j.now.AddDate(0, 0, 1).Format(time.DateOnly) }),
			j.mentor, http.StatusUnprocessableEntity, "held_on", "validation.session_future", nil},
		{"session 13 of 12", "POST", j.session(13, "/log"), j.logBody(""), j.mentor,
			http.StatusNotFound, "", "error.session.number", map[string]any{"number": 13, "max": 12}},
		{"a log by the entrepreneur", "POST", j.session(2, "/log"), j.logBody(""), j.entrep,
			http.StatusForbidden, "", "error.session.log_mentor", nil},
		{"a rating by the coordinator", "POST", j.session(1, "/feedback"), map[string]any{"rating": 5}, j.coord,
			http.StatusForbidden, "", "error.session.rate_entrepreneur", nil},
		{"a session marked held", "POST", j.session(2, "/mark"), map[string]any{"status": "held", "reason": "Fait"}, j.mentor,
			http.StatusUnprocessableEntity, "status", "validation.one_of", map[string]any{"values": "missed, cancelled"}},
		{"a session marked by the entrepreneur", "POST", j.session(2, "/mark"), map[string]any{"status": "missed", "reason": "Absent"}, j.entrep,
			http.StatusForbidden, "", "error.session.mark_mentor", nil},
		{"an end with no reason", "POST", j.of("/end"), map[string]any{"reason": " "}, j.entrep,
			http.StatusUnprocessableEntity, "reason", "validation.required", nil},
		{"an action ticked by the coordinator", "POST", j.of("/actions/" + domain.NewID().String()), map[string]any{"done": true}, j.coord,
			http.StatusForbidden, "", "error.session.parties_only", nil},
		{"an action of no mentorship", "POST", j.of("/actions/" + domain.NewID().String()), map[string]any{"done": true}, j.entrep,
			http.StatusNotFound, "", "error.not_found.detail", nil},
		{"another mentor's journey", "GET", j.of("/journey"), nil, j.mentor2, http.StatusNotFound, "", "error.not_found.detail", nil},
	}
	for _, tc := range tests {
		for _, loc := range bothLanguages {
			t.Run(tc.name+" "+string(loc), func(t *testing.T) {
				body, counts := j.journeyState()
				w := j.in(loc, tc.method, tc.path, tc.body, tc.who)
				switch {
				case tc.field != "":
					j.expectField(t, w, loc, tc.field, tc.key, tc.args)
				default:
					j.expectDetail(t, w, tc.status, loc, tc.key, tc.args)
				}
				j.unchangedJourney(t, body, counts)
			})
		}
	}
	t.Run("an action with a field it does not have", func(t *testing.T) {
		body, counts := j.journeyState()
		w := j.call("POST", j.session(2, "/log"), withLog(func(b map[string]any) { b["actions"] = []any{map[string]any{"text": "x", "who": "moi"}} }), j.mentor.Token)
		j.expect(w, http.StatusBadRequest, "an unknown field")
		j.unchangedJourney(t, body, counts)
	})
}

func TestAPIPrivateNotesReachTheMentorAlone(t *testing.T) {
	j := newJourneyAPI(t)
	const private = "NOTE-PRIVEE Elle hésite à parler de sa famille"
	if v := j.logged(1, private); v.PrivateNotes == nil || *v.PrivateNotes != private {
		t.Fatalf("the mentor's answer to the log %+v", v)
	}
	var v sessionDetailView
	j.decode(j.read(j.session(1, ""), j.mentor), &v)
	if v.PrivateNotes == nil || *v.PrivateNotes != private || v.SharedNotes != "Bonne séance, beaucoup d’idées." {
		t.Fatalf("the mentor reads %+v", v)
	}
	paths := []string{j.session(1, ""), j.of("/sessions"), j.of("/journey"), j.path("/mentorships/" + j.m.ID.String())}
	for _, u := range []acctUser{j.entrep, j.coord, j.admin} {
		for _, path := range paths {
			w := j.read(path, u)
			if strings.Contains(w.Body.String(), "NOTE-PRIVEE") || strings.Contains(w.Body.String(), "private_notes") {
				t.Fatalf("%s reads the private notes in %s: %s", u.Email, path, w.Body)
			}
		}
	}
	for _, path := range []string{"/reports/summary", "/reports/export.csv", "/reports/entrepreneurs.csv", "/audit", "/audit.csv"} {
		if w := j.read(j.path(path), j.admin); strings.Contains(w.Body.String(), "NOTE-PRIVEE") {
			t.Fatalf("%s holds the private notes: %s", path, w.Body)
		}
	}
	for _, m := range j.mails() {
		if strings.Contains(m.Text, "NOTE-PRIVEE") {
			t.Fatalf("a mail holds the private notes: %+v", m)
		}
	}
	// Logging again without private notes removes them.
	if v := j.logged(1, ""); v.PrivateNotes == nil || *v.PrivateNotes != "" {
		t.Fatalf("the notes after a second log %+v", v.PrivateNotes)
	}
	if n := j.count(&j.id, "session_private_notes"); n != 0 {
		t.Fatalf("%d private notes left", n)
	}
}

func TestAPIMentorReadsRatingsOnlyAsAMeanOfThree(t *testing.T) {
	j := newJourneyAPI(t)
	ratings := []int{4, 5, 3}
	for n, rating := range ratings {
		j.logged(n+1, "")
		j.rated(n+1, rating, "COMMENTAIRE-"+string(rune('A'+n)))
		var journey journeyView
		w := j.read(j.of("/journey"), j.mentor)
		j.decode(w, &journey)
		if body := w.Body.String(); strings.Contains(body, "COMMENTAIRE") || strings.Contains(body, `"rating"`) {
			t.Fatalf("the mentor reads one rating after %d: %s", n+1, body)
		}
		switch {
		case n+1 < domain.MinRatingsShown && journey.Ratings != nil:
			t.Fatalf("the mentor reads the mean of %d ratings: %+v", n+1, journey.Ratings)
		case n+1 == domain.MinRatingsShown && (journey.Ratings == nil || journey.Ratings.Count != 3 || journey.Ratings.Mean != 4):
			t.Fatalf("the mean of three: %+v", journey.Ratings)
		}
	}
	for _, path := range []string{j.session(1, ""), j.of("/sessions"), j.path("/mentees")} {
		if body := j.read(path, j.mentor).Body.String(); strings.Contains(body, "COMMENTAIRE") || strings.Contains(body, `"rating"`) {
			t.Fatalf("the mentor reads one rating in %s: %s", path, body)
		}
	}
	// The entrepreneur and the coordinator read each rating; neither reads
	// the mentor's mean.
	for _, u := range []acctUser{j.entrep, j.coord} {
		var sessions page[journeySessionView]
		j.decode(j.read(j.of("/sessions"), u), &sessions)
		var got []int
		for _, s := range sessions.Items[:3] {
			if s.Rating == nil {
				t.Fatalf("%s reads no rating of session %d", u.Email, s.Number)
			}
			got = append(got, *s.Rating)
		}
		if !slices.Equal(got, ratings) || sessions.Items[0].RatingComment != "COMMENTAIRE-A" {
			t.Fatalf("%s reads %v", u.Email, got)
		}
		if body := j.read(j.of("/journey"), u).Body.String(); strings.Contains(body, `"ratings"`) {
			t.Fatalf("%s reads the mentor's mean: %s", u.Email, body)
		}
	}
}
