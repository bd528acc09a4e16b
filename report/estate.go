package report

import (
	"strconv"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// DetailedWorkloads is the most workloads a report gives a section each
// (the PDF a page each). A larger estate's PDF, print view and Markdown
// list its workloads in one table instead and leave each workload's
// reasons, options, charts and cost lines to the spreadsheet, CSV and JSON
// exports, which hold everything: nobody reads a 10,000-page PDF, and
// rendering one takes minutes and gigabytes.
const DetailedWorkloads = 100

// Compact reports whether the report of d lists its workloads in one table
// (EstateRows) instead of a section each.
func Compact(d Document) bool { return len(d.Workloads) > DetailedWorkloads }

// Detailed are the workloads the report gives a section each: all of
// them, or none when it is Compact.
func Detailed(d Document) []Workload {
	if Compact(d) {
		return nil
	}
	return d.Workloads
}

// EstateHeader names the columns of EstateRows.
func EstateHeader(t Text) []string {
	return []string{"#", t.T("report.estate.col.workload"), t.T("col.verdict"), t.T("estate.col.option"),
		t.T("col.monthly"), t.T("report.estate.col.complete")}
}

// EstateMoney marks the money column of EstateRows.
var EstateMoney = []bool{false, false, false, false, true, false}

// EstateRows are one row per workload: its number, name, verdict, its
// recommended option with the monthly cost, and whether every price of the
// option was found. A workload without a recommended option says why.
func EstateRows(t Text, ws []Workload) [][]string {
	rows := make([][]string, len(ws))
	for i, w := range ws {
		r := w.Recommendation
		verdict := t.Model(string(r.Model))
		if string(r.Strategy) != string(r.Model) { // retire is both
			verdict += " · " + t.Strategy(string(r.Strategy))
		}
		row := []string{strconv.Itoa(i + 1), w.Name, verdict}
		o, ok := recommendedOf(w)
		switch {
		case ok && o.Complete:
			row = append(row, t.OptionName(o), o.Monthly.Display(), t.T("form.yes"))
		case ok:
			row = append(row, t.OptionName(o), t.T("report.option.incomplete"), t.T("form.no"))
		case r.Model == advisor.Retire:
			row = append(row, t.T("estate.retired_no_cost"), "", "")
		default:
			row = append(row, t.T("estate.no_option"), "", t.T("form.no"))
		}
		rows[i] = row
	}
	return rows
}

// recommendedOf is the workload's recommended option.
func recommendedOf(w Workload) (o pricing.Option, ok bool) {
	for _, o := range w.Options {
		if o.Recommended {
			return o, true
		}
	}
	return o, false
}
