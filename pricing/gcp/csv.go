package gcp

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// csvColumns is the header of the Cloud Billing console pricing export. The
// export ends every line with a comma, which makes an empty 11th column.
var csvColumns = []string{"Google service", "Service description", "Service ID", "SKU ID",
	"SKU description", "Product taxonomy", "Unit description", "Per unit quantity",
	"Tiered usage start", "List price ($)"}

// csvRow is one data line of the export.
type csvRow struct {
	line                                  int
	service, skuID, description, taxonomy string
	unit, quantity, start, price          string
}

// ParseCSV streams a Cloud Billing console "pricing" CSV export from r and
// sends its offers to sink. The export has no region column and no date:
// regions are read from the description ("... in Tokyo" is asia-northeast1,
// multi-region names are "global"), the term from the product taxonomy, and
// asOf is the date the caller gives (normally the export's date). Prices are
// USD per "Per unit quantity" units; rows of one SKU ID are its tiers. Rows
// without a list price, discount rows (sustained use, free tier: negative
// credits) and capacity reservation rows are skipped. A bad row stops the parse with a *ParseError naming its
// line.
func ParseCSV(r io.Reader, source string, asOf time.Time, sink pricing.Sink) (pricing.ImportStats, error) {
	var stats pricing.ImportStats
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	if err := readHeader(cr); err != nil {
		return stats, err
	}
	var group []csvRow
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return stats, csvError(err, line)
		}
		if len(rec) < len(csvColumns) {
			return stats, &ParseError{Line: line, Reason: fmt.Sprintf("got %d columns, want %d", len(rec), len(csvColumns))}
		}
		row := csvRow{line: line, service: rec[1], skuID: rec[3], description: rec[4], taxonomy: rec[5],
			unit: rec[6], quantity: plain(rec[7]), start: plain(rec[8]), price: plain(rec[9])}
		if len(group) > 0 && group[0].skuID != row.skuID {
			if err := flushCSV(group, source, asOf, sink, &stats); err != nil {
				return stats, err
			}
			group = group[:0]
		}
		group = append(group, row)
	}
	if len(group) > 0 {
		return stats, flushCSV(group, source, asOf, sink, &stats)
	}
	return stats, nil
}

func readHeader(cr *csv.Reader) error {
	header, err := cr.Read()
	if err != nil {
		return csvError(err, 1)
	}
	if len(header) < len(csvColumns) {
		return &ParseError{Line: 1, Reason: fmt.Sprintf("not a pricing export: header has %d columns, want %d", len(header), len(csvColumns))}
	}
	for i, c := range csvColumns {
		if h := strings.TrimPrefix(header[i], "\ufeff"); h != c {
			return &ParseError{Line: 1, Reason: fmt.Sprintf("not a pricing export: header column %d is %q, want %q", i+1, h, c)}
		}
	}
	return nil
}

func csvError(err error, line int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{Line: pe.Line, Reason: pe.Err.Error()}
	}
	return &ParseError{Line: max(line, 1), Reason: err.Error()}
}

// flushCSV turns the rows of one SKU ID into offers.
func flushCSV(group []csvRow, source string, asOf time.Time, sink pricing.Sink, stats *pricing.ImportStats) error {
	first := group[0]
	term, skip := csvTerm(first.taxonomy, first.description)
	if skip == "" && first.price == "" {
		skip = "no list price"
	}
	if skip != "" {
		stats.Skip(skip)
		return nil
	}
	unit, per, err := csvUnit(first.unit)
	if err != nil {
		return &ParseError{Line: first.line, Reason: err.Error()}
	}
	tiers := make([]tier, len(group))
	for i, row := range group {
		if tiers[i], err = row.tier(per); err != nil {
			return &ParseError{Line: row.line, Reason: err.Error()}
		}
	}
	region, location := regionOf(first.description)
	attrs := map[string]string{"unit": first.unit, "description": first.description,
		"taxonomy": first.taxonomy, "location": location, "currency_conversion_rate": "1"}
	family := ""
	if strings.Contains(first.taxonomy, "> GPUs >") {
		family = "gpu"
	}
	base := pricing.Offer{
		Provider: Provider, Service: csvService(first.taxonomy), ProviderService: first.service,
		Family: component(first.description, attrs, family), SKU: first.skuID, Name: first.description,
		Attributes: attrs, Term: term, Unit: unit, AsOf: asOf, Source: source,
	}
	if base.Service == pricing.BlockStorage {
		base.Family = volumeFamily(first.description)
	}
	return send(expand(base, []string{region}, tiers), sink, stats, &ParseError{Line: first.line})
}

// plain drops the thousands separators the export writes ("3,000.00").
func plain(number string) string { return strings.ReplaceAll(number, ",", "") }

// tier reads the row's price per base unit and its tier start.
func (row csvRow) tier(per decimal.Decimal) (tier, error) {
	price, err := decimal.NewFromString(row.price)
	if err != nil {
		return tier{}, fmt.Errorf("list price %q is not a number", row.price)
	}
	if price.IsNegative() {
		return tier{}, fmt.Errorf("negative price %s", row.price)
	}
	qty := decimal.NewFromInt(1)
	if row.quantity != "" {
		if qty, err = decimal.NewFromString(row.quantity); err != nil || !qty.IsPositive() {
			return tier{}, fmt.Errorf("per unit quantity %q is not a positive number", row.quantity)
		}
	}
	start := decimal.Zero
	if row.start != "" {
		if start, err = decimal.NewFromString(row.start); err != nil {
			return tier{}, fmt.Errorf("tiered usage start %q is not a number", row.start)
		}
	}
	return tier{start: start.Mul(per), price: price.Div(qty.Mul(per)), currency: "USD"}, nil
}

// csvTerm reads the term from the product taxonomy ("GCP > Compute > GCE >
// VMs Commit 1 Year > ..."), or a reason to skip the row.
func csvTerm(taxonomy, description string) (pricing.Term, string) {
	switch {
	case strings.Contains(strings.ToLower(description), "discount"):
		// Sustained use and free tier discounts are negative credits, not prices.
		return "", "discount sku"
	case strings.Contains(taxonomy, " Reservation >") || strings.HasPrefix(description, "Reserved "):
		return "", "capacity reservation sku"
	case strings.Contains(taxonomy, "Preemptible"):
		return pricing.Spot, ""
	case strings.Contains(taxonomy, "Commit 1 Year"):
		return pricing.Reserved1yNoUpfront, ""
	case strings.Contains(taxonomy, "Commit 3 Year"):
		return pricing.Reserved3yNoUpfront, ""
	}
	return pricing.OnDemand, ""
}

// csvService maps the product taxonomy to a Service.
func csvService(taxonomy string) pricing.Service {
	for _, m := range []struct {
		prefix  string
		service pricing.Service
	}{
		{"GCP > Compute > GCE > VMs", pricing.Compute},
		{"GCP > Compute > GPUs", pricing.Compute},
		{"GCP > Compute > Persistent Disk", pricing.BlockStorage},
		{"GCP > Compute > Hyperdisk", pricing.BlockStorage},
		{"GCP > Compute > Local SSD", pricing.BlockStorage},
		{"GCP > Network > Egress", pricing.Egress},
		{"GCP > Storage", pricing.ObjectStorage},
		{"GCP > Third Party Services > Licenses", pricing.License},
		{"GCP > Marketplace Services", pricing.License},
	} {
		if strings.HasPrefix(taxonomy, m.prefix) {
			return m.service
		}
	}
	return pricing.Other
}
