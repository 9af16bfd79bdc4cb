package service_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
)

func reasonKeys(rs []domain.MatchReason) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Key
	}
	return out
}

func TestSuggestionsRankMentorsWithTheirReasons(t *testing.T) {
	e := newPipelineEnv(t, "suggestions")
	e.profile(e.mentor, "Ségou", []string{"textile", "retail"}, []string{"fr", "bm"})
	e.profile(e.mentor2, "Bamako", []string{"digital"}, []string{"fr", "en"})
	e.acceptCharter(e.mentor)
	// mentor2 has not accepted the charter: listed last, ineligible.
	app := e.applied("Assitan", domain.AppAccepted)
	got, err := e.matching.Suggestions(e.ctx, e.as(e.coord), app.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].MentorID != e.mentor.ID || !got[0].Eligible || got[1].Eligible {
		t.Fatalf("ranking: %+v", got)
	}
	if want := []string{"match.reason.city", "match.reason.sector", "match.reason.language", "match.reason.capacity", "match.reason.charter"}; !slices.Equal(reasonKeys(got[0].Reasons), want) {
		t.Errorf("reasons %v, want %v", reasonKeys(got[0].Reasons), want)
	}
	if got[0].Score != 35+30+20+15 {
		t.Errorf("score %d, want 100", got[0].Score)
	}
	if !slices.Equal(reasonKeys(got[1].Blockers), []string{"match.blocker.charter"}) {
		t.Errorf("blockers %v", reasonKeys(got[1].Blockers))
	}
	pending := e.applied("Bintou", domain.AppInterview)
	_, err = e.matching.Suggestions(e.ctx, e.as(e.coord), pending.ID)
	wantError(t, err, domain.CodeConflict, "error.match.not_accepted")
}

func TestMatchingMakesTheMentorshipWithItsSessions(t *testing.T) {
	e := newPipelineEnv(t, "mise-en-relation")
	e.acceptCharter(e.mentor)
	app := e.applied("Safiatou", domain.AppAccepted)
	other := e.signup("ali@ailleurs.example.org", "Ali", domain.French)
	e.createAlliance(other, "ailleurs", domain.French)
	cases := []struct {
		name  string
		req   service.MatchRequest
		admin bool
		code  domain.Code
		key   string
		field string
	}{
		{"a mentor of another alliance", service.MatchRequest{ApplicationID: app.ID, MentorID: other.ID}, true, domain.CodeInvalid, "", "mentor_id"},
		{"a non-mentor", service.MatchRequest{ApplicationID: app.ID, MentorID: e.coord.ID}, true, domain.CodeInvalid, "", "mentor_id"},
		{"a suspended mentor", service.MatchRequest{ApplicationID: app.ID, MentorID: e.suspended.ID}, true, domain.CodeInvalid, "", "mentor_id"},
		{"an unknown application", service.MatchRequest{ApplicationID: domain.NewID(), MentorID: e.mentor.ID}, true, domain.CodeNotFound, "", ""},
		{"a mentor without the charter", service.MatchRequest{ApplicationID: app.ID, MentorID: e.mentor2.ID}, true, domain.CodeConflict, "error.match.ineligible", ""},
		{"an override by a coordinator", service.MatchRequest{ApplicationID: app.ID, MentorID: e.mentor2.ID, OverrideReason: "urgent"}, false, domain.CodeConflict, "error.match.override_admin", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.matching.Match(e.ctx, e.as(e.coord), tc.req, tc.admin)
			wantError(t, err, tc.code, tc.key)
			if tc.field != "" && fieldKeys(err)[tc.field] != "validation.not_mentor" {
				t.Errorf("field %s: %v", tc.field, err)
			}
		})
	}
	if n := e.count(&e.alliance.ID, "mentorships"); n != 0 {
		t.Fatalf("%d mentorships after refused matches", n)
	}
	notAccepted := e.applied("Nana", domain.AppWaitlisted)
	_, err := e.matching.Match(e.ctx, e.as(e.coord), service.MatchRequest{ApplicationID: notAccepted.ID, MentorID: e.mentor.ID}, true)
	wantError(t, err, domain.CodeConflict, "error.match.not_accepted")

	m, err := e.matching.Match(e.ctx, e.as(e.coord), service.MatchRequest{ApplicationID: app.ID, MentorID: e.mentor.ID}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Sessions) != 12 || !m.Sessions[0].PlannedOn.Equal(e.cohort.StartsOn) || !m.Sessions[11].PlannedOn.Equal(e.cohort.StartsOn.AddDate(0, 11, 0)) {
		t.Errorf("sessions: %d, first %v, last %v", len(m.Sessions), m.Sessions[0].PlannedOn, m.Sessions[len(m.Sessions)-1].PlannedOn)
	}
	if n := e.count(&e.alliance.ID, "mentorship_sessions"); n != 12 {
		t.Errorf("%d sessions stored, want 12", n)
	}
	d, err := e.apps.Get(e.ctx, e.as(e.coord), app.ID, true)
	if err != nil || d.Status != domain.AppMatched {
		t.Errorf("the application after the match: %v, %v", d.Status, err)
	}
	member, err := e.members.Membership(e.ctx, e.alliance.ID, app.UserID)
	if err != nil || !member.Has(domain.RoleEntrepreneur) || member.Status != domain.StatusActive {
		t.Errorf("the entrepreneur's membership: %+v, %v", member, err)
	}
	toMentor := e.mailsTo(e.mentor.Email)
	toEntrepreneur := e.mailsTo(app.Applicant.Email)
	if len(toMentor) != 1 || !strings.Contains(toMentor[0], "Safiatou") || len(toEntrepreneur) != 3 || !strings.Contains(toEntrepreneur[2], "Moussa") {
		t.Errorf("mails: to the mentor %q, to the entrepreneur %q", toMentor, toEntrepreneur)
	}
	_, err = e.matching.Match(e.ctx, e.as(e.coord), service.MatchRequest{ApplicationID: app.ID, MentorID: e.mentor.ID}, false)
	wantError(t, err, domain.CodeConflict, "error.match.not_accepted")

	// An admin overrides the charter rule with a reason, which is kept.
	second := e.applied("Djeneba", domain.AppAccepted)
	m2, err := e.matching.Match(e.ctx, e.as(e.admin), service.MatchRequest{ApplicationID: second.ID, MentorID: e.mentor2.ID,
		OverrideReason: "Charte signée sur papier le 3 novembre"}, true)
	if err != nil || m2.OverrideReason == "" {
		t.Fatalf("override: %+v, %v", m2, err)
	}
	entries := e.audit(e.alliance, domain.AuditMentorshipCreated)
	if len(entries) != 2 || entries[0].Details["override_reason"] != "Charte signée sur papier le 3 novembre" {
		t.Errorf("audit of the override: %+v", entries)
	}
}

func TestCapacityIsRespectedOneByOneAndForAWholeCohort(t *testing.T) {
	e := newPipelineEnv(t, "capacites")
	e.cohort = e.newCohort("Sikasso 2027", "Sikasso", 10)
	e.acceptCharter(e.mentor)
	e.acceptCharter(e.mentor2)
	e.exec(&e.alliance.ID, "UPDATE members SET capacity = 1 WHERE user_id = ?", e.mentor.ID)
	e.exec(&e.alliance.ID, "UPDATE members SET capacity = 2 WHERE user_id = ?", e.mentor2.ID)
	e.profile(e.mentor, "Sikasso", []string{"textile"}, []string{"fr"})
	e.profile(e.mentor2, "Bamako", nil, []string{"fr"})
	for _, n := range []string{"a", "b", "c", "d"} {
		e.applied("sik-"+n, domain.AppAccepted)
	}
	plan, err := e.matching.SuggestAll(e.ctx, e.as(e.coord), e.cohort.ID)
	if err != nil {
		t.Fatal(err)
	}
	perMentor := map[domain.ID]int{}
	for _, p := range plan.Pairs {
		perMentor[p.Suggestion.MentorID]++
	}
	if len(plan.Pairs) != 3 || len(plan.Unassigned) != 1 || perMentor[e.mentor.ID] != 1 || perMentor[e.mentor2.ID] != 2 {
		t.Errorf("proposal: %d pairs %v, %d unassigned", len(plan.Pairs), perMentor, len(plan.Unassigned))
	}
	if n := e.count(&e.alliance.ID, "mentorships"); n != 0 {
		t.Errorf("a proposal saved %d mentorships", n)
	}
	var reqs []service.MatchRequest
	for _, p := range plan.Pairs {
		reqs = append(reqs, service.MatchRequest{ApplicationID: p.Application.ID, MentorID: p.Suggestion.MentorID})
	}
	if _, err := e.matching.MatchMany(e.ctx, e.as(e.coord), reqs, false); err != nil {
		t.Fatal(err)
	}
	// Every place is now taken: the fourth is refused, unless an admin
	// overrides.
	_, err = e.matching.Match(e.ctx, e.as(e.coord), service.MatchRequest{ApplicationID: plan.Unassigned[0].ID, MentorID: e.mentor.ID}, false)
	de := wantError(t, err, domain.CodeConflict, "error.match.ineligible")
	if len(de.Fields) != 1 || de.Fields[0].Key != "match.blocker.capacity" {
		t.Errorf("why: %+v", de.Fields)
	}
	// A bulk match with one bad pair saves none.
	extra := e.applied("sik-e", domain.AppAccepted)
	e.exec(&e.alliance.ID, "UPDATE members SET capacity = 5 WHERE user_id = ?", e.mentor.ID)
	before := e.count(&e.alliance.ID, "mentorships")
	_, err = e.matching.MatchMany(e.ctx, e.as(e.coord), []service.MatchRequest{
		{ApplicationID: extra.ID, MentorID: e.mentor.ID}, {ApplicationID: extra.ID, MentorID: e.mentor.ID}}, false)
	wantError(t, err, domain.CodeConflict, "error.match.not_accepted")
	if n := e.count(&e.alliance.ID, "mentorships"); n != before {
		t.Errorf("a refused bulk match saved %d", n-before)
	}
}

func TestTheCommunityPlanHoldsTwentyFiveActiveMentorships(t *testing.T) {
	e := newPipelineEnv(t, "plan-communautaire")
	e.cohort = e.newCohort("Kayes 2027", "Kayes", 100)
	e.acceptCharter(e.mentor)
	e.exec(&e.alliance.ID, "UPDATE members SET capacity = 40 WHERE user_id = ?", e.mentor.ID)
	var reqs []service.MatchRequest
	for i := range 26 {
		f := e.form("Plan "+strconv.Itoa(i), "plan"+strconv.Itoa(i)+"@example.org")
		f.Applicant.Phone = ""
		s, err := e.apply(f)
		if err != nil {
			t.Fatal(err)
		}
		reqs = append(reqs, service.MatchRequest{ApplicationID: s.Application.ID, MentorID: e.mentor.ID})
	}
	e.exec(&e.alliance.ID, "UPDATE applications SET status = 'accepted'")
	_, err := e.matching.MatchMany(e.ctx, e.as(e.coord), reqs, false)
	de := wantError(t, err, domain.CodeLimitReached, "error.limit_reached.mentorships")
	if de.Link != "/a/plan-communautaire/billing" {
		t.Errorf("link %q, want the billing page", de.Link)
	}
	if n := e.count(&e.alliance.ID, "mentorships"); n != 0 {
		t.Fatalf("%d mentorships after a refusal", n)
	}
	if _, err := e.matching.MatchMany(e.ctx, e.as(e.coord), reqs[:25], false); err != nil {
		t.Fatal(err)
	}
	_, err = e.matching.Match(e.ctx, e.as(e.admin), reqs[25], true)
	wantError(t, err, domain.CodeLimitReached, "error.limit_reached.mentorships")
}
