package aws

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"time"

	"cloudadvisor/pricing"
)

// csvTable is a price CSV after its metadata lines: the reader positioned
// on the first data row, the metadata and the header's column indexes.
type csvTable struct {
	r      *csv.Reader
	source string
	meta   map[string]string
	cols   map[string]int
	width  int
	line   int // line of the last row read
}

// openCSV reads the metadata lines ("Version","2025...") up to the header,
// the first row that starts with SKU.
func openCSV(r io.Reader, source string) (*csvTable, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	t := &csvTable{r: cr, source: source, meta: map[string]string{}}
	for n := 0; ; n++ {
		rec, err := cr.Read()
		if err != nil {
			if err == io.EOF {
				err = fmt.Errorf("%w: no SKU header", ErrFormat)
			}
			return nil, t.wrap(err, "")
		}
		t.line, _ = cr.FieldPos(0)
		if len(rec) > 2 && rec[0] == "SKU" {
			t.cols = make(map[string]int, len(rec))
			for i, h := range rec {
				t.cols[h] = i
			}
			t.width = len(rec)
			return t, nil
		}
		if n >= 10 || len(rec) != 2 {
			return nil, t.wrap(fmt.Errorf("%w: no SKU header in the first rows", ErrFormat), "")
		}
		t.meta[rec[0]] = rec[1]
	}
}

// require checks the header has every column in names.
func (t *csvTable) require(names ...string) error {
	for _, n := range names {
		if _, ok := t.cols[n]; !ok {
			return t.wrap(fmt.Errorf("%w: no %q column", ErrFormat, n), "")
		}
	}
	return nil
}

// next reads a data row; io.EOF at the end.
func (t *csvTable) next() ([]string, int, error) {
	rec, err := t.r.Read()
	if err != nil {
		if err == io.EOF {
			return nil, 0, err
		}
		return nil, 0, t.wrap(err, "")
	}
	line, _ := t.r.FieldPos(0)
	t.line = line
	if len(rec) != t.width {
		return nil, line, &ParseError{Source: t.source, Line: line, Err: fmt.Errorf(
			"%w: got %d fields, want %d (truncated file?)", ErrMalformed, len(rec), t.width)}
	}
	return rec, line, nil
}

// get is the value of column name in rec, "" when there is no such column.
func (t *csvTable) get(rec []string, name string) string {
	if i, ok := t.cols[name]; ok {
		return rec[i]
	}
	return ""
}

// asOf is the file's publication date, or its version as a date.
func (t *csvTable) asOf() time.Time {
	if d, err := time.Parse(time.RFC3339, t.meta["Publication Date"]); err == nil {
		return d
	}
	return parseVersion(t.meta["Version"])
}

// wrap gives err the CSV line it happened on.
func (t *csvTable) wrap(err error, sku string) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return err
	}
	line := t.line
	var ce *csv.ParseError
	if errors.As(err, &ce) {
		line = ce.Line
		err = fmt.Errorf("%w: %w", ErrMalformed, ce.Err)
	}
	return &ParseError{Source: t.source, Line: line, SKU: sku, Err: err}
}

// csvAttrColumns maps offer CSV headers to the product attributes.
var csvAttrColumns = []struct {
	col string
	set func(a *rawAttribs, v string)
}{
	{"serviceCode", func(a *rawAttribs, v string) { a.ServiceCode = v }},
	{"Location", func(a *rawAttribs, v string) { a.Location = v }},
	{"Region Code", func(a *rawAttribs, v string) { a.RegionCode = v }},
	{"Instance Type", func(a *rawAttribs, v string) { a.InstanceType = v }},
	{"Instance Family", func(a *rawAttribs, v string) { a.InstanceFamily = v }},
	{"vCPU", func(a *rawAttribs, v string) { a.VCPU = v }},
	{"Memory", func(a *rawAttribs, v string) { a.Memory = v }},
	{"Tenancy", func(a *rawAttribs, v string) { a.Tenancy = v }},
	{"Operating System", func(a *rawAttribs, v string) { a.OperatingSystem = v }},
	{"License Model", func(a *rawAttribs, v string) { a.LicenseModel = v }},
	{"Pre Installed S/W", func(a *rawAttribs, v string) { a.PreInstalledSw = v }},
	{"CapacityStatus", func(a *rawAttribs, v string) { a.CapacityStatus = v }},
	{"usageType", func(a *rawAttribs, v string) { a.UsageType = v }},
	{"operation", func(a *rawAttribs, v string) { a.Operation = v }},
	{"MarketOption", func(a *rawAttribs, v string) { a.MarketOption = v }},
	{"Volume API Name", func(a *rawAttribs, v string) { a.VolumeAPIName = v }},
	{"Transfer Type", func(a *rawAttribs, v string) { a.TransferType = v }},
	{"From Region Code", func(a *rawAttribs, v string) { a.FromRegionCode = v }},
	{"To Location", func(a *rawAttribs, v string) { a.ToLocation = v }},
	{"Database Engine", func(a *rawAttribs, v string) { a.DatabaseEngine = v }},
	{"Deployment Option", func(a *rawAttribs, v string) { a.DeploymentOpt = v }},
	{"GPU", func(a *rawAttribs, v string) { a.GPU = v }},
}

// csvRow is one price row of an offer CSV.
type csvRow struct {
	line     int
	termType string
	code     string
	eff      string
	lease    string
	purchase string
	class    string
	dim      dimRec
}

// parseOfferCSV reads a bulk offer CSV. Rows of one SKU are adjacent, so
// they are buffered per SKU and grouped by offer term code: the Upfront Fee
// row and the hourly row of one reserved term become one offer.
func parseOfferCSV(t *csvTable, sink pricing.Sink, stats *pricing.ImportStats) error {
	if err := t.require("SKU", "OfferTermCode", "TermType", "Unit", "PricePerUnit", "Currency"); err != nil {
		return err
	}
	em := emitter{source: t.source, asOf: t.asOf(), sink: sink, stats: stats}
	intern := interner{}
	var (
		sku   string
		first []string // the first row of the SKU, for its attributes
		rows  []csvRow
	)
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		p := t.product(sku, first, intern)
		if p.skip == "" {
			stats.Products++
		}
		return emitCSVTerms(&em, p, rows, t.source)
	}
	for {
		rec, line, err := t.next()
		if err == io.EOF {
			return flush()
		}
		if err != nil {
			return err
		}
		if s := t.get(rec, "SKU"); s != sku || len(rows) == 0 {
			if err := flush(); err != nil {
				return err
			}
			sku, rows = s, rows[:0]
			first = append(first[:0], rec...)
		}
		rows = append(rows, t.row(rec, line))
	}
}

// product builds the product of sku from one of its rows.
func (t *csvTable) product(sku string, rec []string, intern interner) *product {
	var a rawAttribs
	for _, c := range csvAttrColumns {
		c.set(&a, t.get(rec, c.col))
	}
	return newProduct(sku, t.get(rec, "Product Family"), &a, intern)
}

// row keeps the term and price fields of one data row.
func (t *csvTable) row(rec []string, line int) csvRow {
	return csvRow{
		line: line, termType: t.get(rec, "TermType"), code: t.get(rec, "OfferTermCode"),
		eff: t.get(rec, "EffectiveDate"), lease: t.get(rec, "LeaseContractLength"),
		purchase: t.get(rec, "PurchaseOption"), class: t.get(rec, "OfferingClass"),
		dim: dimRec{
			rateCode: t.get(rec, "RateCode"), unit: t.get(rec, "Unit"),
			begin: t.get(rec, "StartingRange"), end: t.get(rec, "EndingRange"),
			currency: t.get(rec, "Currency"), price: t.get(rec, "PricePerUnit"), line: line,
		},
	}
}

// emitCSVTerms groups the rows of one SKU by offer term code, in order of
// first appearance, and emits each term.
func emitCSVTerms(em *emitter, p *product, rows []csvRow, source string) error {
	done := make(map[string]bool)
	for i, r := range rows {
		if done[r.code] {
			continue
		}
		done[r.code] = true
		rec := termRec{termType: r.termType, code: r.code, effective: r.eff, lease: r.lease, purchase: r.purchase, class: r.class}
		for _, o := range rows[i:] {
			if o.code == r.code {
				rec.dims = append(rec.dims, o.dim)
			}
		}
		if err := em.emit(p, &rec); err != nil {
			line := r.line
			var de *dimError
			if errors.As(err, &de) {
				line = de.line
			}
			return &ParseError{Source: source, Line: line, SKU: p.sku, Err: err}
		}
	}
	return nil
}
