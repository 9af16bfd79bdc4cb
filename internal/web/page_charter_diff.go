package web

import "github.com/mentorat/mentorat/internal/textdiff"

// textdiffLines is the line diff of two texts.
func textdiffLines(old, new string) []textdiff.Line { return textdiff.Lines(old, new) }

// collapse keeps the changed lines of a diff and context unchanged lines
// around each change; every longer run of unchanged lines becomes one row
// that tells how many were left out. It counts the lines added and
// removed.
func collapse(lines []textdiff.Line, context int) (rows []diffRow, added, removed int) {
	for i := 0; i < len(lines); {
		if lines[i].Op != textdiff.Equal {
			op := "delete"
			if lines[i].Op == textdiff.Insert {
				op, added = "insert", added+1
			} else {
				removed++
			}
			rows = append(rows, diffRow{Op: op, Text: lines[i].Text})
			i++
			continue
		}
		j := i
		for j < len(lines) && lines[j].Op == textdiff.Equal {
			j++
		}
		// lines[i:j] are unchanged: keep context lines after the change
		// before them and before the change after them.
		keepHead, keepTail := context, context
		if i == 0 {
			keepHead = 0
		}
		if j == len(lines) {
			keepTail = 0
		}
		if j-i <= keepHead+keepTail+1 {
			for k := i; k < j; k++ {
				rows = append(rows, diffRow{Op: "equal", Text: lines[k].Text})
			}
		} else {
			for k := i; k < i+keepHead; k++ {
				rows = append(rows, diffRow{Op: "equal", Text: lines[k].Text})
			}
			rows = append(rows, diffRow{Skipped: j - i - keepHead - keepTail})
			for k := j - keepTail; k < j; k++ {
				rows = append(rows, diffRow{Op: "equal", Text: lines[k].Text})
			}
		}
		i = j
	}
	return rows, added, removed
}
