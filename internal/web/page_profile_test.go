package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/testkit"
)

// TestMentorProfileThroughTheMemberPage: a mentor finds, on their own
// page, the form of what matching knows of them, and fills it (a form with
// mistakes comes back with what was typed and a message next to each
// field); a coordinator, who runs the pipeline, changes it too; an
// entrepreneur neither sees nor sends it (403). A script typed as the city
// stays text. The form is a mentor's only.
func TestMentorProfileThroughTheMemberPage(t *testing.T) {
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "alliance-profils")
	mentorID := c.userID(callerMentor)
	path := "/a/alliance-profils/members/" + mentorID.String()
	mentor := pageSession(t, s, c, callerMentor)

	w := get(s, path, mentor)
	expectPage(t, "the mentor's own page", w, w.Body.String(), http.StatusOK, `id="profile-form"`, `action="`+path+`/profile"`,
		`<input type="checkbox" name="sectors" value="agriculture" id="sector-agriculture"> Agriculture</label>`,
		"Leurs codes, séparés par des virgules")

	// Mistakes: what was typed comes back.
	w = post(s, path+"/profile", url.Values{"city": {"Ségou"}, "sectors": {"crafts", "mining"}, "languages": {"français, bm"}}, mentor)
	page := w.Body.String()
	expectPage(t, "a profile with mistakes", w, page, http.StatusUnprocessableEntity, `id="sectors-error">Valeur inconnue`,
		`id="languages-error">Indiquez les langues par leur code`, `value="français, bm"`, `value="Ségou"`,
		`id="sector-crafts" checked`)

	w = post(s, path+"/profile", url.Values{"city": {"<script>alert(1)</script>"}, "sectors": {"crafts", "agriculture"},
		"languages": {"FR; bm en"}}, mentor)
	if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || loc != path+"?profile_saved=1#profile" {
		t.Fatalf("save: %d to %q\n%s", w.Code, loc, w.Body)
	}
	m, err := s.members.Membership(t.Context(), c.alliance.ID, mentorID)
	if err != nil || m.Profile.City != "<script>alert(1)</script>" || !slices.Equal(m.Profile.Sectors, []string{"crafts", "agriculture"}) ||
		!slices.Equal(m.Profile.Languages, []string{"fr", "bm", "en"}) {
		t.Fatalf("the saved profile: %+v, %v", m.Profile, err)
	}
	w = get(s, path+"?profile_saved=1", mentor)
	page = w.Body.String()
	expectPage(t, "the profile saved", w, page, http.StatusOK, `id="profile-saved"`, `value="fr, bm, en"`,
		`id="sector-agriculture" checked`, `id="sector-crafts" checked`, `value="&lt;script&gt;alert(1)&lt;/script&gt;"`)
	if bad := testkit.UnsafeHTML(partOf(t, page, `id="profile-city"`, "</div>")); bad != "" || scriptTag.MatchString(page) {
		t.Errorf("the city lets through %s", bad)
	}

	// A coordinator runs the pipeline: they change it too.
	coordinator := pageSession(t, s, c, callerCoordinator)
	if w := post(s, path+"/profile", url.Values{"city": {"Bamako"}, "languages": {"fr"}}, coordinator); w.Code != http.StatusSeeOther {
		t.Errorf("the coordinator changes the profile: %d\n%s", w.Code, w.Body)
	}

	// An entrepreneur reads the mentor's page, without the form.
	entrepreneur := pageSession(t, s, c, callerEntrepreneur)
	w = get(s, path, entrepreneur)
	if w.Code != http.StatusOK || strings.Contains(w.Body.String(), `id="profile-form"`) {
		t.Errorf("the entrepreneur on the mentor's page: %d, with the form: %v", w.Code, strings.Contains(w.Body.String(), `id="profile-form"`))
	}
	if w := post(s, path+"/profile", url.Values{"city": {"Kayes"}}, entrepreneur); w.Code != http.StatusForbidden {
		t.Errorf("the entrepreneur changes the mentor's profile: %d; want 403", w.Code)
	}
	if m, _ := s.members.Membership(t.Context(), c.alliance.ID, mentorID); m.Profile.City != "Bamako" {
		t.Errorf("the city is %q after the refusal; want Bamako", m.Profile.City)
	}

	// No form on the page of who is no mentor.
	admin := pageSession(t, s, c, callerAdmin)
	w = get(s, "/a/alliance-profils/members/"+c.userID(callerEntrepreneur).String(), admin)
	if w.Code != http.StatusOK || strings.Contains(w.Body.String(), `id="profile-form"`) {
		t.Errorf("an entrepreneur's page: %d, with the mentor's form: %v", w.Code, strings.Contains(w.Body.String(), `id="profile-form"`))
	}
}
