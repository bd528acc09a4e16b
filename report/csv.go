package report

import (
	"encoding/csv"
	"io"
	"strings"

	"cloudadvisor/pricing"
)

// WithoutLines is d with every option's cost lines left out (its totals,
// components and notes stay): the API's ?lines=false, for large estates.
func WithoutLines(d Document) Document {
	ws := make([]Workload, len(d.Workloads))
	for i, w := range d.Workloads {
		opts := make([]pricing.Option, len(w.Options))
		for j, o := range w.Options {
			o.Lines, o.MigrationLines = nil, nil
			opts[j] = o
		}
		w.Options = opts
		ws[i] = w
	}
	d.Workloads = ws
	return d
}

// CSVHeader names the CSV columns. Kind says what a row is: "line" (a
// recurring cost line), "migration" (a one-time line), "option" (an
// option's total: monthly, first year, horizon, one-time migration,
// savings; or why it is incomplete) or "summary" (a total over workloads).
var CSVHeader = []string{"kind", "workload", "option", "model", "provider", "region", "line", "component",
	"quantity", "unit", "unit_price", "currency", "monthly", "as_of", "source"}

// CSV writes one row per cost line of every option, each option's totals
// after its lines, and the summary totals last, as UTF-8 with a byte order
// mark so that spreadsheet apps read non-ASCII names. Amounts are formatted
// with Money.Display, as on the screen; unit prices and quantities are the
// exact decimals. Cells a spreadsheet would run as a formula are neutralised.
func CSV(w io.Writer, d Document, lang string) error {
	t := Text{Lang: lang, At: d.GeneratedAt}
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	write := func(cells ...string) {
		for i, c := range cells {
			cells[i] = neutralise(c)
		}
		cw.Write(cells)
	}
	write(t.Columns(CSVHeader)...)
	for _, wl := range d.Workloads {
		for _, o := range Sorted(wl.Options) {
			base := []string{wl.Name, t.OptionName(o), string(o.Model), o.Provider, o.Region}
			for _, l := range o.Lines {
				write(csvLine(t, "line", base, l)...)
			}
			for _, l := range o.MigrationLines {
				write(csvLine(t, "migration", base, l)...)
			}
			for _, r := range optionTotals(t, o) {
				write(append(append([]string{"option"}, base...), r[0], "total", "", "", "", o.Monthly.Currency, r[1], "", "")...)
			}
		}
	}
	for _, r := range TotalsRows(t, d.Summary) {
		for i, col := range TotalsHeader(t)[2:] {
			if r[2+i] == "" {
				continue
			}
			write("summary", "", r[0], "", "", "", col, "total", r[1], "", "", d.Summary.Currency, r[2+i], "", "")
		}
	}
	hdr := ScenarioHeader(t)
	for _, r := range ScenarioRows(t, d.Summary) {
		for i := 2; i <= 6; i++ {
			if r[i] == "" || r[i] == "–" || r[i] == t.T("report.totals.none") {
				continue
			}
			write("scenario", "", r[0], "", "", "", hdr[i], "total", r[1], "", "", d.Summary.Currency, r[i], "", "")
		}
	}
	if s := d.Summary.Savings; s != nil {
		ml, mv := saving(t, "report.savings.monthly", "report.savings.extra_monthly", s.Monthly, 0)
		hl, hv := saving(t, "report.savings.horizon", "report.savings.extra_horizon", s.Horizon, s.HorizonMonths)
		for _, m := range []struct {
			name string
			v    pricing.Money
		}{{t.T("report.savings.current"), s.CurrentMonthly}, {t.T("report.savings.recommended"), s.RecommendedMonthly},
			{ml, mv}, {hl, hv}} {
			write("summary", "", t.T("report.savings"), "", "", "", m.name, "savings", "", "", "", d.Summary.Currency, m.v.Display(), "", "")
		}
	}
	cw.Flush()
	return cw.Error()
}

// optionTotals are an option's total rows as (name, amount), or one row
// saying it is incomplete and why.
func optionTotals(t Text, o pricing.Option) [][2]string {
	if !o.Complete {
		return [][2]string{{t.T("col.monthly"), t.Missing(o)}}
	}
	out := [][2]string{{t.T("col.monthly"), o.Monthly.Display()}, {t.T("col.first_year"), o.FirstYear.Display()},
		{t.T("col.horizon"), o.HorizonTotal.Display()}, {t.T("report.col.migration"), o.MigrationOneTime.Display()}}
	if o.Range != nil {
		out = append(out, [2]string{t.T("report.col.range_low"), o.Range.Low.Display()},
			[2]string{t.T("report.col.range_high"), o.Range.High.Display()})
	}
	if o.SavingsMonthly != nil && o.CurrentMonthly != nil {
		out = append(out, [2]string{t.T("report.savings.current"), o.CurrentMonthly.Display()},
			[2]string{t.T("report.col.savings"), o.SavingsMonthly.Display()})
	}
	return out
}

func csvLine(t Text, kind string, base []string, l pricing.Line) []string {
	return append(append([]string{kind}, base...), t.LineName(l), l.Component, l.Quantity.String(), string(l.Unit),
		l.UnitPrice.String(), l.Currency, LineAmount(l).Display(), l.AsOf, t.LineSource(l))
}

// neutralise prefixes a quote to a cell a spreadsheet would read as a
// formula (= + - @, and tab or carriage return, which some apps strip
// first), so that an exported name cannot run as one.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }
