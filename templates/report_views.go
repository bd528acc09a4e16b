package templates

import (
	"context"
	"time"
	"unicode"
	"unicode/utf8"

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
	// Origin is the scheme and host the links are shown under, so that a
	// link can be copied whole: https://advisor.example.
	Origin string
	Links  []ShareLink
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

// rt is the report's wording in the request's language, judging prices'
// ages at the request's time (WithNow; the result page is cached per day).
func rt(ctx context.Context) report.Text { return report.Text{Lang: i18n.Lang(ctx), At: nowOf(ctx)} }

type nowKey struct{}

// WithNow carries the server's clock reading for the request, so pages judge
// prices' ages by the same clock as the rest of the server (and its tests).
func WithNow(ctx context.Context, now time.Time) context.Context {
	return context.WithValue(ctx, nowKey{}, now)
}

// nowOf is the request's time set by WithNow; zero (no ages judged) without.
func nowOf(ctx context.Context) time.Time {
	now, _ := ctx.Value(nowKey{}).(time.Time)
	return now
}

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

// execBox is the executive chart's box: narrower than a workload's, so that
// its labels stay readable when the page is a phone's width.
func execBox() chart.Box {
	return chart.Box{Width: 360, Height: 230, Left: 72, Right: 12, Top: 10, Bottom: 30}
}

// ScreenBox is the box of a workload's charts on the result page: narrow
// enough that the labels stay readable on a phone's width.
func ScreenBox() chart.Box {
	return chart.Box{Width: 400, Height: 260, Left: 72, Right: 12, Top: 10, Bottom: 30}
}

// sizingText shows the capacity an option was priced for in words:
// "4 vCPU, 16 GiB · As is (allocated)".
func sizingText(ctx context.Context, s pricing.Sizing) string {
	return s.VCPU.String() + " vCPU, " + s.MemoryGiB.String() + " GiB · " + rt(ctx).Sizing(s.Mode)
}

// filterLabel names a price filter's value as people know it: a provider's
// name, a region's place with its code, a service in words where the
// catalog has them.
func filterLabel(ctx context.Context, name, value string) string {
	switch name {
	case "provider":
		return ProviderName(ctx, value)
	case "region":
		return rt(ctx).Region(value)
	case "service":
		if i18n.Has("service." + value) {
			return capitalise(t(ctx, "service."+value)) // "block storage" mid-sentence, "Block storage" alone
		}
	case "term":
		return rt(ctx).Commitment(pricing.Commitment(value))
	}
	if i18n.Has("enum." + name + "." + value) {
		return t(ctx, "enum."+name+"."+value)
	}
	return value
}

// capitalise puts the first letter in upper case (a no-op for Hangul).
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
