package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/domain"
)

func TestAPIDecisionMailsAreWordedByTheAllianceAndReset(t *testing.T) {
	p := newPipelineAPI(t)
	list := func() map[string]messageView {
		t.Helper()
		w := p.call("GET", p.path("/messages"), nil, p.admin.Token)
		p.expect(w, http.StatusOK, "messages")
		var out page[messageView]
		p.decode(w, &out)
		m := map[string]messageView{}
		for _, it := range out.Items {
			m[it.Key+"/"+string(it.Locale)] = it
		}
		return m
	}
	got := list()
	if len(got) != 6 || got["decision.rejected/fr"].Custom || got["decision.rejected/fr"].Subject != p.message(domain.French, "mail.decision.rejected.subject", nil) {
		t.Fatalf("messages %+v", got)
	}
	w := p.call("PUT", p.path("/messages"), map[string]any{"key": "decision.rejected", "locale": "fr", "subject": "{alliance} : votre dossier",
		"body": "Bonjour {name}, merci pour votre candidature."}, p.admin.Token)
	p.expect(w, http.StatusOK, "save")
	var saved messageView
	p.decode(w, &saved)
	if !saved.Custom || saved.Subject != "{alliance} : votre dossier" {
		t.Fatalf("saved %+v", saved)
	}
	if m := list()["decision.rejected/fr"]; !m.Custom || m.Body != "Bonjour {name}, merci pour votre candidature." {
		t.Fatalf("listed %+v", m)
	}

	// A rejection is mailed in the alliance's words.
	id := p.applied("Aminata", "aminata@example.org", domain.AppInterview)
	p.move(id, domain.AppRejected)
	mails := p.mails()
	if last := mails[len(mails)-1]; last.To != "aminata@example.org" || last.Subject != "Alliance "+p.slug+" : votre dossier" ||
		last.Text != "Bonjour Aminata, merci pour votre candidature." {
		t.Fatalf("mail %+v", last)
	}

	// An empty subject and body go back to the product's wording.
	w = p.call("PUT", p.path("/messages"), map[string]any{"key": "decision.rejected", "locale": "fr", "subject": "", "body": ""}, p.admin.Token)
	p.expect(w, http.StatusOK, "reset")
	p.decode(w, &saved)
	if saved.Custom || saved.Subject != p.message(domain.French, "mail.decision.rejected.subject", nil) {
		t.Fatalf("reset %+v", saved)
	}

	for _, loc := range bothLanguages {
		before := p.pipelineCounts()
		p.expectField(t, p.in(loc, "PUT", p.path("/messages"), map[string]any{"key": "decision.hired", "locale": "fr", "subject": "Oui", "body": "Oui"}, p.admin),
			loc, "key", "validation.one_of", map[string]any{"values": "decision.accepted, decision.waitlisted, decision.rejected"})
		p.expectField(t, p.in(loc, "PUT", p.path("/messages"), map[string]any{"key": "decision.accepted", "locale": "wo", "subject": "Waaw", "body": "Waaw"}, p.admin),
			loc, "locale", "validation.locale", nil)
		p.expectField(t, p.in(loc, "PUT", p.path("/messages"), map[string]any{"key": "decision.accepted", "locale": "fr", "subject": "Bienvenue", "body": " "}, p.admin),
			loc, "body", "validation.required", nil)
		p.expectField(t, p.in(loc, "PUT", p.path("/messages"), map[string]any{"key": "decision.accepted", "locale": "fr",
			"subject": "Bienvenue", "body": strings.Repeat("b", 8001)}, p.admin), loc, "body", "validation.too_long", map[string]any{"max": 8000})
		p.expectProblem(t, p.in(loc, "PUT", p.path("/messages"), map[string]any{"key": "decision.accepted", "locale": "fr", "subject": "Bienvenue",
			"body": "Bienvenue"}, p.coord), http.StatusForbidden, loc, "error.forbidden.detail")
		p.unchangedPipeline(t, before)
	}
}
