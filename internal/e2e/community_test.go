package e2e

import (
	"context"
	"encoding/json"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mentorat/mentorat/internal/domain"
	"github.com/mentorat/mentorat/internal/testkit"
	"github.com/mentorat/mentorat/tenants"
)

// demoTitle is the French title of a text of the demo alliance's guide,
// read from where the import reads it.
func demoTitle(t *testing.T, slug string) string {
	t.Helper()
	raw, err := fs.ReadFile(tenants.Demo, "guide/index.json")
	if err != nil {
		t.Fatalf("read the demo guide: %v", err)
	}
	var index struct {
		Resources []struct {
			Slug  string                   `json:"slug"`
			Title map[domain.Locale]string `json:"title"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(raw, &index); err != nil {
		t.Fatalf("decode the demo guide: %v", err)
	}
	for _, r := range index.Resources {
		if r.Slug == slug {
			return squash(r.Title[domain.French])
		}
	}
	t.Fatalf("the demo guide has no %s", slug)
	return ""
}

// pathname is the path of the page the browser shows.
func pathname(t *testing.T, ctx context.Context) string {
	t.Helper()
	return evaluate[string](t, ctx, "location.pathname")
}

// TestMentorCommunityOnPhones: on phones, in French, a coordinator of the
// demo alliance searches its library without accents, opens a case, and
// plans a peer session about it with two mentors. One mentor confirms on
// their phone. Once the session has started, the coordinator records that
// this mentor came, and the mentor's page counts one session of one. The
// mentor then acknowledges the guide's current edition from the library.
func TestMentorCommunityOnPhones(t *testing.T) {
	t.Parallel()
	srv := startDemo(t)
	fr := frenchCopy(t)
	a := demoAlliance(t, srv)
	const password = "une intervision à Ségou 2026"
	addMember(t, srv, a, "fatou.coulibaly@example.org", "Fatou Coulibaly", password, domain.RoleCoordinator)
	addMember(t, srv, a, "oumar.sow@example.org", "Oumar Sow", password, domain.RoleMentor)
	addMember(t, srv, a, "awa.keita@example.org", "Awa Keita", password, domain.RoleMentor)
	library := demoPath + "/library"

	// The coordinator searches the library without accents.
	coordinator := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, coordinator, "fr-FR,fr;q=0.9")
	coordinatorTraffic := watchTraffic(t, coordinator)
	signIn(t, coordinator, srv.URL, "fatou.coulibaly@example.org", password, library)
	checkPage(t, coordinator, "library", fr("page.library.heading"))
	fill(t, coordinator, "#q", "couturiere")
	submit(t, coordinator, "#search", library+"?q=couturiere&kind=&locale=fr")
	checkPage(t, coordinator, "library-search", fr("page.library.heading"))
	if got := visibleText(t, coordinator, "#results-count"); got != fr("page.library.found", "count", 1) {
		t.Errorf("the search says %q", got)
	}
	title := demoTitle(t, "case-tailor-segou")
	caseLink := `section[aria-labelledby="kind-case"] a.row-title`
	if got := visibleText(t, coordinator, caseLink); got != title {
		t.Fatalf("the search finds %q; want the case %q", got, title)
	}

	// It opens the case.
	follow(t, coordinator, caseLink)
	checkPage(t, coordinator, "case", title)
	casePath := pathname(t, coordinator)
	caseID := casePath[strings.LastIndex(casePath, "/")+1:]
	if got := visibleText(t, coordinator, "#translations"); got != fr("page.library.read_in_en") {
		t.Errorf("the case's translations: %q", got)
	}

	// It plans a peer session about the case with both mentors.
	follow(t, coordinator, "#link-peer-sessions")
	checkPage(t, coordinator, "peer-sessions-none", fr("page.peer.heading"))
	if got, want := visibleText(t, coordinator, "#quarter-missing"), fr("page.peer.quarter_missing", "quarter", domain.QuarterOf(time.Now())); got != want {
		t.Errorf("with no session this quarter, the page says %q; want %q", got, want)
	}
	follow(t, coordinator, "#plan-session")
	checkPage(t, coordinator, "peer-new", fr("page.peer.new.heading"))
	if got := evaluate[int](t, coordinator, `document.querySelectorAll("#invitees input:checked").length`); got != 2 {
		t.Errorf("%d mentors ticked by default; want both", got)
	}
	const topic = "Le mentor qui prend la main"
	startsAt := time.Now().UTC().Add(3 * time.Hour).Truncate(time.Minute)
	fill(t, coordinator, "#topic", topic)
	fill(t, coordinator, "#place", "Maison des jeunes, Ségou")
	do(t, coordinator, "choose the time and the case",
		chromedp.SetValue(chromedp.CSS("#held-on"), startsAt.Format("2006-01-02T15:04")),
		chromedp.SetValue(chromedp.CSS("#case"), caseID))
	follow(t, coordinator, "#plan")
	checkPage(t, coordinator, "peer-planned", topic)
	sessionPath := pathname(t, coordinator)
	if got := visibleText(t, coordinator, "#session-case"); got != title {
		t.Errorf("the session discusses %q", got)
	}
	if got := visibleText(t, coordinator, "#invitees"); !strings.Contains(got, "Oumar Sow") || !strings.Contains(got, "Awa Keita") {
		t.Errorf("the invitees: %q", got)
	}

	// A mentor confirms on their phone.
	mentor := newBrowser(t, phoneWidth, phoneHeight)
	askForLanguages(t, mentor, "fr-FR,fr;q=0.9")
	mentorTraffic := watchTraffic(t, mentor)
	signIn(t, mentor, srv.URL, "oumar.sow@example.org", password, sessionPath)
	checkPage(t, mentor, "peer-invited", topic)
	submit(t, mentor, "#confirm", sessionPath+"?answered=1")
	checkPage(t, mentor, "peer-confirmed", topic)
	if got, want := visibleText(t, mentor, "#my-answer"), fr("page.peer.my_answer", "answer", fr("page.peer.response.confirmed")); !strings.HasPrefix(got, want) {
		t.Errorf("the mentor's answer reads %q; want %q", got, want)
	}

	// The session starts; the coordinator records who came.
	testkit.Exec(t, srv.DB, &a.ID, "UPDATE peer_sessions SET starts_at = ? WHERE id = ?", time.Now().UTC().Add(-time.Hour),
		sessionPath[strings.LastIndex(sessionPath, "/")+1:])
	open(t, coordinator, srv.URL+sessionPath)
	checkPage(t, coordinator, "peer-started", topic)
	ticked := evaluate[[]string](t, coordinator, `Array.from(document.querySelectorAll("#attendance-form input:checked")).map(e => e.parentElement.innerText.trim())`)
	if len(ticked) != 1 || ticked[0] != "Oumar Sow" {
		t.Errorf("ticked before recording: %q; want the mentor who confirmed", ticked)
	}
	submit(t, coordinator, "#record-attendance", sessionPath+"?recorded=1")
	checkPage(t, coordinator, "peer-recorded", topic)
	if got := visibleText(t, coordinator, "#recorded"); got != fr("page.peer.record.done") {
		t.Errorf("after recording, the page says %q", got)
	}
	follow(t, coordinator, "#back-to-sessions")
	follow(t, coordinator, "#attendance-link")
	checkPage(t, coordinator, "peer-attendance", fr("page.peer.attendance.heading", "year", time.Now().UTC().Year()))
	coordinatorTraffic.check(t, srv.URL)

	// The mentor's page counts the session.
	follow(t, mentor, "#link-members")
	own := evaluate[string](t, mentor, `Array.from(document.querySelectorAll("#members a.row-title")).find(a => a.innerText.trim() === "Oumar Sow").getAttribute("href")`)
	open(t, mentor, srv.URL+own)
	checkPage(t, mentor, "member-peer-year", "Oumar Sow")
	if got, want := visibleText(t, mentor, "#peer-year-summary"), fr("page.peer.member.summary", "attended", 1, "invited", 1); got != want {
		t.Errorf("the mentor's page says %q; want %q", got, want)
	}

	// The mentor acknowledges the guide's current edition.
	follow(t, mentor, "#link-library")
	checkPage(t, mentor, "library-guide", fr("page.library.heading"))
	if got, want := visibleText(t, mentor, "#guide-heading"), fr("page.guide.banner.heading", "edition", 1); got != want {
		t.Errorf("the guide's banner says %q; want %q", got, want)
	}
	submit(t, mentor, "#acknowledge", library+"?acknowledged=1")
	checkPage(t, mentor, "library-acknowledged", fr("page.library.heading"))
	if got := visibleText(t, mentor, "#guide-acknowledged"); !strings.Contains(got, fr("page.guide.acknowledge.thanks")) {
		t.Errorf("after acknowledging, the mentor reads %q", got)
	}
	mentorTraffic.check(t, srv.URL)
}
