// Package textdiff compares two texts line by line: the longest common
// subsequence of their lines, and what was removed from the first and
// added in the second around it.
package textdiff

import "strings"

// Op is what happened to a line.
type Op int

// The operations of a diff.
const (
	Equal  Op = iota // in both texts
	Delete           // only in the old text
	Insert           // only in the new text
)

// Line is one line of a diff. Old and New are its numbers (from 1) in the
// old and new texts, 0 in the text that lacks it.
type Line struct {
	Op       Op
	Text     string
	Old, New int
}

// MaxCells bounds the table of the longest common subsequence (lines of
// the old text × lines of the new, once the common head and tail are set
// aside). Past it, the differing middle is shown as removed then added
// whole, so that two huge texts cannot exhaust the memory.
const MaxCells = 4_000_000

// SplitLines cuts a text into lines: "\r\n" and "\r" end a line as "\n"
// does, and a final line break makes no empty last line. An empty text has
// no line.
func SplitLines(s string) []string {
	if s == "" {
		return nil
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimSuffix(s, "\n")
	return strings.Split(s, "\n")
}

// Lines gives the diff of two texts, line by line, in the order of the
// texts: within a change, the removed lines come before the added ones.
func Lines(old, new string) []Line {
	return Diff(SplitLines(old), SplitLines(new))
}

// Diff gives the diff of two lists of lines.
func Diff(a, b []string) []Line {
	out := make([]Line, 0, max(len(a), len(b)))
	// The common head and tail need no table.
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	for i := 0; i < head; i++ {
		out = append(out, Line{Op: Equal, Text: a[i], Old: i + 1, New: i + 1})
	}
	out = middle(out, a[head:len(a)-tail], b[head:len(b)-tail], head, head)
	for k := tail; k > 0; k-- {
		i, j := len(a)-k, len(b)-k
		out = append(out, Line{Op: Equal, Text: a[i], Old: i + 1, New: j + 1})
	}
	return out
}

// middle appends the diff of a and b, whose first lines are numbered
// offA+1 and offB+1 in their texts.
func middle(out []Line, a, b []string, offA, offB int) []Line {
	n, m := len(a), len(b)
	if n == 0 || m == 0 || n*m > MaxCells {
		for i, s := range a {
			out = append(out, Line{Op: Delete, Text: s, Old: offA + i + 1})
		}
		for j, s := range b {
			out = append(out, Line{Op: Insert, Text: s, New: offB + j + 1})
		}
		return out
	}
	// lcs[i*(m+1)+j] is the length of the longest common subsequence of
	// a[i:] and b[j:].
	w := m + 1
	lcs := make([]int32, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	// Walk the table, keeping the removals of a change before its
	// additions.
	i, j := 0, 0
	var added []Line
	flush := func() {
		out = append(out, added...)
		added = added[:0]
	}
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			flush()
			out = append(out, Line{Op: Equal, Text: a[i], Old: offA + i + 1, New: offB + j + 1})
			i++
			j++
		case j < m && (i == n || lcs[i*w+j+1] > lcs[(i+1)*w+j]):
			added = append(added, Line{Op: Insert, Text: b[j], New: offB + j + 1})
			j++
		default:
			out = append(out, Line{Op: Delete, Text: a[i], Old: offA + i + 1})
			i++
		}
	}
	flush()
	return out
}

// Counts gives how many lines were added and removed.
func Counts(d []Line) (added, removed int) {
	for _, l := range d {
		switch l.Op {
		case Insert:
			added++
		case Delete:
			removed++
		}
	}
	return added, removed
}
