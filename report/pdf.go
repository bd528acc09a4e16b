package report

import (
	_ "embed"
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
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
	t Text
}

// PDF writes the report as an A4 PDF: cover, executive summary, one section
// per workload with its reasons, options, charts and cost lines, the
// assumptions and the price sources, with page numbers.
func PDF(w io.Writer, d Document, lang string) error {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(true, 18)
	f.AddUTF8FontFromBytes(fontFamily, "", fontRegular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fontBold)
	f.SetTitle(d.Organization.Name+" · "+Text{lang}.T("report.title"), true)
	f.SetCreator("Cloud Advisor", true)
	f.SetCreationDate(d.GeneratedAt)
	f.SetModificationDate(d.GeneratedAt)
	f.AliasNbPages("{nb}")
	p := &pdfDoc{Fpdf: f, t: Text{Lang: lang}}
	f.SetFooterFunc(func() {
		f.SetY(-12)
		p.font("", 8)
		f.SetTextColor(110, 110, 110)
		p.CellFormat(contentW/2, 5, d.Organization.Name, "", 0, "L", false, 0, "")
		p.CellFormat(contentW/2, 5, p.t.T("report.page", f.PageNo(), "{nb}"), "", 0, "R", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
	p.cover(d)
	p.summary(d)
	for i, wl := range d.Workloads {
		p.workload(i, wl)
	}
	p.assumptions(d)
	p.sources(d)
	if err := f.Error(); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return f.Output(w)
}

func (p *pdfDoc) font(style string, size float64) { p.SetFont(fontFamily, style, size) }

func (p *pdfDoc) heading(level int, text string) {
	sizes := map[int]float64{1: 18, 2: 14, 3: 11}
	p.need(sizes[level] * 1.2)
	if p.GetY() > margin+1 {
		p.Ln(map[int]float64{1: 4, 2: 3, 3: 2}[level])
	}
	p.font("B", sizes[level])
	p.MultiCell(contentW, sizes[level]*0.5, text, "", "L", false)
	p.Ln(1)
}

func (p *pdfDoc) para(text string, size float64) {
	p.font("", size)
	p.MultiCell(contentW, size*0.45, text, "", "L", false)
}

func (p *pdfDoc) bullets(items []string, size float64) {
	p.font("", size)
	for _, it := range items {
		p.SetX(margin)
		p.CellFormat(4, size*0.45, "•", "", 0, "L", false, 0, "")
		p.MultiCell(contentW-4, size*0.45, it, "", "L", false)
	}
}

// need starts a new page unless h mm are left above the bottom margin.
func (p *pdfDoc) need(h float64) {
	_, pageH := p.GetPageSize()
	if p.GetY()+h > pageH-18 {
		p.AddPage()
	}
}

func (p *pdfDoc) cover(d Document) {
	p.AddPage()
	p.SetY(60)
	p.font("", 12)
	p.SetTextColor(90, 90, 90)
	p.CellFormat(contentW, 8, p.t.T("report.title"), "", 1, "L", false, 0, "")
	p.SetTextColor(0, 0, 0)
	p.font("B", 26)
	p.MultiCell(contentW, 12, d.Organization.Name, "", "L", false)
	p.Ln(4)
	p.SetDrawColor(40, 90, 160)
	p.SetLineWidth(0.8)
	p.Line(margin, p.GetY(), margin+60, p.GetY())
	p.SetLineWidth(0.2)
	p.SetDrawColor(0, 0, 0)
	p.Ln(6)
	for _, f := range p.t.CoverFacts(d) {
		p.para(f, 11)
	}
	p.Ln(10)
	p.heading(3, p.t.T("report.catalogs"))
	if len(d.Catalogs) == 0 {
		p.para(p.t.T("report.catalogs.none"), 9)
		return
	}
	p.table([]float64{30, 95, 35, 20}, []string{p.t.T("col.provider"), p.t.T("col.source"),
		p.t.T("report.col.as_of_range"), p.t.T("report.col.fetched")}, catalogRows(p.t, d), nil)
}

func (p *pdfDoc) summary(d Document) {
	p.AddPage()
	p.heading(1, p.t.T("report.summary"))
	p.heading(3, p.t.T("report.mix"))
	p.para(strings.Join(p.t.Mix(d.Summary), " · "), 10)
	p.heading(3, p.t.T("report.totals"))
	p.para(p.t.T("report.totals.lead", d.Organization.HorizonYears*12), 8.5)
	p.Ln(2)
	p.table([]float64{52, 20, 27, 27, 27, 27}, TotalsHeader(p.t), TotalsRows(p.t, d.Summary), []bool{false, false, true, true, true, true})
	p.heading(3, p.t.T("report.savings"))
	p.bullets(p.t.SavingsLines(d.Summary), 10)
}

func (p *pdfDoc) workload(i int, w Workload) {
	p.AddPage()
	p.heading(2, p.t.T("report.workload", i+1, w.Name))
	p.font("B", 10)
	p.MultiCell(contentW, 5, p.t.Verdict(w.Recommendation), "", "L", false)
	p.bullets(p.t.Advice(w.Recommendation), 9)
	p.para(p.t.T("report.scores")+": "+strings.Join(p.t.Scores(w.Recommendation), " · "), 9)
	p.heading(3, p.t.T("result.why"))
	for _, rs := range w.Recommendation.Reasons {
		text, detail := p.t.Reason(rs)
		p.bullets([]string{text}, 9)
		p.SetX(margin + 4)
		p.font("", 7.5)
		p.SetTextColor(90, 90, 90)
		p.MultiCell(contentW-4, 3.4, detail, "", "L", false)
		p.SetTextColor(0, 0, 0)
		p.Ln(0.8)
	}
	p.heading(3, p.t.T("result.options"))
	if len(w.Options) == 0 {
		p.para(p.t.T("result.no_options"), 9)
		return
	}
	rows := OptionRows(p.t, w.Options)
	p.table([]float64{24, 42, 18, 24, 24, 24, 24}, OptionHeader(p.t), rows, []bool{false, false, false, true, true, true, true})
	p.bullets(p.t.OptionNotes(w.Options), 8)
	p.charts(w)
	for _, o := range Sorted(w.Options) {
		if len(o.Lines)+len(o.MigrationLines) == 0 {
			continue
		}
		p.need(20)
		p.font("B", 8.5)
		p.Ln(2)
		p.MultiCell(contentW, 4.5, p.t.T("report.lines", p.t.OptionName(o)), "", "L", false)
		p.table([]float64{44, 13, 15, 22, 22, 17, 47}, LineHeader(p.t), LineRows(p.t, o), []bool{false, true, false, true, true, false, false})
	}
}

func (p *pdfDoc) assumptions(d Document) {
	p.AddPage()
	p.heading(1, p.t.T("report.assumptions"))
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
	p.heading(1, p.t.T("report.sources"))
	p.para(p.t.T("report.sources.lead"), 9)
	p.Ln(2)
	p.table([]float64{140, 24, 16}, []string{p.t.T("col.source"), p.t.T("col.as_of"), p.t.T("report.col.lines")}, sourceRows(p.t, d), nil)
}
