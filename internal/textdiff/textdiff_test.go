package textdiff

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// render writes a diff as " a", "-b", "+c" lines.
func render(d []Line) string {
	var b strings.Builder
	for _, l := range d {
		b.WriteByte(" -+"[l.Op])
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

func TestLines(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"both empty", "", "", ""},
		{"all added", "", "a\nb\n", "+a\n+b\n"},
		{"all removed", "a\nb", "", "-a\n-b\n"},
		{"same", "a\nb\nc\n", "a\nb\nc", " a\n b\n c\n"},
		{"one changed in the middle", "a\nb\nc", "a\nB\nc", " a\n-b\n+B\n c\n"},
		{"added at the end", "a\nb", "a\nb\nc", " a\n b\n+c\n"},
		{"removed at the start", "x\na\nb", "a\nb", "-x\n a\n b\n"},
		{"crlf is a line break", "a\r\nb\r\n", "a\nb\n", " a\n b\n"},
		{"moved line", "a\nb\nc\nd", "b\nc\na\nd", "-a\n b\n c\n+a\n d\n"},
		{"removals before additions", "a\nb\nc\nz", "a\nx\ny\nz", " a\n-b\n-c\n+x\n+y\n z\n"},
		{"blank lines count", "a\n\nb", "a\nb", " a\n-\n b\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := render(Lines(tc.old, tc.new)); got != tc.want {
				t.Errorf("Lines(%q, %q):\n%s\nwant:\n%s", tc.old, tc.new, got, tc.want)
			}
		})
	}
}

func TestLineNumbers(t *testing.T) {
	d := Lines("a\nb\nc\nd", "a\nc\nx\nd")
	want := []Line{
		{Equal, "a", 1, 1}, {Delete, "b", 2, 0}, {Equal, "c", 3, 2}, {Insert, "x", 0, 3}, {Equal, "d", 4, 4},
	}
	if !slices.Equal(d, want) {
		t.Errorf("got %+v\nwant %+v", d, want)
	}
	if a, r := Counts(d); a != 1 || r != 1 {
		t.Errorf("counts: %d added, %d removed", a, r)
	}
}

// TestDiffIsMinimalAndRebuildsBothTexts: on random texts, the equal and
// removed lines are the old text, the equal and added ones the new, and
// the equal lines are as many as the longest common subsequence has.
func TestDiffIsMinimalAndRebuildsBothTexts(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	words := []string{"a", "b", "c", "d", ""}
	gen := func() []string {
		out := make([]string, r.Intn(12))
		for i := range out {
			out[i] = words[r.Intn(len(words))]
		}
		return out
	}
	for n := 0; n < 2000; n++ {
		a, b := gen(), gen()
		d := Diff(a, b)
		var olds, news []string
		equal := 0
		for _, l := range d {
			if l.Op != Insert {
				olds = append(olds, l.Text)
			}
			if l.Op != Delete {
				news = append(news, l.Text)
			}
			if l.Op == Equal {
				equal++
			}
		}
		if !slices.Equal(olds, a) || !slices.Equal(news, b) {
			t.Fatalf("%q → %q: the diff does not rebuild them:\n%s", a, b, render(d))
		}
		if want := bruteLCS(a, b); equal != want {
			t.Fatalf("%q → %q: %d equal lines; the longest common subsequence has %d", a, b, equal, want)
		}
	}
}

func bruteLCS(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if a[0] == b[0] {
		return 1 + bruteLCS(a[1:], b[1:])
	}
	return max(bruteLCS(a[1:], b), bruteLCS(a, b[1:]))
}

// TestHugeTextsStayBounded: past MaxCells, the middle is removed and added
// whole, still a correct diff.
func TestHugeTextsStayBounded(t *testing.T) {
	var a, b []string
	for i := 0; i < 3000; i++ {
		a = append(a, fmt.Sprint("old ", i))
		b = append(b, fmt.Sprint("new ", i))
	}
	a = append([]string{"head"}, append(a, "tail")...)
	b = append([]string{"head"}, append(b, "tail")...)
	d := Diff(a, b)
	if added, removed := Counts(d); added != 3000 || removed != 3000 || len(d) != 6002 {
		t.Errorf("%d added, %d removed, %d lines", added, removed, len(d))
	}
	if d[0].Op != Equal || d[len(d)-1].Op != Equal || d[len(d)-1].Old != 3002 || d[len(d)-1].New != 3002 {
		t.Errorf("head %+v, tail %+v", d[0], d[len(d)-1])
	}
}
