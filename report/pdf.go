package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"cloudadvisor/chart"
	"cloudadvisor/pricing"
)

// The PDF embeds NanumGothic (SIL Open Font License 1.1, see fonts/OFL.txt)
// so that Korean names and text render; only the glyphs used are embedded.
var (
	//go:embed fonts/NanumGothic.ttf
	fontRegular []byte
	//go:embed fonts/NanumGothicBold.ttf
	fontBold []byte
)

const (
	pageW, margin = 210.0, 15.0
	contentW      = pageW - 2*margin
	fontFamily    = "nanum"
)

// pdfDoc is the PDF being written with its layout helpers.
type pdfDoc struct {
	*fpdf.Fpdf
	t          Text
	inAppendix bool  // headings of level 2 now nest under the appendix's
	tags       *tags // the structure tree, for screen readers
}

// PDF writes the report as an A4 PDF to forward: page 1 is the executive
// summary with its chart, the scenarios and the next steps; then one page
// per workload with its verdict, reasons, options and charts (for a
// Compact report, one table of the workloads); then an appendix with the
// recommended options' cost lines (not in a Compact report), the
// assumptions, the price catalogs and sources, with page numbers.
func PDF(w io.Writer, d Document, lang string) error {
	p := newPDFDoc(lang, d.Organization.Name+" · "+Text{Lang: lang}.T("report.title"), d.Organization.Name, d.GeneratedAt)
	p.summary(d)
	if Compact(d) {
		p.estate(d)
	} else {
		for i, wl := range d.Workloads {
			p.workload(i, wl)
		}
		p.appendix(d)
	}
	p.chartData(d)
	p.assumptions(d)
	p.cover(d)
	p.sources(d)
	return p.output(w)
}

// newPDFDoc starts an A4 PDF in lang, dated at, with a footer of who (the
// organisation) and the page number on every page, and its structure tree.
func newPDFDoc(lang, title, who string, at time.Time) *pdfDoc {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(true, 18)
	f.AddUTF8FontFromBytes(fontFamily, "", fontRegular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fontBold)
	f.SetTitle(title, true)
	f.SetXmpMetadata(xmpMetadata(title, lang))
	f.SetCreator("Cloud Advisor", true)
	f.SetLang(lang) // the document's language, for screen readers (/Lang)
	f.SetCreationDate(at)
	f.SetModificationDate(at)
	f.AliasNbPages("{nb}")
	p := &pdfDoc{Fpdf: f, t: Text{Lang: lang, At: at}, tags: newTags(f.RawWriteStr, f.PageNo)}
	f.SetHeaderFunc(p.tags.pageBegins)
	f.SetFooterFunc(func() {
		p.tags.pageEnds()
		p.tags.artifact(footerArtifact, func() {
			f.SetY(-12)
			p.font("", 8)
			f.SetTextColor(110, 110, 110)
			p.CellFormat(contentW/2, 5, who, "", 0, "L", false, 0, "")
			p.CellFormat(contentW/2, 5, p.t.T("report.page", f.PageNo(), "{nb}"), "", 0, "R", false, 0, "")
			f.SetTextColor(0, 0, 0)
		})
	})
	return p
}

// output writes the finished PDF, tagged, to w.
func (p *pdfDoc) output(w io.Writer) error {
	if err := p.Error(); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return p.tags.writeTagged(w, b.Bytes())
}

func (p *pdfDoc) font(style string, size float64) { p.SetFont(fontFamily, style, size) }

func (p *pdfDoc) heading(level int, text string) {
	sizes := map[int]float64{1: 18, 2: 14, 3: 11}
	p.need(sizes[level] * 1.2)
	if p.GetY() > margin+1 {
		p.Ln(map[int]float64{1: 4, 2: 3, 3: 2}[level])
	}
	p.bookmark(level, text)
	p.font("B", sizes[level])
	p.tagged(headingRole(level), func() { p.MultiCell(contentW, sizes[level]*0.5, text, "", "L", false) })
	p.Ln(1)
}

// bookmark adds a heading to the PDF's outline (the reader's side panel):
// the summary, each workload and the appendix at the top, the appendix's
// parts under it; level-3 headings stay out of it.
func (p *pdfDoc) bookmark(level int, text string) {
	switch {
	case level == 1:
		p.inAppendix = true
		p.Bookmark(text, 0, -1)
	case level == 2 && p.inAppendix:
		p.Bookmark(text, 1, -1)
	case level == 2:
		p.Bookmark(text, 0, -1)
	}
}

func (p *pdfDoc) para(text string, size float64) {
	p.font("", size)
	p.tagged(roleP, func() { p.MultiCell(contentW, size*0.45, text, "", "L", false) })
}

func (p *pdfDoc) bullets(items []string, size float64) {
	if len(items) == 0 {
		return
	}
	p.group(roleL, func() {
		for _, it := range items {
			p.item(it, size, "")
		}
	})
}

// item draws a list item: its bullet, its text and, unless empty, a detail
// in small grey type below it.
func (p *pdfDoc) item(text string, size float64, detail string) {
	p.group(roleLI, func() {
		p.font("", size)
		p.SetX(margin)
		p.tagged(roleLbl, func() { p.CellFormat(4, size*0.45, "•", "", 0, "L", false, 0, "") })
		body := p.tags.add(roleLBody)
		p.tags.mark(body, func() { p.MultiCell(contentW-4, size*0.45, text, "", "L", false) })
		if detail == "" {
			return
		}
		p.SetX(margin + 4)
		p.font("", 7.5)
		p.SetTextColor(90, 90, 90)
		p.tags.mark(body, func() { p.MultiCell(contentW-4, 3.4, detail, "", "L", false) })
		p.SetTextColor(0, 0, 0)
		p.Ln(0.8)
	})
}

// need starts a new page unless h mm are left above the bottom margin.
func (p *pdfDoc) need(h float64) {
	_, pageH := p.GetPageSize()
	if p.GetY()+h > pageH-18 {
		p.AddPage()
	}
}

// cover lists the price catalogs, in the appendix.
func (p *pdfDoc) cover(d Document) {
	p.heading(2, p.t.T("report.catalogs"))
	if len(d.Catalogs) == 0 {
		p.para(p.t.T("report.catalogs.none"), 9)
		return
	}
	p.table([]float64{30, 95, 35, 20}, []string{p.t.T("col.provider"), p.t.T("col.source"),
		p.t.T("report.col.as_of_range"), p.t.T("report.col.fetched")}, catalogRows(p.t, d), nil)
}

// summary is page 1: who and when, the recommended plan, the chart of
// today's cost against it, the scenarios and the next steps.
func (p *pdfDoc) summary(d Document) {
	p.AddPage()
	p.font("", 10)
	p.SetTextColor(90, 90, 90)
	p.tagged(roleP, func() { p.CellFormat(contentW, 5, p.t.T("report.title"), "", 1, "L", false, 0, "") })
	p.SetTextColor(0, 0, 0)
	p.font("B", 20)
	// The organisation's name is the report's title: its one H1 before the appendix's.
	p.tagged(roleH1, func() { p.MultiCell(contentW, 9, d.Organization.Name, "", "L", false) })
	p.font("", 8)
	p.SetTextColor(90, 90, 90)
	p.tagged(roleP, func() { p.MultiCell(contentW, 3.8, strings.Join(p.t.CoverFacts(d), " · "), "", "L", false) })
	p.SetTextColor(0, 0, 0)
	p.heading(2, p.t.T("exec.title"))
	p.bullets(p.t.PlanLines(d.Summary), 9.5)
	p.para(p.t.T("exec.mix")+": "+strings.Join(p.t.Mix(d.Summary), " · "), 9)
	box := chart.Box{Width: 600, Height: 200, Left: 80, Right: 10, Top: 10, Bottom: 30}
	if l, n, ok := ExecutiveChart(d.Summary, box, p.t); ok {
		scale := contentW / box.Width
		title := p.t.T("exec.chart") + " — " + p.t.Plural("exec.chart.scope", n)
		p.chartTitle(title, box.Height*scale+12)
		p.figure(p.tags.add(roleFigure), p.linesAlt(p.t.T("exec.chart"), l), margin, p.GetY(), contentW,
			func() { p.drawLines(l, scale) })
		p.para(p.t.T("report.chart.data_below"), 7)
	} else {
		p.para(p.t.T("exec.chart.none"), 8)
	}
	p.heading(3, p.t.T("scenario.title"))
	p.para(p.t.T("scenario.lead", d.Summary.Plan().Workloads), 7.5)
	p.Ln(1)
	p.table([]float64{39, 17, 21, 21, 22, 22, 22, 16}, ScenarioHeader(p.t), ScenarioRows(p.t, d.Summary),
		[]bool{false, false, true, true, true, true, true, false})
	if lines := p.t.WaveLines(d.Summary); len(lines) > 0 {
		p.heading(3, p.t.T("exec.next"))
		p.bullets(lines, 9)
	}
}

func (p *pdfDoc) workload(i int, w Workload) {
	p.AddPage()
	p.heading(2, p.t.T("report.workload", i+1, w.Name))
	p.font("B", 10)
	p.tagged(roleP, func() { p.MultiCell(contentW, 5, p.t.Verdict(w.Recommendation), "", "L", false) })
	p.bullets(p.t.Advice(w.Recommendation), 9)
	p.para(p.t.T("report.scores")+": "+strings.Join(p.t.Scores(w.Recommendation), " · "), 9)
	p.heading(3, p.t.T("result.why"))
	if len(w.Recommendation.Reasons) > 0 {
		p.group(roleL, func() {
			for _, rs := range w.Recommendation.Reasons {
				text, detail := p.t.Reason(rs)
				p.item(text, 9, detail)
			}
		})
	}
	p.heading(3, p.t.T("result.options"))
	if len(w.Options) == 0 {
		p.para(p.t.T("result.no_options"), 9)
		return
	}
	// Providers with no price list here take one line under the table, not
	// a row each: the PDF is read for what can be compared.
	var priced []pricing.Option
	var unpriced []string
	for _, o := range w.Options {
		if o.Availability == pricing.NotPriced {
			unpriced = append(unpriced, p.t.Provider(o.Provider))
			continue
		}
		priced = append(priced, o)
	}
	rows := OptionRows(p.t, priced)
	p.table([]float64{23, 30, 21, 21, 21, 22, 20, 22}, OptionHeader(p.t), rows, []bool{false, false, false, true, true, true, true, false})
	if len(unpriced) > 0 {
		p.para(p.t.T("report.not_priced_providers", strings.Join(unpriced, ", ")), 8)
	}
	p.charts(w)
}

// appendix holds the cost lines of each workload's recommended option (or,
// without one, its cheapest complete option); every option's lines are in
// the spreadsheet and CSV exports.
func (p *pdfDoc) appendix(d Document) {
	p.AddPage()
	p.heading(1, p.t.T("report.appendix"))
	p.para(p.t.T("report.appendix.lead"), 8.5)
	for i, w := range d.Workloads {
		o, ok := AppendixOption(w)
		if !ok {
			continue
		}
		p.need(24)
		p.font("B", 9)
		p.Ln(2)
		// A heading for each table of lines: the appendix's parts are H2.
		p.tagged(roleH2, func() {
			p.MultiCell(contentW, 4.5, p.t.T("report.workload", i+1, w.Name)+" — "+p.t.T("report.lines", p.t.OptionName(o)), "", "L", false)
		})
		p.table([]float64{35, 15, 12, 19, 38, 18, 43}, LineHeader(p.t), LineRows(p.t, o), []bool{false, true, false, true, true, false, false})
	}
}

func (p *pdfDoc) assumptions(d Document) {
	p.heading(2, p.t.T("report.assumptions"))
	rows := AssumptionRows(p.t, d.Assumptions)
	p.table([]float64{60, 120}, rows[0], rows[1:], nil)
	p.heading(3, p.t.T("report.assumption.labour"))
	p.table([]float64{40, 14, 126}, []string{p.t.T("report.col.allowance"), p.t.T("report.col.hours"), p.t.T("report.col.reason")},
		LabourRows(p.t, d.Assumptions), nil)
	p.heading(3, p.t.T("report.assumption.migration"))
	p.table([]float64{40, 35, 35, 35, 35}, MigrationHeader(p.t), MigrationRows(p.t, d.Assumptions), nil)
	p.heading(3, p.t.T("report.assumption.rates"))
	p.bullets(RateLines(p.t, d.Assumptions), 9)
}

func (p *pdfDoc) sources(d Document) {
	p.heading(2, p.t.T("report.sources"))
	p.para(p.t.T("report.sources.lead"), 9)
	p.Ln(2)
	p.table([]float64{140, 24, 16}, []string{p.t.T("col.source"), p.t.T("col.as_of"), p.t.T("report.col.lines")}, sourceRows(p.t, d), nil)
}

// chartData gives, in the appendix, the figures each chart of the report
// draws (what the screen's "data table" under a chart shows), so that a
// reader who cannot see the charts has them: the summary's chart, then each
// workload's cumulative cost by year.
func (p *pdfDoc) chartData(d Document) {
	p.heading(2, p.t.T("report.chart.data"))
	p.para(p.t.T("report.chart.data.lead"), 8.5)
	tbl := func(title string, t chart.Table) {
		if len(t.Rows) == 0 || len(t.Header) < 2 { // no series: nothing was drawn
			return
		}
		p.need(24)
		p.font("B", 9)
		p.Ln(2)
		p.tagged(roleH3, func() { p.MultiCell(contentW, 4.5, title, "", "L", false) })
		widths := make([]float64, len(t.Header))
		money := make([]bool, len(t.Header))
		widths[0] = 18
		for i := 1; i < len(widths); i++ {
			widths[i] = (contentW - 18) / float64(len(widths)-1)
			money[i] = true
		}
		p.table(widths, t.Header, t.Rows, money)
	}
	box := chart.Box{Width: 600, Height: 200, Left: 80, Right: 10, Top: 10, Bottom: 30}
	if l, _, ok := ExecutiveChart(d.Summary, box, p.t); ok {
		tbl(p.t.T("exec.chart")+" — "+l.Table.Caption, l.Table)
	}
	for i, w := range Detailed(d) {
		l := chart.CostOverTime(w.Options, pdfChartBox, chart.WordsFor(p.t.Lang))
		tbl(p.t.T("report.workload", i+1, w.Name)+" — "+p.t.T("report.chart.lines")+" — "+l.Table.Caption, l.Table)
	}
}
