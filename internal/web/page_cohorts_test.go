package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/testkit"
)

// TestCohortsThroughThePages: a coordinator finds the cast's cohorts with
// their places taken and their applications by status, creates one
// through the form (a form with mistakes comes back with a message next
// to each field and what was typed), and edits it to close its
// applications on a date. A name full of markup never reaches a page as
// markup. Mentors and entrepreneurs have no cohorts page, nor its link.
func TestCohortsThroughThePages(t *testing.T) {
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "alliance-cohortes")
	base := "/a/alliance-cohortes/cohorts"
	coordinator := pageSession(t, s, c, callerCoordinator)
	spring := c.objects["cohorts"].String()

	w := get(s, base, coordinator)
	page := w.Body.String()
	expectPage(t, "the cohorts", w, page, http.StatusOK, `id="link-cohorts" aria-current="page"`, `id="link-applications"`,
		"Cohorte de printemps", "Cohorte d’automne", "Dakar", "Places prises\u202f: 1 sur 5", "Candidatures ouvertes",
		`href="`+base+`/`+spring+`/board"`, `href="/a/alliance-cohortes/applications?cohort=`+spring+`"`,
		`href="`+base+`/`+spring+`/proposal"`, `id="new-cohort"`)
	if row := partOf(t, page, `id="cohort-`+spring+`"`, "</li>\n  \n  <li"); !strings.Contains(row, `status-accepted">Acceptée</span> 1`) {
		t.Errorf("the spring cohort's counts: %s", row)
	}

	// Mistakes, each next to its field, with what was typed kept.
	w = post(s, base+"/new", url.Values{"name": {"x"}, "city": {"Thiès"}, "starts_on": {"demain"}, "ends_on": {"2027-01-01"},
		"capacity": {"beaucoup"}, "closes_on": {"2027-13-45"}}, coordinator)
	page = w.Body.String()
	expectPage(t, "a cohort with mistakes", w, page, http.StatusUnprocessableEntity, `id="form-problem"`,
		`id="name-error">`, `id="starts_on-error">Saisissez une date au format AAAA-MM-JJ.`,
		`id="closes_on-error">Saisissez une date au format AAAA-MM-JJ.`, `id="capacity-error">La valeur doit être comprise entre 1 et 10000.`,
		`value="demain"`, `value="beaucoup"`, `value="Thiès"`, `value="2027-13-45"`)
	if strings.Contains(page, `id="applications-open" checked`) {
		t.Error("the box left unticked comes back ticked")
	}
	w = post(s, base+"/new", url.Values{"name": {"Thiès 2027"}, "city": {"Thiès"}, "starts_on": {"2027-03-01"},
		"ends_on": {"2027-02-01"}, "capacity": {"12"}, "applications_open": {"yes"}}, coordinator)
	expectPage(t, "a cohort that ends before it starts", w, w.Body.String(), http.StatusUnprocessableEntity,
		`id="ends_on-error">La fin doit venir après le début.`, `id="applications-open" checked`)

	// Created, then listed.
	form := url.Values{"name": {"<script>alert(1)</script> Thiès"}, "city": {"Thiès"}, "starts_on": {"2027-03-01"},
		"ends_on": {"2028-02-29"}, "capacity": {"12"}, "applications_open": {"yes"}}
	w = post(s, base+"/new", form, coordinator)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != base+"?saved=1" {
		t.Fatalf("create: %d to %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	w = get(s, base+"?saved=1", coordinator)
	page = w.Body.String()
	expectPage(t, "the cohort created", w, page, http.StatusOK, `id="saved"`, "&lt;script&gt;alert(1)&lt;/script&gt; Thiès",
		"du 01/03/2027 au 29/02/2028", "Places prises\u202f: 0 sur 12", "Aucune candidature pour l’instant.")
	if bad := testkit.UnsafeHTML(partOf(t, page, `id="cohorts"`, "</main>")); bad != "" {
		t.Errorf("the list lets through %s", bad)
	}
	id := page[strings.Index(page, `&lt;/script&gt; Thiès`)-200:]
	id = id[strings.Index(id, `id="board-`)+len(`id="board-`):]
	id = id[:strings.Index(id, `"`)]

	// Edited: applications close on a date, then not at all.
	w = get(s, base+"/"+id, coordinator)
	expectPage(t, "the cohort's form", w, w.Body.String(), http.StatusOK, `value="2027-03-01"`, `value="2028-02-29"`, `value="12"`,
		`id="applications-open" checked`, `action="`+base+`/`+id+`"`, `id="save-cohort"`)
	form.Set("closes_on", "2028-03-15")
	w = post(s, base+"/"+id, form, coordinator)
	expectPage(t, "a closing date after the end", w, w.Body.String(), http.StatusUnprocessableEntity,
		`id="closes_on-error">Les candidatures doivent fermer au plus tard à la fin de la cohorte.`, `value="2028-03-15"`)
	form.Set("closes_on", "2027-01-31")
	form.Del("applications_open")
	if w := post(s, base+"/"+id, form, coordinator); w.Code != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", w.Code, w.Body)
	}
	w = get(s, base, coordinator)
	row := partOf(t, w.Body.String(), `id="cohort-`+id+`"`, "</li>\n  \n  <li")
	if !strings.Contains(row, "Candidatures fermées") || !strings.Contains(row, "ferme d’elle-même après le 31/01/2027") {
		t.Errorf("the cohort edited: %s", row)
	}
	if w := post(s, base+"/"+spring, url.Values{"name": {"Cohorte de printemps"}, "city": {"Dakar"}, "starts_on": {"2027-03-01"},
		"ends_on": {"2028-02-29"}, "capacity": {"0"}}, coordinator); w.Code != http.StatusUnprocessableEntity ||
		!strings.Contains(w.Body.String(), `id="capacity-error"`) {
		t.Errorf("a capacity of 0: %d", w.Code)
	}

	// In English, and for those who do not run the pipeline.
	en := do(s, http.MethodGet, base, "", map[string]string{"Accept": "text/html", "Cookie": sessionCookie + "=" + coordinator,
		"Accept-Language": "en"})
	if !strings.Contains(en.Body.String(), "Places taken: 1 of 5") {
		t.Errorf("the cohorts in English:\n%s", en.Body)
	}
	for _, who := range []string{callerMentor, callerEntrepreneur} {
		session := pageSession(t, s, c, who)
		if w := get(s, base, session); w.Code != http.StatusForbidden {
			t.Errorf("%s on the cohorts: %d; want 403", who, w.Code)
		}
		if w := get(s, "/a/alliance-cohortes", session); strings.Contains(w.Body.String(), `id="link-cohorts"`) {
			t.Errorf("%s is offered the cohorts", who)
		}
	}
}
