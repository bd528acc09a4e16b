package templates

import (
	"context"

	"cloudadvisor/chart"
	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
	"cloudadvisor/report"
)

// ReportView is the print view's model: the report and the path its
// download links start from (/assessments/{id} or /shared/{token}).
type ReportView struct {
	D    report.Document
	Base string
}

// ShareBoxView lists an assessment's active share links for its owner.
type ShareBoxView struct {
	AssessmentID string
	Links        []ShareLink
}

// ShareLink is one active share link.
type ShareLink struct {
	Token   string
	Path    string // /shared/{token}
	Created string
}

// reportFormats are the report downloads in button order, with their message keys.
var reportFormats = []struct{ Ext, Key string }{{"pdf", "report.download.pdf"}, {"html", "report.download.html"},
	{"xlsx", "report.download.xlsx"}, {"csv", "report.download.csv"}, {"md", "report.download.md"},
	{"json", "report.download.json"}}

// rt is the report's wording in the request's language.
func rt(ctx context.Context) report.Text { return report.Text{Lang: i18n.Lang(ctx)} }

// reportCharts are a workload's two charts, laid out as on the result page.
func reportCharts(ctx context.Context, w report.Workload) WorkloadCharts {
	words := chart.WordsFor(i18n.Lang(ctx))
	return WorkloadCharts{Bars: chart.CostBars(w.Options, chart.DefaultBox(), words),
		Lines: chart.CostOverTime(w.Options, chart.DefaultBox(), words)}
}

// extraCost reports whether a saving is negative, and its size.
func extraCost(m pricing.Money) (pricing.Money, bool) {
	if m.Amount.IsNegative() {
		return pricing.Money{Amount: m.Amount.Neg(), Currency: m.Currency}, true
	}
	return m, false
}

// dateOnly is the date of an RFC 3339 time, as the report's tables write
// dates (the Markdown and PDF catalog tables do the same).
func dateOnly(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}
