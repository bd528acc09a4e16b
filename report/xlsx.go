package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"cloudadvisor/pricing"
)

// Sheet names of the workbook.
const (
	SheetSummary = "Summary"
	SheetOptions = "Options"
	SheetLines   = "Lines"
)

// XLSX writes the report as a workbook of three sheets: Summary (the
// totals), Options (one row per option) and Lines (every cost line, with
// each option's monthly and one-time totals as SUM formulas over its
// lines). Amounts are number cells with the currency's number format;
// totals that follow from other cells are formulas, recalculated when the
// workbook opens.
func XLSX(w io.Writer, d Document, lang string) error {
	x := &xlsxWriter{f: excelize.NewFile(), t: Text{Lang: lang}, d: d, styles: map[string]int{}}
	defer x.f.Close()
	if err := x.f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return err
	}
	for _, s := range []string{SheetOptions, SheetLines} {
		if _, err := x.f.NewSheet(s); err != nil {
			return err
		}
	}
	x.lines()
	x.options()
	x.summary()
	if x.err != nil {
		return fmt.Errorf("write xlsx: %w", x.err)
	}
	full := true
	if err := x.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	return x.f.Write(w)
}

type xlsxWriter struct {
	f      *excelize.File
	t      Text
	d      Document
	styles map[string]int
	err    error
	// optionRows maps an option (workload index, option index in Sorted
	// order) to the Lines rows of its monthly and one-time totals.
	monthlyCell, migrationCell map[[2]int]string
}

func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// set writes a row of values from column 1.
func (x *xlsxWriter) set(sheet string, row int, vals ...any) {
	for i, v := range vals {
		if v == nil {
			continue
		}
		if err := x.f.SetCellValue(sheet, cell(i+1, row), v); err != nil && x.err == nil {
			x.err = err
		}
	}
}

// money writes an amount as shown, rounded half to even to the currency's
// minor unit as Money.Display rounds it, in a number cell with the
// currency's format, so that the cell reads exactly as the screen.
func (x *xlsxWriter) money(sheet string, col, row int, m pricing.Money) {
	places := int32(2)
	if (pricing.Money{Amount: decimal.NewFromFloat(0.5), Currency: m.Currency}).Display() == m.Currency+" 0" {
		places = 0
	}
	x.exact(sheet, col, row, pricing.Money{Amount: m.Amount.RoundBank(places), Currency: m.Currency})
}

// exact writes an amount unrounded, for the lines that formulas add up.
func (x *xlsxWriter) exact(sheet string, col, row int, m pricing.Money) {
	c := cell(col, row)
	if err := x.f.SetCellValue(sheet, c, m.Amount.InexactFloat64()); err != nil && x.err == nil {
		x.err = err
	}
	x.style(sheet, c, m.Currency)
}

// formula writes a formula in a cell with the currency's format.
func (x *xlsxWriter) formula(sheet, c, f, currency string) {
	if err := x.f.SetCellFormula(sheet, c, f); err != nil && x.err == nil {
		x.err = err
	}
	x.style(sheet, c, currency)
}

// style gives a cell the number format of a currency: "USD 1,234.56",
// the same text as Money.Display.
func (x *xlsxWriter) style(sheet, c, currency string) {
	id, ok := x.styles[currency]
	if !ok {
		digits := "#,##0.00"
		if (pricing.Money{Amount: decimal.NewFromFloat(0.5), Currency: currency}).Display() == currency+" 0" {
			digits = "#,##0"
		}
		q := strconv.Quote(currency + " ")
		format := q + digits + ";" + q + "-" + digits
		var err error
		if id, err = x.f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil && x.err == nil {
			x.err = err
		}
		x.styles[currency] = id
	}
	if err := x.f.SetCellStyle(sheet, c, c, id); err != nil && x.err == nil {
		x.err = err
	}
}

func (x *xlsxWriter) header(sheet string, cols ...string) {
	vals := make([]any, len(cols))
	for i, c := range cols {
		vals[i] = c
	}
	x.set(sheet, 1, vals...)
	bold, err := x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err == nil {
		err = x.f.SetRowStyle(sheet, 1, 1, bold)
	}
	if err == nil {
		err = x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	if err != nil && x.err == nil {
		x.err = err
	}
}

// lines writes the Lines sheet: per option its recurring lines with their
// monthly cost in the display currency and a SUM row, then its one-time
// lines and a SUM row.
func (x *xlsxWriter) lines() {
	t := x.t
	x.header(SheetLines, "workload", "option", "model", "provider", "region", "line", "component", "quantity", "unit",
		"unit_price", "currency", "amount", "amount_display_currency", "as_of", "source")
	x.monthlyCell, x.migrationCell = map[[2]int]string{}, map[[2]int]string{}
	row := 2
	for wi, w := range x.d.Workloads {
		for oi, o := range Sorted(w.Options) {
			base := []any{w.Name, t.OptionName(o), string(o.Model), o.Provider, o.Region}
			block := func(lines []pricing.Line, name string, recurring bool) string {
				first := row
				for _, l := range lines {
					x.set(SheetLines, row, append(base, l.Name, l.Component, l.Quantity.InexactFloat64(), string(l.Unit),
						l.UnitPrice.InexactFloat64(), l.Currency)...)
					x.exact(SheetLines, 12, row, LineAmount(l))
					if m, ok := lineInDisplay(o, l, recurring); ok {
						x.exact(SheetLines, 13, row, m)
					}
					x.set(SheetLines, row, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, l.AsOf, l.Source)
					row++
				}
				x.set(SheetLines, row, append(base, name, "total")...)
				c := cell(13, row)
				if o.Complete {
					sum := "0"
					if row > first {
						sum = fmt.Sprintf("SUM(M%d:M%d)", first, row-1)
					}
					x.formula(SheetLines, c, sum, o.Monthly.Currency)
				} else {
					x.set(SheetLines, row, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, t.Missing(o))
				}
				row++
				return c
			}
			x.monthlyCell[[2]int{wi, oi}] = block(o.Lines, t.T("col.monthly"), true)
			x.migrationCell[[2]int{wi, oi}] = block(o.MigrationLines, t.T("report.col.migration"), false)
		}
	}
	x.widths(SheetLines, map[string]float64{"A": 24, "B": 30, "F": 40, "L": 16, "M": 18, "O": 50})
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
	x.header(SheetOptions, "workload", "option", "model", "provider", "region", "recommended", "status",
		"monthly", "first_year", "horizon_total", "migration_one_time", "current_monthly", "savings_monthly", "break_even_month", "range_low", "range_high")
	row := 2
	for wi, w := range x.d.Workloads {
		for oi, o := range Sorted(w.Options) {
			rec := ""
			if o.Recommended {
				rec = "yes"
			}
			status := "complete"
			if !o.Complete {
				status = t.Missing(o)
			}
			x.set(SheetOptions, row, w.Name, t.OptionName(o), string(o.Model), o.Provider, o.Region, rec, status)
			if o.Complete {
				cur := o.Monthly.Currency
				x.formula(SheetOptions, cell(8, row), SheetLines+"!"+x.monthlyCell[[2]int{wi, oi}], cur)
				x.money(SheetOptions, 9, row, o.FirstYear)
				x.money(SheetOptions, 10, row, o.HorizonTotal)
				x.formula(SheetOptions, cell(11, row), SheetLines+"!"+x.migrationCell[[2]int{wi, oi}], cur)
				if o.CurrentMonthly != nil && o.SavingsMonthly != nil {
					x.money(SheetOptions, 12, row, *o.CurrentMonthly)
					x.money(SheetOptions, 13, row, *o.SavingsMonthly)
					x.set(SheetOptions, row, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, o.BreakEvenMonth)
				}
				if o.Range != nil {
					x.money(SheetOptions, 15, row, o.Range.Low)
					x.money(SheetOptions, 16, row, o.Range.High)
				}
			}
			row++
		}
	}
	x.widths(SheetOptions, map[string]float64{"A": 24, "B": 30, "G": 30, "H": 16, "I": 16, "J": 16, "K": 16, "L": 16, "M": 16})
}

// summary writes the cover facts, the mix, the totals and the savings.
// The recommended options' totals are SUMIF formulas over the Options sheet.
func (x *xlsxWriter) summary() {
	t, d, s := x.t, x.d, SheetSummary
	x.set(s, 1, d.Organization.Name)
	row := 2
	for _, f := range t.CoverFacts(d) {
		x.set(s, row, f)
		row++
	}
	row++
	x.set(s, row, t.T("report.mix"))
	row++
	for _, m := range d.Summary.Mix {
		x.set(s, row, t.Model(string(m.Model)), m.Workloads)
		row++
	}
	row++
	hdr := TotalsHeader(t)
	x.set(s, row, hdr[0], hdr[1], hdr[2], hdr[3], hdr[4], hdr[5])
	row++
	cur := d.Summary.Currency
	rec := d.Summary.Recommended
	x.set(s, row, t.TotalName("mix", false), rec.Workloads)
	if Shown(rec) {
		for i, col := range []string{"H", "I", "J", "K"} {
			x.formula(s, cell(3+i, row), fmt.Sprintf(`SUMIF(%s!F:F,"yes",%s!%s:%s)`, SheetOptions, SheetOptions, col, col), cur)
		}
	}
	row++
	put := func(tot pricing.Total, byProvider bool) {
		n := any(tot.Workloads)
		if note := t.TotalNote(tot); note != "" {
			n = strconv.Itoa(tot.Workloads) + " (" + note + ")"
		}
		x.set(s, row, t.TotalName(tot.Key, byProvider), n)
		if Shown(tot) {
			for i, m := range []pricing.Money{tot.Monthly, tot.FirstYear, tot.HorizonTotal, tot.MigrationOneTime} {
				x.money(s, 3+i, row, m)
			}
		} else {
			x.set(s, row, nil, nil, t.T("report.totals.none"))
		}
		row++
	}
	for _, tot := range d.Summary.ByModel {
		put(tot, false)
	}
	for _, tot := range d.Summary.ByProvider {
		put(tot, true)
	}
	row++
	x.set(s, row, t.T("scenario.title"))
	row++
	sh := ScenarioHeader(t)
	x.set(s, row, sh[0], sh[1], sh[2], sh[3], sh[4], sh[5], sh[6], sh[7])
	row++
	for _, sc := range d.Summary.Scenarios {
		name := t.ScenarioName(sc)
		if len(sc.Unpriced) > 0 {
			name += " — " + t.T("scenario.missing", t.UnpricedNames(sc))
		}
		x.set(s, row, name, t.T("scenario.priced", sc.Priced, sc.Workloads))
		if sc.Priced == 0 {
			x.set(s, row, nil, nil, t.T("report.totals.none"))
			row++
			continue
		}
		for i, m := range []pricing.Money{sc.Monthly, sc.Upfront, sc.FirstYear, sc.Horizon} {
			x.money(s, 3+i, row, m)
		}
		if sv := sc.Saving; sv != nil {
			x.money(s, 7, row, sv.Horizon)
			x.set(s, row, nil, nil, nil, nil, nil, nil, nil, t.BreakEven(sv))
		}
		row++
	}
	row++
	x.set(s, row, t.T("report.savings"))
	row++
	if v := d.Summary.Savings; v != nil {
		ml, mv := saving(t, "report.savings.monthly", "report.savings.extra_monthly", v.Monthly, 0)
		hl, hv := saving(t, "report.savings.horizon", "report.savings.extra_horizon", v.Horizon, v.HorizonMonths)
		for _, m := range []struct {
			name string
			v    pricing.Money
		}{{t.T("report.savings.current"), v.CurrentMonthly}, {t.T("report.savings.recommended"), v.RecommendedMonthly},
			{ml, mv}, {hl, hv}} {
			x.set(s, row, m.name)
			x.money(s, 3, row, m.v)
			row++
		}
		x.set(s, row, t.SavingsLines(d.Summary)[5])
	} else {
		x.set(s, row, t.T("report.savings.none"))
	}
	x.widths(s, map[string]float64{"A": 40, "B": 12, "C": 18, "D": 18, "E": 18, "F": 18})
}

func (x *xlsxWriter) widths(sheet string, w map[string]float64) {
	for col, width := range w {
		if err := x.f.SetColWidth(sheet, col, col, width); err != nil && x.err == nil {
			x.err = err
		}
	}
}
