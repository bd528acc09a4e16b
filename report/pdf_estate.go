package report

// estate stands, in the PDF of a Compact report, for the page per workload
// and the appendix's cost lines: one table of the workloads, then the
// appendix's heading with a note saying which exports hold the detail.
func (p *pdfDoc) estate(d Document) {
	p.AddPage()
	p.heading(2, p.t.T("report.estate.title"))
	p.para(p.t.T("report.estate.lead", len(d.Workloads)), 8.5)
	p.Ln(1)
	p.table([]float64{10, 50, 34, 47, 24, 15}, EstateHeader(p.t), EstateRows(p.t, d.Workloads), EstateMoney)
	p.AddPage()
	p.heading(1, p.t.T("report.appendix"))
	p.para(p.t.T("report.appendix.compact", len(d.Workloads)), 8.5)
}
