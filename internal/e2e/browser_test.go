package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The environment of the suite.
const (
	// envChromium names the Chromium binary; /usr/bin/chromium otherwise.
	envChromium = "MENTORAT_TEST_CHROMIUM"
	// envScreenshots names a folder for full-page screenshots.
	envScreenshots = "MENTORAT_E2E_SCREENSHOTS"
)

const (
	// browserTimeout bounds a whole browser session; stepTimeout one step.
	browserTimeout = 2 * time.Minute
	stepTimeout    = 15 * time.Second
	// phoneWidth is the narrowest screen the product is made for.
	phoneWidth, phoneHeight = 360, 740
	// minTapTarget is the least width and height of a control a finger
	// must hit, in CSS pixels.
	minTapTarget = 44
)

// session is what a browser context knows about itself.
type session struct {
	width, height int
	touch         bool
}

type sessionKey struct{}

func sessionOf(ctx context.Context) session {
	s, _ := ctx.Value(sessionKey{}).(session)
	return s
}

// chromiumPath finds the browser: the one MENTORAT_TEST_CHROMIUM names,
// which must then be there, or a usual one. Without any, the test skips,
// and fails under CI=true.
func chromiumPath(t testing.TB) string {
	t.Helper()
	executable := func(p string) bool {
		fi, err := os.Stat(p)
		return err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0
	}
	if p := os.Getenv(envChromium); p != "" {
		if !executable(p) {
			t.Fatalf("%s=%s: no such executable", envChromium, p)
		}
		return p
	}
	if executable("/usr/bin/chromium") {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("Chromium not found: install it (apt-get install chromium) or set %s", envChromium)
	}
	t.Skipf("Chromium not found (install it or set %s to run the browser tests)", envChromium)
	return ""
}

// syncBuffer keeps the browser's output for the failure message.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newBrowser starts a headless Chromium with a fresh profile and one tab
// whose viewport is width×height CSS pixels; a narrow one (under 1024 px)
// is a phone or a tablet: mobile viewport rules and touch input. The browser reaches
// loopback addresses only, and stops at the end of the test.
func newBrowser(t testing.TB, width, height int) context.Context {
	t.Helper()
	exe := chromiumPath(t)
	profile := t.TempDir() // removed after the browser has stopped
	output := &syncBuffer{}
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(width, height),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-proxy-server", true),
		// Any name other than the loopback one resolves to nothing, so a
		// stray external address fails fast instead of leaving the machine.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"),
		chromedp.CombinedOutput(output),
	)
	parent, cancelTimeout := context.WithTimeout(context.Background(), browserTimeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc() // waits for the browser to exit
		cancelTimeout()
	})
	touch := width < 1024
	view := []chromedp.EmulateViewportOption{chromedp.EmulateLandscape}
	if height >= width {
		view = []chromedp.EmulateViewportOption{chromedp.EmulatePortrait}
	}
	if touch {
		view = append(view, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	// The first action starts the browser and binds it to its context, so
	// it runs on ctx itself; browserTimeout bounds it.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height), view...)); err != nil {
		t.Fatalf("start Chromium (%s): %v\n%s", exe, err, output.String())
	}
	return context.WithValue(ctx, sessionKey{}, session{width: width, height: height, touch: touch})
}

// run runs one action that returns a value, within stepTimeout.
func run[T any](t testing.TB, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(sctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// do runs actions that return no value, within stepTimeout.
func do(t testing.TB, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// askForLanguages makes the browser send this Accept-Language header (and
// report these languages to scripts) from now on, as a browser set up in
// that language does.
func askForLanguages(t testing.TB, ctx context.Context, acceptLanguage string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.CallBrowser(sctx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		t.Fatalf("read the browser version: %v", err)
	}
	if _, err := chromedp.Call(sctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{
		UserAgent: v.UserAgent, AcceptLanguage: acceptLanguage,
	}); err != nil {
		t.Fatalf("set Accept-Language to %q: %v", acceptLanguage, err)
	}
}

// open loads the address as if typed in the address bar, and returns the
// response of the document once the page has loaded.
func open(t testing.TB, ctx context.Context, address string) *network.Response {
	t.Helper()
	resp := run(t, ctx, "open "+address, chromedp.NavigateResponse(address))
	if resp == nil {
		t.Fatalf("open %s: no response", address)
	}
	return resp
}

// follow taps the element (clicks it on a screen without touch), as a
// person would, and returns the response of the page it leads to once
// that page has loaded.
func follow(t testing.TB, ctx context.Context, selector string) *network.Response {
	t.Helper()
	press := chromedp.Click(chromedp.CSS(selector), chromedp.NodeVisible)
	if sessionOf(ctx).touch {
		press = chromedp.Tap(chromedp.CSS(selector), chromedp.NodeVisible)
	}
	sctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(sctx, press)
	if err != nil {
		t.Fatalf("follow %s: %v", selector, err)
	}
	if resp == nil {
		t.Fatalf("follow %s: no response", selector)
	}
	return resp
}

// visibleText is the text of the first element the CSS selector matches,
// as rendered (innerText), with runs of white space made one space. It
// waits for the element to be visible.
func visibleText(t testing.TB, ctx context.Context, selector string) string {
	t.Helper()
	s := run(t, ctx, "read the text of "+selector, chromedp.Text(chromedp.CSS(selector), chromedp.NodeVisible))
	return squash(s)
}

// squash makes every run of white space, the no-break spaces of French
// typography included, one plain space, so that a page's text compares
// with the catalog's.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// evaluate runs a JavaScript expression in the page.
func evaluate[T any](t testing.TB, ctx context.Context, expression string) T {
	t.Helper()
	return run(t, ctx, "evaluate "+expression, chromedp.Evaluate[T](expression))
}

// pageLanguage is the lang attribute of the page's <html>.
func pageLanguage(t testing.TB, ctx context.Context) string {
	t.Helper()
	return evaluate[string](t, ctx, "document.documentElement.lang")
}

// checkNoHorizontalScroll fails the test when the page is wider than the
// viewport, which on a phone means a sideways scroll.
func checkNoHorizontalScroll(t testing.TB, ctx context.Context) {
	t.Helper()
	width := sessionOf(ctx).width
	got := evaluate[int](t, ctx, "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
	if got > width {
		wide := evaluate[[]string](t, ctx, fmt.Sprintf(`Array.from(document.querySelectorAll("body *"))
			.filter(e => e.getBoundingClientRect().right > %d)
			.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + e.className : ""))`, width))
		t.Errorf("the page is %d px wide in a %d px viewport (scrolls sideways); too wide: %v", got, width, wide)
	}
}

// checkTapTargets fails the test when a visible control matched by the
// selector is smaller than minTapTarget in either direction. A link inside
// a sentence (an inline link in a paragraph or list item) is exempt, as in
// WCAG 2.5.8.
func checkTapTargets(t testing.TB, ctx context.Context, selector string) {
	t.Helper()
	small := evaluate[[]string](t, ctx, fmt.Sprintf(`Array.from(document.querySelectorAll(%q))
		.filter(e => e.offsetParent !== null)
		.filter(e => !(getComputedStyle(e).display === "inline" && e.parentElement.closest("p, li")))
		.map(e => [e, e.getBoundingClientRect()])
		.filter(([e, r]) => r.width < %d || r.height < %d)
		.map(([e, r]) => e.outerHTML.slice(0, 60) + " " + Math.round(r.width) + "x" + Math.round(r.height))`,
		selector, minTapTarget, minTapTarget))
	if len(small) > 0 {
		t.Errorf("controls smaller than %d×%d px: %v", minTapTarget, minTapTarget, small)
	}
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// screenshot saves a full-page PNG of what the browser shows when
// MENTORAT_E2E_SCREENSHOTS names a folder; it does nothing otherwise.
func screenshot(t testing.TB, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv(envScreenshots)
	if dir == "" {
		return
	}
	png := run(t, ctx, "take a screenshot", chromedp.FullScreenshot(100))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("screenshots folder: %v", err)
	}
	s := sessionOf(ctx)
	file := filepath.Join(dir, unsafeName.ReplaceAllString(fmt.Sprintf("%s-%s-%dx%d", t.Name(), name, s.width, s.height), "_")+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatalf("save the screenshot: %v", err)
	}
	t.Logf("screenshot: %s", file)
}

// traffic records what a tab requested and what went wrong in it.
type traffic struct {
	mu       sync.Mutex
	requests []string // every address the tab asked for, in order
	problems []string // failed loads, console errors, exceptions
}

// watchTraffic starts recording the tab's requests, failed loads, console
// errors (CSP violations among them) and uncaught exceptions.
func watchTraffic(t testing.TB, ctx context.Context) *traffic {
	t.Helper()
	tr := &traffic{}
	err := chromedp.Listen(ctx, func(ev any) {
		tr.mu.Lock()
		defer tr.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			tr.requests = append(tr.requests, ev.Request.URL)
		case *network.EventLoadingFailed:
			if !ev.Canceled {
				tr.problems = append(tr.problems, fmt.Sprintf("load failed (%s): %s", ev.Type, ev.ErrorText))
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				tr.problems = append(tr.problems, fmt.Sprintf("%s %s: %s (%s)", ev.Entry.Source, ev.Entry.Level, ev.Entry.Text, ev.Entry.URL))
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				tr.problems = append(tr.problems, fmt.Sprintf("console.%s called", ev.Type))
			}
		case *runtime.EventExceptionThrown:
			tr.problems = append(tr.problems, "uncaught exception: "+ev.ExceptionDetails.Text)
		}
	})
	if err != nil {
		t.Fatalf("watch the traffic: %v", err)
	}
	return tr
}

// foreign lists the requests to anywhere but the server at base (data:
// addresses stay in the page and count as local).
func (tr *traffic) foreign(base string) []string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	home, err := url.Parse(base)
	var out []string
	for _, r := range tr.requests {
		u, uerr := url.Parse(r)
		if errors.Join(err, uerr) == nil && (u.Scheme == "data" || (u.Scheme == home.Scheme && u.Host == home.Host)) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// count is how many requests the tab has made.
func (tr *traffic) count() int {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return len(tr.requests)
}

// check fails the test when the tab reached another host than base, or
// when something failed in it, except the problems whose text contains one
// of the expected strings.
func (tr *traffic) check(t testing.TB, base string, expected ...string) {
	t.Helper()
	if f := tr.foreign(base); len(f) > 0 {
		t.Errorf("requests left the test server %s: %v", base, f)
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	var problems []string
	for _, p := range tr.problems {
		if !slices.ContainsFunc(expected, func(e string) bool { return strings.Contains(p, e) }) {
			problems = append(problems, p)
		}
	}
	if len(problems) > 0 {
		t.Errorf("the browser reported problems:\n  %s", strings.Join(problems, "\n  "))
	}
}
