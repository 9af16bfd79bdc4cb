package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/frontend"
	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/i18n"
	"github.com/mentorat/mentorat/internal/service"
	"github.com/mentorat/mentorat/internal/testkit"
)

// applyForm is a right application to cohort, as the form sends it.
func applyForm(cohort domain.ID, name, email string) url.Values {
	return url.Values{
		"cohort_id": {cohort.String()}, "applicant.name": {name}, "applicant.email": {email}, "applicant.phone": {""},
		"applicant.gender": {"woman"}, "applicant.birth_year": {"1994"}, "applicant.city": {"Ségou"},
		"business.name": {"Karité de Ségou"}, "business.sector": {"agrifood"}, "business.stage": {"starting"},
		"business.employees": {"3"}, "business.founded_year": {"2021"}, "business.revenue_band": {"1m_5m"},
		"obstacles": {"Trouver des clients.\r\n\r\nFinancer une presse."}, "goals": {"Vendre à Bamako."},
		"motivation": {"Apprendre d’une entrepreneure qui a réussi."}, "website": {""},
	}
}

// countApplications is how many applications the cast's alliance holds.
func countApplications(t *testing.T, s *Server, c *cast) int {
	t.Helper()
	_, total, err := s.applications.List(t.Context(), c.admin, service.PipelineQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return total
}

// TestApplyingThroughThePages: a visitor finds the open cohorts on the
// alliance's page and applies through the form, on a phone's keyboard
// (e-mail, phone and numbers get theirs). A form with mistakes comes back
// with what was typed, each message next to its field and their list at
// the top, and nothing is recorded; a robot that fills the hidden field
// gets the confirmation and records nothing; the same person cannot apply
// twice to a cohort (409); the page's language is the application's. The
// confirmation says what comes next, by mail or by phone. A connection
// that sent too many waits (429) and keeps its text. Without an open
// cohort the page says so.
func TestApplyingThroughThePages(t *testing.T) {
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "alliance-candidatures")
	ctx := t.Context()
	base := "/a/alliance-candidatures"
	cohort := c.objects["cohorts"]
	script := &domain.Cohort{Name: `<script>alert("cohorte")</script>`, City: "Kayes", StartsOn: domain.Day(time.Now().AddDate(0, 2, 0)),
		EndsOn: domain.Day(time.Now().AddDate(1, 2, 0)), Capacity: 10, ApplicationsOpen: true}
	if err := s.cohorts.Create(ctx, c.admin, script); err != nil {
		t.Fatal(err)
	}

	w := get(s, base, "")
	page := w.Body.String()
	expectPage(t, "the alliance's page", w, page, http.StatusOK, `id="apply-now"`, `href="`+base+`/apply?cohort=`+cohort.String()+`"`,
		"Cohorte de printemps", "&lt;script&gt;alert(&#34;cohorte&#34;)&lt;/script&gt;")
	if scriptTag.MatchString(page) {
		t.Error("a cohort's name runs as a script on the alliance's page")
	}

	w = get(s, base+"/apply?cohort="+cohort.String(), "")
	page = w.Body.String()
	expectPage(t, "the form", w, page, http.StatusOK, "Candidater au programme de mentorat", `novalidate`,
		`value="`+cohort.String()+`" id="cohort_id-`+cohort.String()+`" checked`, `type="email" inputmode="email" autocomplete="email"`,
		`type="tel" inputmode="tel" autocomplete="tel"`, `type="number" inputmode="numeric" autocomplete="bday-year"`,
		`<legend>Vous</legend>`, `<legend>Votre entreprise</legend>`, `<legend>Votre parcours</legend>`,
		`<option value="agrifood">Agroalimentaire</option>`, "Moins de 1 million FCFA", "Je préfère ne pas le dire",
		`<div class="vh" aria-hidden="true">`, `name="website" type="text" tabindex="-1" autocomplete="off"`, "Laissez ce champ vide",
		"&lt;script&gt;alert(&#34;cohorte&#34;)&lt;/script&gt;")
	if scriptTag.MatchString(page) || strings.Contains(page, "style=") {
		t.Error("the form has a script or an inline style")
	}

	// Mistakes: nothing recorded, everything typed kept, each message next
	// to its field and listed at the top, in the form's order.
	before := countApplications(t, s, c)
	year := time.Now().Year()
	bad := applyForm(cohort, `<script>alert("nom")</script>`, "awa@")
	bad.Set("motivation", strings.Repeat("m", 100_000))
	bad.Set("applicant.birth_year", fmt.Sprint(year+1))
	bad.Set("applicant.gender", "femme")
	bad.Set("business.employees", "trois")
	w = post(s, base+"/apply", bad, "")
	page = w.Body.String()
	expectPage(t, "an application with mistakes", w, page, http.StatusUnprocessableEntity,
		`id="applicant-email-error">Saisissez une adresse e-mail valide`,
		fmt.Sprintf(`id="applicant-birth_year-error">La valeur doit être comprise entre %d et %d.`, year-80, year-15),
		`id="applicant-gender-error">Valeur inconnue`, `id="business-employees-error">La valeur doit être comprise entre 0 et 100000.`,
		`id="motivation-error">Ce texte dépasse 4000 caractères.`,
		`id="error-summary"`, "Vérifiez ces champs (5)", `href="#applicant-email"`, `href="#applicant-gender"`, `href="#motivation"`,
		`value="awa@"`, fmt.Sprintf(`value="%d"`, year+1), `value="trois"`, strings.Repeat("m", 100_000)+"</textarea>",
		`value="&lt;script&gt;alert(&#34;nom&#34;)&lt;/script&gt;"`,
		`aria-invalid="true" aria-describedby="contact-hint applicant-email-error"`)
	if i, j := strings.Index(page, `href="#applicant-email"`), strings.Index(page, `href="#motivation"`); i > j {
		t.Error("the summary does not follow the form's order")
	}
	if bad := testkit.UnsafeHTML(partOf(t, page, `id="error-summary"`, "</div>")); bad != "" {
		t.Errorf("the summary lets through %s", bad)
	}
	if scriptTag.MatchString(page) {
		t.Error("a name typed as a script runs on the form")
	}
	if strings.Contains(page, `value="woman" id="applicant-gender" checked`) {
		t.Error("an unknown gender comes back as another one")
	}
	// No cohort chosen: said along with the rest.
	none := applyForm(cohort, "Awa Sangaré", "awa.sangare@example.org")
	none.Del("cohort_id")
	w = post(s, base+"/apply", none, "")
	expectPage(t, "no cohort", w, w.Body.String(), http.StatusUnprocessableEntity,
		`id="cohort_id-error">Choisissez la cohorte à laquelle vous candidatez.`, `href="#cohort_id"`, `value="awa.sangare@example.org"`)
	if n := countApplications(t, s, c); n != before {
		t.Fatalf("%d applications after mistakes; want %d", n, before)
	}

	// A robot fills the hidden field: it is thanked, and nothing is kept.
	robot := applyForm(cohort, "Robot", "robot@example.org")
	robot.Set("website", "https://spam.example.com")
	w = post(s, base+"/apply", robot, "")
	if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || !strings.HasPrefix(loc, base+"/apply/thanks?") {
		t.Fatalf("the robot: %d to %q", w.Code, loc)
	}
	if n := countApplications(t, s, c); n != before {
		t.Fatalf("%d applications after the robot; want %d", n, before)
	}

	// A right application, in English.
	form := applyForm(cohort, "Awa Sangaré", "awa.sangare@example.org")
	w = do(s, http.MethodPost, base+"/apply", form.Encode(), map[string]string{"Content-Type": "application/x-www-form-urlencoded",
		"Sec-Fetch-Site": "same-origin", "Accept": "text/html", "Accept-Language": "en"})
	thanks := w.Header().Get("Location")
	if w.Code != http.StatusSeeOther || thanks != base+"/apply/thanks?cohort="+cohort.String() {
		t.Fatalf("apply: %d to %q\n%s", w.Code, thanks, w.Body)
	}
	if n := countApplications(t, s, c); n != before+1 {
		t.Fatalf("%d applications; want %d", n, before+1)
	}
	list, _, err := s.applications.List(ctx, c.admin, service.PipelineQuery{Text: "awa.sangare@example.org"})
	if err != nil || len(list) != 1 || list[0].Locale != domain.English || list[0].Business.Name != "Karité de Ségou" {
		t.Fatalf("the application: %+v, %v", list, err)
	}
	if d, err := s.applications.Get(ctx, c.admin, list[0].ID, true); err != nil || d.Obstacles != "Trouver des clients.\n\nFinancer une presse." {
		t.Errorf("the obstacles as kept: %+v, %v", d, err)
	}
	w = get(s, thanks, "")
	expectPage(t, "the confirmation", w, w.Body.String(), http.StatusOK, "Merci, votre candidature est envoyée\u202f!",
		"Cohorte\u202f: «\u202fCohorte de printemps\u202f».", `id="thanks-mail"`, `href="/reset"`, `id="next-steps"`)

	// The same person again: refused, with what was typed.
	again := applyForm(cohort, "Awa Sangaré", "AWA.SANGARE@example.org")
	again.Set("goals", "Ouvrir une boutique.")
	w = post(s, base+"/apply", again, "")
	expectPage(t, "a second application", w, w.Body.String(), http.StatusConflict,
		`id="form-problem">Vous avez déjà candidaté à la cohorte «`+"\u202f"+`Cohorte de printemps`, "Ouvrir une boutique.</textarea>")

	// By phone only: the alliance will call.
	phone := applyForm(cohort, "Fatoumata Keïta", "")
	phone.Set("applicant.phone", "+223 66 55 44 33")
	w = post(s, base+"/apply", phone, "")
	if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || !strings.Contains(loc, "by=phone") {
		t.Fatalf("by phone: %d to %q", w.Code, loc)
	}
	w = get(s, w.Header().Get("Location"), "")
	expectPage(t, "the confirmation by phone", w, w.Body.String(), http.StatusOK, `id="thanks-phone"`, "Alliance alliance-candidatures vous appellera")
	if strings.Contains(w.Body.String(), `id="thanks-mail"`) {
		t.Error("an applicant with no e-mail is told to read their mail")
	}

	// Too many from one connection: told how long to wait, text kept.
	for range 20 {
		_, _ = s.applications.Apply(ctx, c.alliance, applicationFormOf(newForm(form), domain.French), "192.0.2.1")
	}
	busy := applyForm(cohort, "Mariam Diallo", "mariam@example.org")
	w = post(s, base+"/apply", busy, "")
	expectPage(t, "too many", w, w.Body.String(), http.StatusTooManyRequests, `id="form-problem">Trop de candidatures sont parties de cette connexion`,
		`value="mariam@example.org"`)
	if w.Header().Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}

	// No open cohort: the page says so.
	open, err := s.cohorts.Open(ctx, c.alliance.ID)
	if err != nil || len(open) != 3 {
		t.Fatalf("open cohorts: %v, %v", open, err)
	}
	for _, co := range open {
		co.ApplicationsOpen = false
		if err := s.cohorts.Update(ctx, c.admin, co); err != nil {
			t.Fatal(err)
		}
	}
	w = get(s, base+"/apply", "")
	expectPage(t, "no open cohort", w, w.Body.String(), http.StatusOK, `id="no-cohort"`, `id="back-to-alliance"`)
	if strings.Contains(w.Body.String(), `id="apply-form"`) {
		t.Error("the form shows with no open cohort")
	}
	w = get(s, base, "")
	expectPage(t, "the alliance's page with no open cohort", w, w.Body.String(), http.StatusOK, `id="no-open-cohort"`)
	if strings.Contains(w.Body.String(), `id="apply-now"`) {
		t.Error("the alliance's page offers to apply with no open cohort")
	}
}

// TestTheAlliancePageListsMyApplications: a signed-in applicant finds
// their applications on the alliance's page, with where they stand; a
// visitor and another member find none.
func TestTheAlliancePageListsMyApplications(t *testing.T) {
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "alliance-mes-candidatures")
	base := "/a/alliance-mes-candidatures"
	entrepreneur := pageSession(t, s, c, callerEntrepreneur)
	w := get(s, base, entrepreneur)
	page := w.Body.String()
	expectPage(t, "the entrepreneur's page", w, page, http.StatusOK, `id="my-applications"`,
		`href="`+base+`/applications/`+c.objects["applications"].String()+`"`, "Cohorte de printemps", "Cohorte d’automne",
		s.catalog.T(domain.French, "status.accepted", nil), s.catalog.T(domain.French, "status.matched", nil))
	for _, who := range []string{callerMentor, ""} {
		session := ""
		if who != "" {
			session = pageSession(t, s, c, who)
		}
		if w := get(s, base, session); strings.Contains(w.Body.String(), `id="my-applications"`) {
			t.Errorf("%q sees applications on the alliance's page", who)
		}
	}
}

// TestApplyPagesNameEveryValue: every value the pages name through its
// key has a message: genders, sectors, stages, revenue bands, statuses,
// where an application stands, and the editable mails.
func TestApplyPagesNameEveryValue(t *testing.T) {
	c, err := i18n.Load(frontend.Locales)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, g := range domain.Genders {
		keys = append(keys, "gender."+string(g))
	}
	for _, v := range domain.Sectors {
		keys = append(keys, "sector."+v)
	}
	for _, v := range domain.Stages {
		keys = append(keys, "stage."+v)
	}
	for _, v := range domain.RevenueBands {
		keys = append(keys, "revenue."+v)
	}
	for _, st := range domain.ApplicationStatuses {
		keys = append(keys, "status."+string(st), "page.follow.now."+string(st))
	}
	for _, st := range []string{"done", "current", "todo"} {
		keys = append(keys, "page.follow.state."+st)
	}
	for _, m := range service.EditableMessages {
		keys = append(keys, "page.messages."+m)
	}
	for _, k := range keys {
		if !c.Has(k) {
			t.Errorf("no message %q", k)
		}
	}
}
