package markdown_test

import (
	"strings"
	"testing"

	"github.com/mentorat/mentorat/internal/testkit"

	"github.com/mentorat/mentorat/internal/markdown"
)

// xssPayloads are known ways to smuggle script into Markdown or HTML.
var xssPayloads = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`<svg onload=alert(1)>`,
	`<a href="javascript:alert(1)">x</a>`,
	`[x](javascript:alert(1))`,
	`[x](JaVaScRiPt:alert(1))`,
	`[x](  javascript:alert(1))`,
	`[x](&#106;avascript:alert(1))`,
	`[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
	`![x](javascript:alert(1))`,
	`![x](x" onerror="alert(1))`,
	`<iframe src="https://evil.example"></iframe>`,
	`<div style="background:url(javascript:alert(1))">x</div>`,
	`<p style="color:red">x</p>`,
	`<object data="x"></object>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<a href="#" onclick="alert(1)">x</a>`,
	`<details open ontoggle=alert(1)>`,
	`<body onload=alert(1)>`,
	`<form action="javascript:alert(1)"><button>x</button></form>`,
	"`<script>` in code is shown, not run",
	"```\n<script>alert(1)</script>\n```",
	`<<script>script>alert(1)<</script>/script>`,
	`[x](vbscript:msgbox(1))`,
	`<base href="https://evil.example/">`,
	`<meta http-equiv="refresh" content="0;url=https://evil.example">`,
}

func TestNoScriptEverReachesThePage(t *testing.T) {
	for _, payload := range xssPayloads {
		out := markdown.HTML(payload)
		if bad := testkit.UnsafeHTML(out); bad != "" {
			t.Errorf("payload %q gave %q: %s", payload, out, bad)
		}
	}
}

func TestTheCheckCatchesUnsafeHTML(t *testing.T) {
	for _, raw := range []string{`<a href="javascript:x">`, `<img src=x onerror=y>`, `<p style="x">`, `<script>`} {
		if testkit.UnsafeHTML(raw) == "" {
			t.Errorf("the check misses %q", raw)
		}
	}
}

func TestFormattingIsKept(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# Titre", "<h1"},
		{"**gras** et *italique*", "<strong>gras</strong>"},
		{"- un\n- deux", "<li>un</li>"},
		{"[site](https://example.org)", `href="https://example.org"`},
		{"| a | b |\n|---|---|\n| 1 | 2 |", "<table>"},
	}
	for _, tc := range tests {
		if got := markdown.HTML(tc.in); !strings.Contains(got, tc.want) {
			t.Errorf("HTML(%q) = %q; want it to contain %q", tc.in, got, tc.want)
		}
	}
}

func FuzzHTML(f *testing.F) {
	for _, p := range xssPayloads {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, md string) {
		out := markdown.HTML(md)
		if bad := testkit.UnsafeHTML(out); bad != "" {
			t.Fatalf("unsafe output for %q: %q (%s)", md, out, bad)
		}
	})
}
