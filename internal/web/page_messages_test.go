package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
)

// TestDecisionMailsAreWordedThroughThePage: an admin reaches the wording
// of the decision mails from the settings, sees the product's wording in
// each language with the placeholders listed, words the acceptance in
// French (a wording with mistakes comes back with what was typed and a
// message next to each field), sees it marked as the alliance's own, and
// takes it back to the default. A script in a wording stays text. Only
// admins open the page.
func TestDecisionMailsAreWordedThroughThePage(t *testing.T) {
	s := startServer(t, 1<<20, "").Server
	c := newCast(t, s, "alliance-courriers")
	base := "/a/alliance-courriers/messages"
	admin := pageSession(t, s, c, callerAdmin)

	w := get(s, "/a/alliance-courriers/settings", admin)
	expectPage(t, "the settings", w, w.Body.String(), http.StatusOK, `href="`+base+`" id="messages-link"`)
	w = get(s, base, admin)
	page := w.Body.String()
	defaultSubject := s.catalog.T(domain.French, "mail.decision.accepted.subject", nil)
	expectPage(t, "the wordings", w, page, http.StatusOK, "Les e-mails de décision", "<code>{name}</code>", "<code>{link}</code>",
		`id="message-decision-accepted-fr"`, `id="message-decision-rejected-en"`, `value="`+defaultSubject+`"`,
		"texte par défaut", `id="back-to-settings"`)
	if n := strings.Count(page, `<form method="post" action="`+base+`"`); n != 6 {
		t.Errorf("%d forms; want 3 mails in 2 languages", n)
	}
	if strings.Contains(page, `id="message-decision-accepted-fr-reset"`) {
		t.Error("the default wording offers to go back to the default")
	}

	// Mistakes: the typed text comes back, each message next to its field.
	w = post(s, base, url.Values{"key": {"decision.accepted"}, "locale": {"fr"}, "subject": {"x"}, "body": {" "}, "action": {"save"}}, admin)
	page = w.Body.String()
	expectPage(t, "a wording with mistakes", w, page, http.StatusUnprocessableEntity,
		`id="subject-error">Ce champ doit compter entre 2 et 200 caractères.`, `id="body-error">Ce champ est obligatoire.`,
		`id="message-decision-accepted-fr-subject" name="subject" type="text" lang="fr" maxlength="200" value="x"`)
	if part := partOf(t, page, `id="message-decision-accepted-en"`, "</form>"); strings.Contains(part, "field-error") {
		t.Error("the English wording shows the French one's mistakes")
	}

	// The alliance's own wording, with a script in it.
	const body = "Bonjour {name},\n\n<script>alert('bienvenue')</script> Vous êtes pris dans {cohort}."
	w = post(s, base, url.Values{"key": {"decision.accepted"}, "locale": {"fr"}, "subject": {"Bienvenue, {name} !"},
		"body": {strings.ReplaceAll(body, "\n", "\r\n")}, "action": {"save"}}, admin)
	loc := w.Header().Get("Location")
	if w.Code != http.StatusSeeOther || loc != base+"?saved=decision.accepted.fr#message-decision-accepted-fr" {
		t.Fatalf("save: %d to %q\n%s", w.Code, loc, w.Body)
	}
	msgs, err := s.messages.List(t.Context(), c.admin)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		if m.Key == "decision.accepted" && m.Locale == domain.French && (!m.Custom || m.Body != body) {
			t.Errorf("the saved wording: %+v", m)
		}
	}
	w = get(s, base+"?saved=decision.accepted.fr", admin)
	page = w.Body.String()
	block := partOf(t, page, `id="message-decision-accepted-fr"`, "</form>")
	expectPage(t, "the alliance's wording", w, block, http.StatusOK, `id="message-decision-accepted-fr-saved"`, "texte de l’alliance",
		`value="Bienvenue, {name} !"`, "&lt;script&gt;alert(&#39;bienvenue&#39;)&lt;/script&gt;", `id="message-decision-accepted-fr-reset"`)
	if bad := testkit.UnsafeHTML(partOf(t, page, `id="message-decision-accepted-fr-body"`, "</textarea>")); bad != "" {
		t.Errorf("the wording's text lets through %s", bad)
	}
	if scriptTag.MatchString(page) {
		t.Error("a wording's script runs on the page")
	}

	// Back to the default.
	w = post(s, base, url.Values{"key": {"decision.accepted"}, "locale": {"fr"}, "subject": {"Bienvenue"}, "body": {"x"}, "action": {"reset"}}, admin)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("reset: %d\n%s", w.Code, w.Body)
	}
	w = get(s, base, admin)
	expectPage(t, "the default again", w, partOf(t, w.Body.String(), `id="message-decision-accepted-fr"`, "</form>"), http.StatusOK,
		"texte par défaut")

	// Only admins.
	for _, who := range []string{callerCoordinator, callerMentor} {
		session := pageSession(t, s, c, who)
		if w := get(s, base, session); w.Code != http.StatusForbidden {
			t.Errorf("%s opens the wordings: %d; want 403", who, w.Code)
		}
		if w := post(s, base, url.Values{"key": {"decision.accepted"}, "locale": {"fr"}, "subject": {"Pris"}, "body": {"Pris."}}, session); w.Code != http.StatusForbidden {
			t.Errorf("%s words a mail: %d; want 403", who, w.Code)
		}
	}
}
