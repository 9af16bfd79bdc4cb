package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/testkit"
)

// castMentor adds a mentor named name to the cast, as who, with a
// matching profile in city; they accept the alliance's charter when
// charter is set.
func castMentor(t *testing.T, s *Server, c *cast, who, name, city string, charter bool) domain.ID {
	t.Helper()
	ctx := t.Context()
	email := who + "@" + c.slug + ".example.org"
	u, err := s.accounts.Signup(ctx, domain.Signup{Email: email, Password: castPassword, Name: name, Locale: domain.French}, castIPs())
	if err != nil {
		t.Fatalf("sign up %s: %v", who, err)
	}
	c.users[who] = &castUser{user: u, email: email}
	c.invite(t, s, c.users[who], domain.RoleMentor)
	c.mentorProfile(t, s, u.ID, city)
	if charter {
		c.acceptCharter(t, s, u)
	}
	return u.ID
}

// mentorProfile gives a mentor of the cast a profile in city, knowing the
// agrifood sector, mentoring in French.
func (c *cast) mentorProfile(t *testing.T, s *Server, mentor domain.ID, city string) {
	t.Helper()
	p := domain.MentorProfile{City: city, Sectors: []string{"agrifood"}, Languages: []string{"fr"}}
	if _, err := s.members.UpdateProfile(t.Context(), c.admin, mentor, p); err != nil {
		t.Fatalf("profile: %v", err)
	}
}

// acceptCharter has u accept the alliance's current charter.
func (c *cast) acceptCharter(t *testing.T, s *Server, u *domain.User) {
	t.Helper()
	if _, _, err := s.charters.Accept(t.Context(), service.Caller{Actor: service.Actor{UserID: u.ID, Name: u.Name}, Alliance: c.alliance}); err != nil {
		t.Fatalf("%s accepts the charter: %v", u.Name, err)
	}
}

// mentorshipCount is how many mentorships the cast's alliance has.
func mentorshipCount(t *testing.T, s *Server, c *cast) int {
	t.Helper()
	list, err := s.mentorships.List(t.Context(), c.admin, service.MentorshipQuery{All: true})
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

// TestMatchingThroughThePages: for an accepted application, the mentors
// are ranked with their reasons in words, the one in the same city with
// the charter accepted first, the one without the charter last and
// marked. A coordinator matches the first (the mentorship shows its
// twelve sessions) but cannot override the rules: no form, and a forged
// post is refused. An admin overrides with a reason, which is required
// and then shown on the mentorship. A whole cohort's proposal is reviewed
// then applied for the pairs ticked, all or none. Mentors' names full of
// markup reach no page as markup.
func TestMatchingThroughThePages(t *testing.T) {
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "alliance-relation")
	ctx := t.Context()
	v, err := s.charters.Draft(ctx, c.admin, map[domain.Locale]string{domain.French: "# Charte"})
	if err == nil {
		_, err = s.charters.Publish(ctx, c.admin, v.Version)
	}
	if err != nil {
		t.Fatalf("the charter: %v", err)
	}
	mentor := c.userID(callerMentor)
	c.mentorProfile(t, s, mentor, "Dakar")
	c.acceptCharter(t, s, c.users[callerMentor].user)
	unsigned := castMentor(t, s, c, "mentor-2", "Ibrahima Sow", "Dakar", false)
	coordinator := pageSession(t, s, c, callerCoordinator)
	admin := pageSession(t, s, c, callerAdmin)
	co := castCohort(t, s, c, "Dakar 2027", "Dakar", 10)
	first := castApplication(t, s, c, co.ID, applicant{"Mariama Ba", "Jus Mariama", "Dakar", "agrifood", domain.GenderWoman},
		along[domain.AppAccepted]...)
	second := castApplication(t, s, c, co.ID, applicant{"Coumba Ndiaye", "Coumba Céréales", "Dakar", "agrifood", domain.GenderWoman},
		along[domain.AppAccepted]...)
	path := "/a/alliance-relation/applications/" + first.ID.String()

	w := get(s, path, coordinator)
	page := w.Body.String()
	expectPage(t, "the suggestions", w, page, http.StatusOK, `id="suggestions"`, `id="match-`+mentor.String()+`"`,
		"Même ville\u202f: Dakar", "Connaît le secteur\u202f: Agroalimentaire", "Parle la langue de la candidature", "2 place(s) libre(s)",
		"A accepté la charte en vigueur", "95 points", "N’a pas accepté la charte en vigueur", "Ne peut pas être choisi\u202f:")
	if i, j := strings.Index(page, `id="suggestion-`+mentor.String()+`"`), strings.Index(page, `id="suggestion-`+unsigned.String()+`"`); i < 0 || j < i {
		t.Errorf("the mentor with the charter comes at %d, the one without at %d", i, j)
	}
	if strings.Contains(page, `id="match-`+unsigned.String()+`"`) || strings.Contains(page, `id="override-form-`) {
		t.Error("a coordinator is offered to match a mentor without the charter")
	}

	// The coordinator cannot match the mentor without the charter, even
	// with a forged override.
	w = post(s, path+"/match", url.Values{"mentor_id": {unsigned.String()}}, coordinator)
	expectPage(t, "an ineligible mentor", w, w.Body.String(), http.StatusConflict, "Ibrahima Sow ne peut pas être mis en relation pour l’instant")
	w = post(s, path+"/match", url.Values{"mentor_id": {unsigned.String()}, "override": {"yes"}, "override_reason": {"Urgent"}}, coordinator)
	expectPage(t, "a coordinator's override", w, w.Body.String(), http.StatusConflict, "Seul un administrateur peut passer outre aux règles de mise en relation.")

	// The admin may, with a reason.
	w = get(s, path, admin)
	expectPage(t, "the suggestions to an admin", w, w.Body.String(), http.StatusOK, `id="override-form-`+unsigned.String()+`"`)
	w = post(s, path+"/match", url.Values{"mentor_id": {unsigned.String()}, "override": {"yes"}, "override_reason": {" "}}, admin)
	expectPage(t, "an override without a reason", w, w.Body.String(), http.StatusUnprocessableEntity,
		`id="override_reason-error">Ce champ est obligatoire.`)
	if n := mentorshipCount(t, s, c); n != 1 {
		t.Fatalf("%d mentorships after refused matches; want the cast's one", n)
	}

	// The coordinator matches the first mentor.
	w = post(s, path+"/match", url.Values{"mentor_id": {mentor.String()}}, coordinator)
	loc := w.Header().Get("Location")
	if w.Code != http.StatusSeeOther || !strings.HasPrefix(loc, "/a/alliance-relation/mentorships/") || !strings.HasSuffix(loc, "?matched=1") {
		t.Fatalf("match: %d to %q\n%s", w.Code, loc, w.Body)
	}
	w = get(s, loc, coordinator)
	page = w.Body.String()
	expectPage(t, "the mentorship", w, page, http.StatusOK, `id="matched"`, "Mariama Ba avec Mentor of alliance-relation",
		"Séances prévues (12)", "Séance 1", "Séance 12", "prévue le "+co.StartsOn.Format("02/01/2006"),
		"prévue le "+co.StartsOn.AddDate(0, 11, 0).Format("02/01/2006"), "Jus Mariama", "Dakar 2027")
	if n := strings.Count(partOf(t, page, `id="sessions"`, "</ol>"), "<li"); n != 12 {
		t.Errorf("the mentorship lists %d sessions", n)
	}
	mentorship := strings.TrimSuffix(loc, "?matched=1")
	if w := get(s, mentorship, pageSession(t, s, c, callerMentor)); w.Code != http.StatusOK {
		t.Errorf("the mentor on their mentorship: %d", w.Code)
	}
	if w := get(s, mentorship, pageSession(t, s, c, "mentor-2")); w.Code != http.StatusNotFound {
		t.Errorf("another mentor on the mentorship: %d; want 404", w.Code)
	}
	if w := get(s, mentorship, pageSession(t, s, c, callerObserver)); w.Code != http.StatusForbidden {
		t.Errorf("an observer on the mentorship: %d; want 403", w.Code)
	}
	w = post(s, path+"/match", url.Values{"mentor_id": {mentor.String()}}, coordinator)
	expectPage(t, "a second match", w, w.Body.String(), http.StatusConflict,
		"Seule une candidature acceptée peut être mise en relation ; celle-ci est « Avec un mentor ».")
	page = get(s, path, coordinator).Body.String()
	if !strings.Contains(page, `status-matched">Avec un mentor`) || !strings.Contains(page, `href="`+mentorship+`"`) || strings.Contains(page, `id="suggestions"`) {
		t.Errorf("the application matched:\n%s", page)
	}

	// The admin overrides the charter rule for the second, with a reason.
	w = post(s, "/a/alliance-relation/applications/"+second.ID.String()+"/match", url.Values{"mentor_id": {unsigned.String()},
		"override": {"yes"}, "override_reason": {"Charte signée sur papier <le 3 novembre>"}}, admin)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("override: %d\n%s", w.Code, w.Body)
	}
	page = get(s, strings.TrimSuffix(w.Header().Get("Location"), "?matched=1"), admin).Body.String()
	if !strings.Contains(page, "Règles outrepassées") || !strings.Contains(page, "Charte signée sur papier &lt;le 3 novembre&gt;") {
		t.Errorf("the mentorship overridden:\n%s", page)
	}

	// A whole cohort: proposed, reviewed, then applied for the pairs ticked.
	markup := castMentor(t, s, c, "mentor-3", `<script>alert("mentor")</script>`, "Thiès", true)
	next := castCohort(t, s, c, "Thiès 2027", "Thiès", 10)
	third := castApplication(t, s, c, next.ID, applicant{"Ndeye Fall", "Fall Transformation", "Thiès", "agrifood", domain.GenderWoman},
		along[domain.AppAccepted]...)
	fourth := castApplication(t, s, c, next.ID, applicant{"Astou Diop", "Diop Fruits", "Dakar", "agrifood", domain.GenderWoman},
		along[domain.AppAccepted]...)
	proposal := "/a/alliance-relation/cohorts/" + next.ID.String() + "/proposal"
	w = get(s, proposal, coordinator)
	page = w.Body.String()
	pairThird, pairFourth := third.ID.String()+":"+markup.String(), fourth.ID.String()+":"+mentor.String()
	expectPage(t, "the proposal", w, page, http.StatusOK, `value="`+pairThird+`" id="tick-`+third.ID.String()+`" checked`,
		`value="`+pairFourth+`" id="tick-`+fourth.ID.String()+`" checked`, "2 mise(s) en relation proposée(s), 190 points au total",
		"avec &lt;script&gt;alert(&#34;mentor&#34;)&lt;/script&gt;", "Même ville\u202f: Thiès")
	if bad := testkit.UnsafeHTML(partOf(t, page, `id="pairs"`, "</ul>\n  </fieldset>")); bad != "" {
		t.Errorf("the proposal lets through %s", bad)
	}
	before := mentorshipCount(t, s, c)
	w = post(s, proposal, url.Values{"pairs": {pairThird, fourth.ID.String() + ":" + unsigned.String()}}, coordinator)
	expectPage(t, "a proposal with a pair refused", w, w.Body.String(), http.StatusConflict, "Ibrahima Sow ne peut pas être mis en relation",
		`id="tick-`+third.ID.String()+`" checked`)
	if strings.Contains(w.Body.String(), `id="tick-`+fourth.ID.String()+`" checked`) {
		t.Error("a pair unticked comes back ticked")
	}
	if n := mentorshipCount(t, s, c); n != before {
		t.Fatalf("%d mentorships after a refused proposal; want %d", n, before)
	}
	w = post(s, proposal, url.Values{"pairs": {pairThird}}, coordinator)
	if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || loc != proposal+"?matched=1" {
		t.Fatalf("apply the proposal: %d to %q\n%s", w.Code, loc, w.Body)
	}
	page = get(s, proposal+"?matched=1", coordinator).Body.String()
	if !strings.Contains(page, "1 mise(s) en relation faite(s)") || strings.Contains(page, `id="tick-`+third.ID.String()+`"`) ||
		!strings.Contains(page, `id="tick-`+fourth.ID.String()+`"`) {
		t.Errorf("after applying one pair:\n%s", page)
	}
	if n := mentorshipCount(t, s, c); n != before+1 {
		t.Errorf("%d mentorships after one pair applied; want %d", n, before+1)
	}
	w = post(s, proposal, url.Values{}, coordinator)
	expectPage(t, "a proposal with no pair ticked", w, w.Body.String(), http.StatusUnprocessableEntity, `id="pairs-error">Ce champ est obligatoire.`)
}

func TestShownSuggestionsKeepThePageLight(t *testing.T) {
	ranked := make([]domain.MatchSuggestion, 25)
	for i := range ranked {
		ranked[i].Score = 100 - i
	}
	tests := []struct {
		name      string
		list      []domain.MatchSuggestion
		all       bool
		wantShown int
		wantAll   int
	}{
		{"none", nil, false, 0, 0},
		{"fewer than the first ones", ranked[:3], false, 3, 0},
		{"exactly the first ones", ranked[:suggestionsShown], false, suggestionsShown, 0},
		{"more: the first ones and the count", ranked, false, suggestionsShown, 25},
		{"all asked", ranked, true, 25, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shown, all := shownSuggestions(tt.list, tt.all)
			if len(shown) != tt.wantShown || all != tt.wantAll {
				t.Fatalf("%d shown and %d in all; want %d and %d", len(shown), all, tt.wantShown, tt.wantAll)
			}
			if len(shown) > 0 && shown[0].Score != tt.list[0].Score {
				t.Errorf("the first shown is not the best ranked")
			}
		})
	}
}

// TestTheApplicationPageListsTheBestMentorsFirst: with more mentors than
// a phone needs, the page lists the best ranked and links to all of them.
func TestTheApplicationPageListsTheBestMentorsFirst(t *testing.T) {
	ts := startServer(t, 1<<20, "")
	s := ts.Server
	c := newCast(t, s, "alliance-nombreuse")
	c.mentorProfile(t, s, c.userID(callerMentor), "Thiès")
	// The cast has a mentor and a mentor's invitation, which holds a place.
	for i := range suggestionsShown - 2 {
		castMentor(t, s, c, fmt.Sprintf("mentor-%d", i+2), fmt.Sprintf("Mentor %02d", i+2), "Dakar", false)
	}
	// The free plan's ten places are taken: two more mentors from before a
	// downgrade, written directly.
	for _, who := range []string{callerObserver, callerAdmin} {
		testkit.Exec(t, ts.db, &c.alliance.ID, "UPDATE members SET roles = roles || ',mentor' WHERE user_id = ?", c.userID(who))
	}
	co := castCohort(t, s, c, "Thiès 2027", "Thiès", 10)
	app := castApplication(t, s, c, co.ID, applicant{"Awa Diop", "Awa Textile", "Thiès", "agrifood", domain.GenderWoman},
		along[domain.AppAccepted]...)
	path := "/a/alliance-nombreuse/applications/" + app.ID.String()
	coordinator := pageSession(t, s, c, callerCoordinator)

	w := get(s, path, coordinator)
	page := w.Body.String()
	expectPage(t, "the first mentors", w, page, http.StatusOK, `id="all-mentors"`, "Voir les 11 mentors",
		`id="suggestion-`+c.userID(callerMentor).String()+`"`)
	if n := strings.Count(page, `<li id="suggestion-`); n != suggestionsShown {
		t.Errorf("%d mentors listed, want %d", n, suggestionsShown)
	}
	w = get(s, path+"?mentors=all", coordinator)
	page = w.Body.String()
	if n := strings.Count(page, `<li id="suggestion-`); w.Code != http.StatusOK || n != suggestionsShown+1 || strings.Contains(page, `id="all-mentors"`) {
		t.Errorf("all mentors: %d, %d listed", w.Code, n)
	}
}
