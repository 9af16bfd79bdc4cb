package e2e

import (
	"context"
	"fmt"
	"net/http"
	"testing"
)

// TestPublicPagesLook opens the public pages in both languages on a phone
// and on a laptop screen, and checks what a person would notice at once:
// no sideways scroll, controls big enough for a finger, readable contrast
// and lines that are not too long. With MENTORAT_E2E_SCREENSHOTS set, it
// saves a screenshot of each page for a person to look at.
func TestPublicPagesLook(t *testing.T) {
	t.Parallel()
	srv := startDemo(t)
	screens := []struct {
		name          string
		width, height int
	}{
		{"phone", phoneWidth, phoneHeight},
		{"tablet", 768, 1024},
		{"laptop", 1280, 800},
	}
	for _, screen := range screens {
		t.Run(screen.name, func(t *testing.T) {
			ctx := newBrowser(t, screen.width, screen.height)
			tr := watchTraffic(t, ctx)
			for _, lang := range []string{"fr", "en"} {
				askForLanguages(t, ctx, lang)
				for _, page := range []struct{ name, path string }{{"home", "/"}, {"alliance", demoPath}} {
					resp := open(t, ctx, srv.URL+page.path)
					if resp.Status != http.StatusOK {
						t.Fatalf("%s: status %d", page.path, resp.Status)
					}
					if got := pageLanguage(t, ctx); got != lang {
						t.Errorf("%s asking for %s: <html lang=%q>", page.path, lang, got)
					}
					checkNoHorizontalScroll(t, ctx)
					checkTapTargets(t, ctx, "a, button")
					checkContrast(t, ctx, "h1, h2, p, li, a, nav span")
					checkLineLength(t, ctx, "main p, main li")
					screenshot(t, ctx, page.name+"-"+lang)
				}
			}
			tr.check(t, srv.URL)
		})
	}
}

// The WCAG AA contrast ratio for body text, and the longest comfortable
// line in characters.
const (
	minContrast   = 4.5
	maxLineLength = 80
)

// checkContrast fails the test when the text of an element matched by the
// selector has less than the AA contrast with the background behind it.
func checkContrast(t testing.TB, ctx context.Context, selector string) {
	t.Helper()
	low := evaluate[[]string](t, ctx, fmt.Sprintf(`(() => {
		const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
		const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
			.map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
			.reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
		const background = e => {
			for (; e; e = e.parentElement) {
				const c = rgb(getComputedStyle(e).backgroundColor);
				if (c.length === 3 || c[3] > 0) return c;
			}
			return [255, 255, 255];
		};
		return Array.from(document.querySelectorAll(%q))
			.filter(e => e.offsetParent !== null && e.innerText.trim() !== "")
			.map(e => {
				const a = lum(rgb(getComputedStyle(e).color)), b = lum(background(e));
				const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
				return [e, ratio];
			})
			.filter(([e, ratio]) => ratio < %v)
			.map(([e, ratio]) => e.outerHTML.slice(0, 60) + " " + ratio.toFixed(2));
	})()`, selector, minContrast))
	if len(low) > 0 {
		t.Errorf("text with contrast under %v:1: %v", minContrast, low)
	}
}

// checkLineLength fails the test when a paragraph of the selector is set
// in lines longer than maxLineLength characters of its font.
func checkLineLength(t testing.TB, ctx context.Context, selector string) {
	t.Helper()
	long := evaluate[[]string](t, ctx, fmt.Sprintf(`(() => {
		const canvas = document.createElement("canvas").getContext("2d");
		return Array.from(document.querySelectorAll(%q))
			.filter(e => e.offsetParent !== null)
			.map(e => {
				const s = getComputedStyle(e);
				canvas.font = s.fontSize + " " + s.fontFamily;
				const text = e.innerText.trim();
				const perChar = canvas.measureText(text).width / text.length;
				return [e, Math.min(text.length, e.clientWidth / perChar)];
			})
			.filter(([e, chars]) => chars > %d)
			.map(([e, chars]) => e.outerHTML.slice(0, 60) + " " + Math.round(chars) + " characters a line");
	})()`, selector, maxLineLength))
	if len(long) > 0 {
		t.Errorf("lines too long to read comfortably: %v", long)
	}
}
