package web

// The report's bar charts are drawn on the server as SVG, in units of a
// drawing chartWidth wide that the page scales to its column: no script,
// no style attribute, the colours from the stylesheet's classes. Each
// row is a name and a line of figures above a bar: a light one (the
// whole: entrepreneurs, sessions planned) with a dark one over it (the
// part: women, sessions held).
const (
	chartWidth     = 320
	chartRowHeight = 56
	chartLabelMax  = 44 // runes of a row's name or figures before they are cut
)

// barLength is the length of value on a bar where most is full long; a
// value above nothing shows at least a sliver.
func barLength(value, most, full int) int {
	if value <= 0 || most <= 0 {
		return 0
	}
	return max(value*full/most, 1)
}

// chartRow is one row of a bar chart, placed: its text, the light bar of
// the whole and the dark bar of the part, as lengths.
type chartRow struct {
	Label, Figures         string
	LabelY, FiguresY, BarY int
	Whole, Part            int
}

// barChart is a chart ready to draw: its rows and its height.
type barChart struct {
	ID     string
	Rows   []chartRow
	Height int
}

// chartLine is what a chart shows of one line: its name, its figures in
// words, the whole and its part.
type chartLine struct {
	Label, Figures string
	Whole, Part    int
}

// newBarChart places the lines on a chart, the longest bar the chart's
// full width.
func newBarChart(id string, lines []chartLine) barChart {
	most := 0
	for _, l := range lines {
		most = max(most, l.Whole, l.Part)
	}
	ch := barChart{ID: id, Height: len(lines)*chartRowHeight + 4}
	for i, l := range lines {
		top := i * chartRowHeight
		ch.Rows = append(ch.Rows, chartRow{Label: cut(l.Label, chartLabelMax), Figures: cut(l.Figures, chartLabelMax),
			LabelY: top + 15, FiguresY: top + 32, BarY: top + 38,
			Whole: barLength(l.Whole, most, chartWidth), Part: barLength(l.Part, most, chartWidth)})
	}
	return ch
}

// cut shortens s to n runes, with an ellipsis when it was longer.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
