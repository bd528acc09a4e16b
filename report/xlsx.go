package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// SheetNames are the workbook's three sheets in lang: summary, options, lines.
func SheetNames(lang string) (summary, options, lines string) {
	t := Text{Lang: lang}
	return t.T("report.sheet.summary"), t.T("report.sheet.options"), t.T("report.sheet.lines")
}

// XLSX writes the report as a workbook of three sheets: Summary (the
// totals), Options (one row per option) and Lines (every cost line, with
// each option's monthly and one-time totals as SUM formulas over its
// lines). Amounts are number cells with the currency's number format;
// totals that follow from other cells are formulas, recalculated when the
// workbook opens. Rows are streamed to w as they are made (see workbook),
// so a large estate's workbook costs about the same memory as a small one's.
func XLSX(w io.Writer, d Document, lang string) error {
	x := &xlsxWriter{t: Text{Lang: lang, At: d.GeneratedAt}, d: d, styles: map[string]int{}}
	x.sheetSummary, x.sheetOptions, x.sheetLines = SheetNames(lang)
	x.wb = newWorkbook(w, x.sheetSummary, x.sheetOptions, x.sheetLines)
	x.lines()
	x.options()
	x.summary()
	if err := x.wb.close(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

type xlsxWriter struct {
	wb     *workbook
	t      Text
	d      Document
	styles map[string]int // by currency
	// sheet names in the report's language
	sheetSummary, sheetOptions, sheetLines string
	// totals are, per option in the order the Lines sheet lists them
	// (workloads in order, each's options in Sorted order), the rows of its
	// monthly and one-time totals there.
	totals [][2]int
}

// start begins a sheet with its column widths and, when cols are given, a
// bold frozen header row.
func (x *xlsxWriter) start(sheet string, widths map[int]float64, cols ...string) {
	x.wb.startSheet(sheet, widths, len(cols) > 0)
	if len(cols) == 0 {
		return
	}
	hdr := make([]any, len(cols))
	for i, c := range cols {
		hdr[i] = wcell{style: x.wb.bold(), value: x.t.Column(c)}
	}
	x.put(hdr...)
}

// put writes one row of values from column A (nil leaves a cell empty).
func (x *xlsxWriter) put(vals ...any) { x.wb.putRow(vals) }

// row is the number of the next row of the sheet being written.
func (x *xlsxWriter) row() int { return x.wb.row }

// end finishes the sheet being written.
func (x *xlsxWriter) end() { x.wb.endSheet() }

// money is an amount as shown, rounded half to even to the currency's
// minor unit as Money.Display rounds it, in a number cell with the
// currency's format, so that the cell reads exactly as the screen.
func (x *xlsxWriter) money(m pricing.Money) wcell {
	return x.exact(pricing.Money{Amount: m.Amount.RoundBank(pricing.MinorUnits(m.Currency)), Currency: m.Currency})
}

// exact is an amount unrounded, for the lines that formulas add up.
func (x *xlsxWriter) exact(m pricing.Money) wcell {
	return wcell{style: x.style(m.Currency), value: m.Amount.InexactFloat64()}
}

// formula is a formula cell with the currency's format.
func (x *xlsxWriter) formula(f, currency string) wcell {
	return wcell{style: x.style(currency), formula: f}
}

// style is the number format of a currency: "USD 1,234.56", the same text
// as Money.Display.
func (x *xlsxWriter) style(currency string) int {
	id, ok := x.styles[currency]
	if !ok {
		digits := "#,##0.00"
		if pricing.MinorUnits(currency) == 0 {
			digits = "#,##0"
		}
		// the prefix Money.Display writes: "₩", or "USD "
		q := strconv.Quote(pricing.CurrencyPrefix(currency))
		id = x.wb.numberStyle(q + digits + ";" + q + "-" + digits)
		x.styles[currency] = id
	}
	return id
}

// lines writes the Lines sheet: per option its recurring lines with their
// monthly cost in the display currency and a SUM row, then its one-time
// lines and a SUM row.
func (x *xlsxWriter) lines() {
	t := x.t
	x.start(x.sheetLines, map[int]float64{1: 24, 2: 30, 6: 40, 12: 16, 13: 18, 15: 50}, "workload", "option", "model",
		"provider", "region", "line", "component", "quantity", "unit", "unit_price", "currency", "amount",
		"amount_display_currency", "as_of", "source")
	defer x.end()
	source := map[string]string{} // a source's words, worked out once: an estate's lines share a few dozen
	var row []any                 // one row's cells, reused: a large estate has a million lines
	for _, w := range x.d.Workloads {
		for _, o := range Sorted(w.Options) {
			base := []any{w.Name, t.OptionName(o), string(o.Model), o.Provider, o.Region}
			block := func(lines []pricing.Line, name string, recurring bool) int {
				first := x.row()
				for _, l := range lines {
					var display any
					if m, ok := lineInDisplay(o, l, recurring); ok {
						display = x.exact(m)
					}
					key := l.Source + "\x00" + l.SourceKind + "\x00" + l.AsOf
					src, ok := source[key]
					if !ok {
						src = t.LineSource(l)
						source[key] = src
					}
					row = append(append(row[:0], base...), t.LineName(l), l.Component, l.Quantity.InexactFloat64(), string(l.Unit),
						l.UnitPrice.InexactFloat64(), l.Currency, x.exact(LineAmount(l)), display, l.AsOf, src)
					x.put(row...)
				}
				total := x.row()
				row = append(append(row[:0], base...), name, "total", nil, nil, nil, nil, nil)
				if o.Complete {
					sum := "0"
					if x.row() > first {
						sum = fmt.Sprintf("SUM(M%d:M%d)", first, x.row()-1)
					}
					x.put(append(row, x.formula(sum, o.Monthly.Currency))...)
				} else {
					x.put(append(row, nil, t.Missing(o))...)
				}
				return total
			}
			x.totals = append(x.totals, [2]int{block(o.Lines, t.T("col.monthly"), true),
				block(o.MigrationLines, t.T("report.col.migration"), false)})
		}
	}
}

// lineInDisplay is a line's amount in the display currency: recurring
// lines spread their upfront fee over the term, one-time lines are converted.
func lineInDisplay(o pricing.Option, l pricing.Line, recurring bool) (pricing.Money, bool) {
	if !recurring {
		l.Upfront, l.TermMonths = decimal.Zero, 0
	}
	return LineMonthly(o, l)
}

// options writes one row per option; its monthly and one-time totals refer
// to the Lines sheet's SUM rows.
func (x *xlsxWriter) options() {
	t := x.t
	x.start(x.sheetOptions, map[int]float64{1: 24, 2: 30, 7: 30, 8: 16, 9: 16, 10: 16, 11: 16, 12: 16, 13: 16},
		"workload", "option", "model", "provider", "region", "recommended", "status", "monthly", "first_year",
		"horizon_total", "migration_one_time", "current_monthly", "savings_monthly", "break_even_month", "range_low", "range_high",
		"round_trip_ms")
	defer x.end()
	next := 0 // the option's index in x.totals
	for _, w := range x.d.Workloads {
		for _, o := range Sorted(w.Options) {
			total := x.totals[next]
			next++
			rec := ""
			if o.Recommended {
				rec = t.T("form.yes")
			}
			status := "complete"
			if !o.Complete {
				status = t.Missing(o)
			}
			row := []any{w.Name, t.OptionName(o), string(o.Model), o.Provider, o.Region, rec, status}
			if o.Complete {
				cur := o.Monthly.Currency
				row = append(row, x.formula(sheetRef(x.sheetLines)+cellName(13, total[0]), cur), x.money(o.FirstYear),
					x.money(o.HorizonTotal), x.formula(sheetRef(x.sheetLines)+cellName(13, total[1]), cur))
				if o.CurrentMonthly != nil && o.SavingsMonthly != nil {
					row = append(row, x.money(*o.CurrentMonthly), x.money(*o.SavingsMonthly), o.BreakEvenMonth)
				} else {
					row = append(row, nil, nil, nil)
				}
				if o.Range != nil {
					row = append(row, x.money(o.Range.Low), x.money(o.Range.High))
				}
			}
			if o.RoundTripMs > 0 {
				row = append(row, make([]any, 16-len(row))...) // the round trip's column, after range_high
				row = append(row, o.RoundTripMs)
			}
			x.put(row...)
		}
	}
}

// summary writes the cover facts, the mix, the totals and the savings.
// The recommended options' totals are SUMIF formulas over the Options sheet.
func (x *xlsxWriter) summary() {
	t, d := x.t, x.d
	x.start(x.sheetSummary, map[int]float64{1: 40, 2: 12, 3: 18, 4: 18, 5: 18, 6: 18})
	defer x.end()
	x.put(d.Organization.Name)
	for _, f := range t.CoverFacts(d) {
		x.put(f)
	}
	x.put()
	x.put(t.T("report.mix"))
	for _, m := range d.Summary.Mix {
		x.put(t.Model(string(m.Model)), m.Workloads)
	}
	x.put()
	hdr := TotalsHeader(t)
	x.put(hdr[0], hdr[1], hdr[2], hdr[3], hdr[4], hdr[5])
	cur := d.Summary.Currency
	rec := d.Summary.Recommended
	row := []any{t.TotalName("mix", false), rec.Workloads}
	if Shown(rec) {
		for _, col := range []string{"H", "I", "J", "K"} {
			row = append(row, x.formula(fmt.Sprintf(`SUMIF(%s!F:F,%s,%s!%s:%s)`, x.sheetOptions, strconv.Quote(t.T("form.yes")), x.sheetOptions, col, col), cur))
		}
	}
	x.put(row...)
	put := func(tot pricing.Total, byProvider bool) {
		n := any(tot.Workloads)
		if note := t.TotalNote(tot); note != "" {
			n = strconv.Itoa(tot.Workloads) + " (" + note + ")"
		}
		row := []any{t.TotalName(tot.Key, byProvider), n}
		if Shown(tot) {
			for _, m := range []pricing.Money{tot.Monthly, tot.FirstYear, tot.HorizonTotal, tot.MigrationOneTime} {
				row = append(row, x.money(m))
			}
		} else {
			row = append(row, t.T("report.totals.none"))
		}
		x.put(row...)
	}
	for _, tot := range d.Summary.ByModel {
		put(tot, false)
	}
	for _, tot := range d.Summary.ByProvider {
		put(tot, true)
	}
	x.put()
	x.put(t.T("scenario.title"))
	sh := ScenarioHeader(t)
	x.put(sh[0], sh[1], sh[2], sh[3], sh[4], sh[5], sh[6], sh[7])
	for _, sc := range d.Summary.Scenarios {
		name := t.ScenarioName(sc)
		if len(sc.Unpriced) > 0 {
			name += " — " + t.T("scenario.missing", t.UnpricedNames(sc))
		}
		row := []any{name, t.T("scenario.priced", sc.Priced, sc.Workloads)}
		if sc.Priced == 0 {
			x.put(append(row, t.T("report.totals.none"))...)
			continue
		}
		for _, m := range []pricing.Money{sc.Monthly, sc.Upfront, sc.FirstYear, sc.Horizon} {
			row = append(row, x.money(m))
		}
		if sv := sc.Saving; sv != nil {
			row = append(row, x.money(sv.Horizon), t.BreakEven(sv))
		}
		x.put(row...)
	}
	x.put()
	x.put(t.T("report.savings"))
	if v := d.Summary.Savings; v != nil {
		ml, mv := saving(t, "report.savings.monthly", "report.savings.extra_monthly", v.Monthly, 0)
		hl, hv := saving(t, "report.savings.horizon", "report.savings.extra_horizon", v.Horizon, v.HorizonMonths)
		for _, m := range []struct {
			name string
			v    pricing.Money
		}{{t.T("report.savings.current"), v.CurrentMonthly}, {t.T("report.savings.recommended"), v.RecommendedMonthly},
			{ml, mv}, {hl, hv}} {
			x.put(m.name, nil, x.money(m.v))
		}
		x.put(t.SavingsLines(d.Summary)[5])
	} else {
		x.put(t.T("report.savings.none"))
	}
}

// sheetRef is a sheet's name as a formula refers to it: quoted, with any
// quote doubled, so a name with a space or in Hangul ("비용 항목") works.
func sheetRef(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'!"
}
