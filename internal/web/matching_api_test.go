package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/mentorat/mentorat/internal/domain"
)

// newMatchingAPI is a pipeline whose charter the first mentor accepted and
// the second did not, each with a profile: Moussa in Dakar knows
// agrifood, Ibrahim in Thiès knows digital.
func newMatchingAPI(t *testing.T) *pipelineAPI {
	t.Helper()
	p := newPipelineAPI(t)
	p.publishCharter(p.mentor)
	p.profile(p.mentor, "Dakar", []string{"agrifood"}, []string{"fr", "wo"})
	p.profile(p.mentor2, "Thiès", []string{"digital"}, []string{"fr", "en"})
	return p
}

// suggestions ranks the mentors for an application, in loc.
func (p *pipelineAPI) suggestions(id domain.ID, loc domain.Locale) []matchSuggestionView {
	p.t.Helper()
	w := p.in(loc, "GET", p.path("/applications/"+id.String()+"/match-suggestions"), nil, p.coord)
	p.expect(w, http.StatusOK, "suggestions")
	var out struct{ Items []matchSuggestionView }
	p.decode(w, &out)
	return out.Items
}

// mentorshipsSeenBy lists the mentorships u sees, with query.
func (p *pipelineAPI) mentorshipsSeenBy(u acctUser, query string) []mentorshipView {
	p.t.Helper()
	w := p.call("GET", p.path("/mentorships"+query), nil, u.Token)
	p.expect(w, http.StatusOK, "mentorships")
	var out page[mentorshipView]
	p.decode(w, &out)
	return out.Items
}

func TestAPIMatchingFromApplicationToMentorship(t *testing.T) {
	p := newMatchingAPI(t)
	// Fanta applies with the address of her account, and is accepted.
	app := p.applied("Fanta Keïta", p.entrep.Email, domain.AppAccepted)

	for _, loc := range bothLanguages {
		got := p.suggestions(app, loc)
		if len(got) != 2 || got[0].MentorName != "Moussa" || !got[0].Eligible || got[0].FreeCapacity != 3 || got[0].Score != 35+30+20+15 ||
			got[1].MentorName != "Ibrahim" || got[1].Eligible || got[1].Score != 20+15 {
			t.Fatalf("%s: suggestions %+v", loc, got)
		}
		var keys, texts []string
		for _, r := range got[0].Reasons {
			keys, texts = append(keys, r.Key), append(texts, r.Text)
		}
		if !slices.Equal(keys, []string{"match.reason.city", "match.reason.sector", "match.reason.language", "match.reason.capacity", "match.reason.charter"}) {
			t.Fatalf("reasons %v", keys)
		}
		sector := p.message(loc, "match.reason.sector", map[string]any{"sector": p.message(loc, "sector.agrifood", nil)})
		if texts[0] != p.message(loc, "match.reason.city", map[string]any{"city": "Dakar"}) || texts[1] != sector ||
			texts[3] != p.message(loc, "match.reason.capacity", map[string]any{"free": 3}) {
			t.Fatalf("%s: reasons %q", loc, texts)
		}
		if len(got[1].Blockers) != 1 || got[1].Blockers[0].Key != "match.blocker.charter" ||
			got[1].Blockers[0].Text != p.message(loc, "match.blocker.charter", nil) {
			t.Fatalf("%s: blockers %+v", loc, got[1].Blockers)
		}
	}
	if !strings.Contains(p.suggestions(app, domain.French)[0].Reasons[1].Text, "Connaît le secteur\u202f: Agroalimentaire") {
		t.Fatalf("the French sector reason: %+v", p.suggestions(app, domain.French)[0].Reasons[1])
	}

	mails := len(p.mails())
	w := p.call("POST", p.path("/mentorships"), map[string]any{"application_id": app.String(), "mentor_id": p.mentor.ID.String()}, p.coord.Token)
	p.expect(w, http.StatusCreated, "match")
	var m mentorshipView
	p.decode(w, &m)
	if m.MentorID != p.mentor.ID || m.MentorName != "Moussa" || m.EntrepreneurID == nil || *m.EntrepreneurID != p.entrep.ID ||
		m.EntrepreneurName != "Fanta Keïta" || m.Status != domain.MentorshipActive || m.StartsOn != p.cohort.StartsOn || len(m.Sessions) != 12 {
		t.Fatalf("mentorship %+v", m)
	}
	start, _ := time.Parse(time.DateOnly, p.cohort.StartsOn)
	monthly := domain.PlanSessions(start, 12, "monthly")
	for i, s := range m.Sessions {
		if s.Number != i+1 || s.Status != domain.SessionPlanned || s.PlannedOn != monthly[i].PlannedOn.Format(time.DateOnly) || s.ScheduledAt != nil {
			t.Fatalf("session %d: %+v", i, s)
		}
	}
	var to []string
	for _, mail := range p.mails()[mails:] {
		to = append(to, mail.To)
	}
	if !slices.Equal(sorted(to), sorted([]string{p.mentor.Email, p.entrep.Email})) {
		t.Fatalf("mails to %v", to)
	}
	if v := p.application(app, p.coord); v.Status != domain.AppMatched {
		t.Fatalf("the application is %s", v.Status)
	}

	// The mentorship is the mentor's and the entrepreneur's, not the other
	// mentor's.
	for _, u := range []acctUser{p.admin, p.coord, p.mentor, p.entrep} {
		if got := p.mentorshipsSeenBy(u, ""); len(got) != 1 || got[0].ID != m.ID || got[0].Sessions != nil {
			t.Fatalf("%s sees %+v", u.Email, got)
		}
		w := p.call("GET", p.path("/mentorships/"+m.ID.String()), nil, u.Token)
		p.expect(w, http.StatusOK, "mentorship")
		var one mentorshipView
		p.decode(w, &one)
		if one.ID != m.ID || len(one.Sessions) != 12 {
			t.Fatalf("%s reads %+v", u.Email, one)
		}
	}
	if got := p.mentorshipsSeenBy(p.mentor2, ""); len(got) != 0 {
		t.Fatalf("the other mentor sees %+v", got)
	}
	for _, loc := range bothLanguages {
		p.expectProblem(t, p.in(loc, "GET", p.path("/mentorships/"+m.ID.String()), nil, p.mentor2), http.StatusNotFound, loc, "error.not_found.detail")
		p.expectProblem(t, p.in(loc, "GET", p.path("/mentorships/"+uuid.NewString()), nil, p.coord), http.StatusNotFound, loc, "error.not_found.detail")
	}
	if got := p.mentorshipsSeenBy(p.coord, "?status=ended"); len(got) != 0 {
		t.Fatalf("ended: %+v", got)
	}
	if got := p.mentorshipsSeenBy(p.coord, "?status=active,completed&cohort_id="+p.cohort.ID.String()); len(got) != 1 {
		t.Fatalf("active in the cohort: %+v", got)
	}
	for _, loc := range bothLanguages {
		p.expectField(t, p.in(loc, "GET", p.path("/mentorships?status=paused"), nil, p.coord), loc, "status", "validation.one_of",
			map[string]any{"values": "active, completed, ended"})
		p.expectField(t, p.in(loc, "GET", p.path("/mentorships?cohort_id=dakar"), nil, p.coord), loc, "cohort_id", "validation.id", nil)
	}
}

func TestAPIMatchingRefusesBadPairsInBothLanguagesAndWritesNothing(t *testing.T) {
	p := newMatchingAPI(t)
	accepted := p.applied("Aminata", "aminata@example.org", domain.AppAccepted)
	screening := p.applied("Binetou", "binetou@example.org", domain.AppScreening)
	pair := func(app domain.ID, mentor string) map[string]any {
		return map[string]any{"application_id": app.String(), "mentor_id": mentor}
	}
	tests := []struct {
		name  string
		body  map[string]any
		field string
		key   string
		args  map[string]any
	}{
		{"a mentor of another alliance", pair(accepted, p.otherMentor.ID.String()), "mentor_id", "validation.not_mentor",
			map[string]any{"id": p.otherMentor.ID.String()}},
		{"a coordinator", pair(accepted, p.coord.ID.String()), "mentor_id", "validation.not_mentor", map[string]any{"id": p.coord.ID.String()}},
		{"an entrepreneur", pair(accepted, p.entrep.ID.String()), "mentor_id", "validation.not_mentor", map[string]any{"id": p.entrep.ID.String()}},
		{"a mentor that is no id", pair(accepted, "moussa"), "mentor_id", "validation.id", nil},
		{"no mentor", pair(accepted, ""), "mentor_id", "validation.required", nil},
		{"no application", map[string]any{"mentor_id": p.mentor.ID.String()}, "application_id", "validation.required", nil},
		{"a reason too long", map[string]any{"application_id": accepted.String(), "mentor_id": p.mentor2.ID.String(),
			"override_reason": strings.Repeat("r", domain.OverrideReasonMax+1)}, "override_reason", "validation.too_long",
			map[string]any{"max": domain.OverrideReasonMax}},
	}
	for _, tc := range tests {
		for _, loc := range bothLanguages {
			t.Run(tc.name+" "+string(loc), func(t *testing.T) {
				before := p.pipelineCounts()
				p.expectField(t, p.in(loc, "POST", p.path("/mentorships"), tc.body, p.admin), loc, tc.field, tc.key, tc.args)
				p.unchangedPipeline(t, before)
			})
		}
	}
	for _, loc := range bothLanguages {
		t.Run("refused "+string(loc), func(t *testing.T) {
			before := p.pipelineCounts()
			w := p.in(loc, "POST", p.path("/mentorships"), pair(screening, p.mentor.ID.String()), p.coord)
			p.expectDetail(t, w, http.StatusConflict, loc, "error.match.not_accepted", map[string]any{"status": "screening"})
			w = p.in(loc, "GET", p.path("/applications/"+screening.String()+"/match-suggestions"), nil, p.coord)
			p.expectDetail(t, w, http.StatusConflict, loc, "error.match.not_accepted", map[string]any{"status": "screening"})
			p.expectProblem(t, p.in(loc, "POST", p.path("/mentorships"), pair(domain.NewID(), p.mentor.ID.String()), p.coord),
				http.StatusNotFound, loc, "error.not_found.detail")
			p.expectProblem(t, p.in(loc, "POST", p.path("/mentorships"), pair(accepted, p.mentor.ID.String()), p.mentor),
				http.StatusForbidden, loc, "error.forbidden.detail")
			p.unchangedPipeline(t, before)
		})
	}
}

func TestAPIOnlyAnAdminOverridesTheMatchingRulesWithAReason(t *testing.T) {
	p := newMatchingAPI(t)
	app := p.applied("Aminata", "aminata@example.org", domain.AppAccepted)
	// Ibrahim has not accepted the charter.
	noCharter := map[string]any{"application_id": app.String(), "mentor_id": p.mentor2.ID.String()}
	withReason := map[string]any{"application_id": app.String(), "mentor_id": p.mentor2.ID.String(),
		"override_reason": "Il signe la charte lundi ; seul mentor du numérique."}
	for _, loc := range bothLanguages {
		t.Run(string(loc), func(t *testing.T) {
			before := p.pipelineCounts()
			for _, u := range []acctUser{p.coord, p.admin} {
				w := p.in(loc, "POST", p.path("/mentorships"), noCharter, u)
				p.expectDetail(t, w, http.StatusConflict, loc, "error.match.ineligible", map[string]any{"mentor": "Ibrahim"})
				if got := p.problem(w).fieldMessages()["mentor_id"]; got != p.message(loc, "match.blocker.charter", nil) {
					t.Fatalf("blocker %q", got)
				}
			}
			w := p.in(loc, "POST", p.path("/mentorships"), withReason, p.coord)
			p.expectDetail(t, w, http.StatusConflict, loc, "error.match.override_admin", nil)
			p.unchangedPipeline(t, before)
		})
	}
	w := p.call("POST", p.path("/mentorships"), withReason, p.admin.Token)
	p.expect(w, http.StatusCreated, "override")
	var m mentorshipView
	p.decode(w, &m)
	if m.MentorID != p.mentor2.ID || m.OverrideReason != withReason["override_reason"] {
		t.Fatalf("overridden %+v", m)
	}
	// Those who run the pipeline read why; the mentor does not.
	if got := p.mentorshipsSeenBy(p.coord, ""); len(got) != 1 || got[0].OverrideReason == "" {
		t.Fatalf("the coordinator sees %+v", got)
	}
	w = p.call("GET", p.path("/mentorships/"+m.ID.String()), nil, p.mentor2.Token)
	p.expect(w, http.StatusOK, "the mentor's")
	if strings.Contains(w.Body.String(), "override_reason") {
		t.Fatalf("the mentor reads the override's reason: %s", w.Body)
	}

	// A mentor with no free place is refused the same way.
	p.expect(p.call("PATCH", p.path("/members/"+p.mentor.ID.String()), map[string]any{"capacity": 0}, p.admin.Token), http.StatusOK, "capacity 0")
	other := p.applied("Binetou", "binetou@example.org", domain.AppAccepted)
	for _, loc := range bothLanguages {
		before := p.pipelineCounts()
		w := p.in(loc, "POST", p.path("/mentorships"), map[string]any{"application_id": other.String(), "mentor_id": p.mentor.ID.String()}, p.coord)
		p.expectDetail(t, w, http.StatusConflict, loc, "error.match.ineligible", map[string]any{"mentor": "Moussa"})
		if got := p.problem(w).fieldMessages()["mentor_id"]; got != p.message(loc, "match.blocker.capacity", map[string]any{"capacity": 0}) {
			t.Fatalf("blocker %q", got)
		}
		p.unchangedPipeline(t, before)
	}
}

func TestAPIMatchProposalSavesNothingAndBulkMatchingIsAllOrNone(t *testing.T) {
	p := newMatchingAPI(t)
	a := p.applied("Aminata", "aminata@example.org", domain.AppAccepted)
	b := p.applied("Binetou", "binetou@example.org", domain.AppAccepted)
	c := p.applied("Coumba", "coumba@example.org", domain.AppInterview)
	p.expect(p.call("PATCH", p.path("/members/"+p.mentor.ID.String()), map[string]any{"capacity": 1}, p.admin.Token), http.StatusOK, "capacity 1")

	before := p.pipelineCounts()
	w := p.call("GET", p.path("/cohorts/"+p.cohort.ID.String()+"/match-proposal"), nil, p.coord.Token, "Accept-Language", "en")
	p.expect(w, http.StatusOK, "proposal")
	var prop matchProposalView
	p.decode(w, &prop)
	// One place for two: the first submitted gets it.
	if len(prop.Pairs) != 1 || prop.Pairs[0].ApplicationID != a || prop.Pairs[0].MentorID != p.mentor.ID || prop.Pairs[0].ApplicantName != "Aminata" ||
		prop.TotalScore != prop.Pairs[0].Score || len(prop.Unassigned) != 1 || prop.Unassigned[0].ApplicationID != b {
		t.Fatalf("proposal %s", w.Body)
	}
	if got := prop.Pairs[0].Reasons[1].Text; got != "Knows the sector: Agrifood" {
		t.Fatalf("reason %q", got)
	}
	p.unchangedPipeline(t, before)
	for _, loc := range bothLanguages {
		p.expectProblem(t, p.in(loc, "GET", p.path("/cohorts/"+p.otherCohort.ID.String()+"/match-proposal"), nil, p.coord),
			http.StatusNotFound, loc, "error.not_found.detail")
	}

	p.expect(p.call("PATCH", p.path("/members/"+p.mentor.ID.String()), map[string]any{"capacity": 3}, p.admin.Token), http.StatusOK, "capacity 3")
	pair := func(app domain.ID, mentor string) map[string]any {
		return map[string]any{"application_id": app.String(), "mentor_id": mentor}
	}
	for _, loc := range bothLanguages {
		t.Run(string(loc), func(t *testing.T) {
			before := p.pipelineCounts()
			w := p.in(loc, "POST", p.path("/mentorships/bulk"), map[string]any{"pairs": []any{pair(a, p.mentor.ID.String()), pair(c, p.mentor.ID.String())}}, p.coord)
			p.expectDetail(t, w, http.StatusConflict, loc, "error.match.not_accepted", map[string]any{"status": "interview"})
			p.expectField(t, p.in(loc, "POST", p.path("/mentorships/bulk"), map[string]any{"pairs": []any{pair(a, p.mentor.ID.String()), pair(b, "x")}}, p.coord),
				loc, "pairs[1].mentor_id", "validation.id", nil)
			p.expectField(t, p.in(loc, "POST", p.path("/mentorships/bulk"), map[string]any{"pairs": []any{}}, p.coord), loc, "pairs", "validation.required", nil)
			w = p.in(loc, "POST", p.path("/mentorships/bulk"), map[string]any{"pairs": []any{pair(a, p.mentor.ID.String()), pair(b, p.mentor2.ID.String())}}, p.admin)
			p.expectDetail(t, w, http.StatusConflict, loc, "error.match.ineligible", map[string]any{"mentor": "Ibrahim"})
			p.unchangedPipeline(t, before)
		})
	}
	w = p.call("POST", p.path("/mentorships/bulk"), map[string]any{"pairs": []any{pair(a, p.mentor.ID.String()), pair(b, p.mentor.ID.String())}}, p.coord.Token)
	p.expect(w, http.StatusCreated, "bulk")
	var out struct{ Items []mentorshipView }
	p.decode(w, &out)
	if len(out.Items) != 2 || out.Items[0].ApplicationID != a || out.Items[1].ApplicationID != b || len(out.Items[1].Sessions) != 12 {
		t.Fatalf("made %s", w.Body)
	}
	if got := p.mentorshipsSeenBy(p.mentor, ""); len(got) != 2 {
		t.Fatalf("the mentor sees %d mentorships", len(got))
	}
}
