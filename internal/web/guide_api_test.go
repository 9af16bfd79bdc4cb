package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mentorat/mentorat/internal/domain"
)

// guideTables are the tables a request on the guide could write.
var guideTables = []string{"guide_editions", "guide_acknowledgements"}

// guideStatus is the answer of GET …/guide.
type guideStatus struct {
	Edition        guideEditionView `json:"edition"`
	AcknowledgedAt *time.Time       `json:"acknowledged_at"`
}

// guideReaders is the answer of GET …/guide/acknowledgements.
type guideReaders struct {
	Edition      int `json:"edition"`
	Acknowledged []struct {
		UserID         domain.ID `json:"user_id"`
		Name           string    `json:"name"`
		AcknowledgedAt time.Time `json:"acknowledged_at"`
	} `json:"acknowledged"`
	Pending []struct {
		UserID domain.ID `json:"user_id"`
		Name   string    `json:"name"`
	} `json:"pending"`
}

// guideOf gives the current edition as u sees it.
func (c *communityAPI) guideOf(u acctUser) guideStatus {
	c.t.Helper()
	w := c.call("GET", c.path("/guide"), nil, u.Token)
	c.expect(w, http.StatusOK, "the guide")
	var g guideStatus
	c.decode(w, &g)
	return g
}

// readers gives who acknowledged the current edition, as the coordinator
// sees it: the names of those who did and of those who did not.
func (c *communityAPI) readers() (int, []string, []string) {
	c.t.Helper()
	w := c.call("GET", c.path("/guide/acknowledgements"), nil, c.coord.Token)
	c.expect(w, http.StatusOK, "acknowledgements")
	var r guideReaders
	c.decode(w, &r)
	done, pending := []string{}, []string{}
	for _, a := range r.Acknowledged {
		done = append(done, a.Name)
	}
	for _, p := range r.Pending {
		pending = append(pending, p.Name)
	}
	return r.Edition, sorted(done), sorted(pending)
}

func TestAPIGuideBeforeAnyEdition(t *testing.T) {
	c := newCommunityAPI(t)
	for _, loc := range bothLanguages {
		c.expectProblem(t, c.in(loc, "GET", c.path("/guide"), nil, c.mentor), http.StatusNotFound, loc, "")
		c.expectProblem(t, c.in(loc, "GET", c.path("/guide/acknowledgements"), nil, c.coord), http.StatusNotFound, loc, "")
		before := c.counts(guideTables...)
		c.expectProblem(t, c.in(loc, "POST", c.path("/guide/acknowledge"), nil, c.mentor), http.StatusConflict, loc, "error.guide.none_published")
		c.unchanged(t, before, guideTables...)
	}
	w := c.call("GET", c.path("/guide/editions"), nil, c.entrep.Token)
	c.expect(w, http.StatusOK, "no editions")
	if w.Body.String() != `{"items":[],"next_cursor":null}` {
		t.Fatalf("editions %s", w.Body)
	}
}

func TestAPIGuideRefusesABadNoteInBothLanguagesAndWritesNothing(t *testing.T) {
	c := newCommunityAPI(t)
	tests := []struct {
		name   string
		body   string
		status int
		key    string
		args   map[string]any
	}{
		{"no note", `{}`, 422, "validation.required", nil},
		{"blank note", `{"note":"   "}`, 422, "validation.required", nil},
		{"too short", `{"note":"ok"}`, 422, "validation.length", map[string]any{"min": 3, "max": 2000}},
		{"too long", `{"note":"` + strings.Repeat("é", 2001) + `"}`, 422, "validation.too_long", map[string]any{"max": 2000}},
		{"malformed", `{"note":`, 400, "", nil},
		{"unknown field", `{"text":"Nouvelle édition"}`, 400, "", nil},
	}
	for _, tc := range tests {
		for _, loc := range bothLanguages {
			t.Run(tc.name+" "+string(loc), func(t *testing.T) {
				before := c.counts(guideTables...)
				w := c.in(loc, "POST", c.path("/guide/editions"), tc.body, c.coord)
				if tc.key != "" {
					c.expectField(t, w, loc, "note", tc.key, tc.args)
				} else {
					c.expectProblem(t, w, tc.status, loc, "")
				}
				c.unchanged(t, before, guideTables...)
			})
		}
	}
	for _, u := range []acctUser{c.mentor, c.entrep} {
		before := c.counts(guideTables...)
		w := c.in(domain.French, "POST", c.path("/guide/editions"), map[string]any{"note": "Nouvelle édition"}, u)
		c.expectProblem(t, w, http.StatusForbidden, domain.French, "error.forbidden.detail")
		c.unchanged(t, before, guideTables...)
	}
}

func TestAPIGuideEditionsAreAcknowledgedOnceByMentors(t *testing.T) {
	c := newCommunityAPI(t)
	mails := len(c.mails())
	w := c.call("POST", c.path("/guide/editions"), map[string]any{"note": "Première édition"}, c.coord.Token)
	c.expect(w, http.StatusCreated, "publish")
	var e guideEditionView
	c.decode(w, &e)
	if e.Edition != 1 || e.Note != "Première édition" || time.Since(e.PublishedAt) > time.Minute {
		t.Fatalf("edition %+v", e)
	}
	var to []string
	for _, m := range c.mails()[mails:] {
		to = append(to, m.To)
	}
	if want := []string{c.mentor.Email, c.mentor2.Email}; !slices.Equal(sorted(to), sorted(want)) {
		t.Fatalf("mails to %v; want the mentors %v", to, want)
	}

	if g := c.guideOf(c.mentor); g.Edition.Edition != 1 || g.Edition.Note != e.Note || g.Edition.PublishedAt.Sub(e.PublishedAt).Abs() > time.Millisecond || g.AcknowledgedAt != nil {
		t.Fatalf("the guide before acknowledging: %+v", g)
	}
	if n, done, pending := c.readers(); n != 1 || len(done) != 0 || !slices.Equal(pending, []string{"Ibrahim", "Moussa"}) {
		t.Fatalf("readers of edition %d: %v, pending %v", n, done, pending)
	}

	w = c.call("POST", c.path("/guide/acknowledge"), nil, c.mentor.Token)
	c.expect(w, http.StatusCreated, "first acknowledgement")
	if w.Body.String() != `{"acknowledged":true,"edition":1}` {
		t.Fatalf("answer %s", w.Body)
	}
	before := c.counts(guideTables...)
	w = c.call("POST", c.path("/guide/acknowledge"), nil, c.mentor.Token)
	c.expect(w, http.StatusOK, "second acknowledgement")
	if w.Body.String() != `{"acknowledged":true,"edition":1}` {
		t.Fatalf("answer %s", w.Body)
	}
	c.unchanged(t, before, guideTables...)
	if g := c.guideOf(c.mentor); g.AcknowledgedAt == nil || time.Since(*g.AcknowledgedAt) > time.Minute {
		t.Fatalf("the guide after acknowledging: %+v", g)
	}
	if g := c.guideOf(c.mentor2); g.AcknowledgedAt != nil {
		t.Fatalf("the other mentor's guide: %+v", g)
	}
	if n, done, pending := c.readers(); n != 1 || !slices.Equal(done, []string{"Moussa"}) || !slices.Equal(pending, []string{"Ibrahim"}) {
		t.Fatalf("readers of edition %d: %v, pending %v", n, done, pending)
	}

	// An entrepreneur reads the guide but does not acknowledge it, nor
	// see who did.
	c.guideOf(c.entrep)
	for _, r := range []struct{ method, path string }{{"POST", "/guide/acknowledge"}, {"GET", "/guide/acknowledgements"}} {
		before := c.counts(guideTables...)
		c.expectProblem(t, c.in(domain.English, r.method, c.path(r.path), nil, c.entrep), http.StatusForbidden, domain.English, "error.forbidden.detail")
		c.unchanged(t, before, guideTables...)
	}

	// A second edition asks everyone again.
	c.expect(c.call("POST", c.path("/guide/editions"), map[string]any{"note": "Deuxième édition"}, c.admin.Token), http.StatusCreated, "publish 2")
	if g := c.guideOf(c.mentor); g.Edition.Edition != 2 || g.AcknowledgedAt != nil {
		t.Fatalf("the guide after edition 2: %+v", g)
	}
	if n, done, pending := c.readers(); n != 2 || len(done) != 0 || !slices.Equal(pending, []string{"Ibrahim", "Moussa"}) {
		t.Fatalf("readers of edition %d: %v, pending %v", n, done, pending)
	}
	w = c.call("GET", c.path("/guide/editions"), nil, c.mentor.Token)
	c.expect(w, http.StatusOK, "editions")
	var list page[guideEditionView]
	c.decode(w, &list)
	if len(list.Items) != 2 || list.Items[0].Edition != 2 || list.Items[1].Edition != 1 || list.NextCursor != nil {
		t.Fatalf("editions %s", w.Body)
	}
}
