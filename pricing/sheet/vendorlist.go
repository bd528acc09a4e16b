package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// VendorColumns is the header of a vendor list: a hand-written list of SaaS
// and PaaS list prices, one plan per row, with the page each was read on.
var VendorColumns = []string{"vendor", "product", "plan", "price_per_unit_per_month", "unit", "currency",
	"billing", "source_address", "source_kind", "as_of", "notes"}

// ParseAny reads either a price sheet (Columns) or a vendor list
// (VendorColumns), chosen by the header row, and sends each offer to sink.
// Vendor-list rows without a usable date are skipped, not guessed; use
// ParseVendorList to learn how many.
func ParseAny(r io.Reader, sink pricing.Sink) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("read price list: %w", err)
	}
	if isVendorList(data) {
		_, err := ParseVendorList(bytes.NewReader(data), sink)
		return err
	}
	return Parse(bytes.NewReader(data), sink)
}

// isVendorList reports whether the first line that is not a comment is the
// vendor-list header.
func isVendorList(data []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		line := strings.TrimPrefix(strings.TrimSpace(sc.Text()), "\ufeff")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		return strings.HasPrefix(line, strings.Join(VendorColumns[:4], ","))
	}
	return false
}

// ParseVendorList reads a vendor list and sends one offer per dated row to
// sink. Stats count the rows read (Products), the offers sent (Prices) and the
// rows skipped by reason. The first malformed row stops the parse with an
// *Error naming its line and column.
//
// Mapping: provider is the vendor in lower case with dashes; Heroku plans are
// service paas, the rest saas; region is "global"; term is on_demand and the
// billing period goes to attribute billing (annual or monthly, when the text
// says so) with the original text in list_billing. Per-user units become
// user_month; other units (dyno, account) become month with attribute per.
// as_of accepts YYYY-MM-DD, and YYYY-MM as the first of the month with
// attribute as_of_precision=month; rows marked undated or "before" a date are
// skipped.
func ParseVendorList(r io.Reader, sink pricing.Sink) (pricing.ImportStats, error) {
	var st pricing.ImportStats
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = len(VendorColumns)
	header, err := cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return st, &Error{Line: pe.Line, Reason: "header row: " + vendorReason(pe.Err)}
		}
		return st, &Error{Line: 1, Reason: "no header row: " + vendorReason(err)}
	}
	headerLine, _ := cr.FieldPos(0)
	for i, c := range VendorColumns {
		if strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff")) != c {
			return st, &Error{Line: headerLine, Column: header[i], Reason: fmt.Sprintf("header column %d is %q, want %q", i+1, header[i], c)}
		}
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return st, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return st, &Error{Line: pe.Line, Reason: vendorReason(pe.Err)}
			}
			return st, fmt.Errorf("read vendor list: %w", err)
		}
		st.Products++
		line, _ := cr.FieldPos(0)
		o, skip, err := vendorRow(rec, line)
		if err != nil {
			return st, err
		}
		if skip != "" {
			st.Skip(skip)
			continue
		}
		if err := sink(o); err != nil {
			return st, fmt.Errorf("line %d: %w", line, err)
		}
		st.Prices++
	}
}

func vendorReason(err error) string {
	if errors.Is(err, csv.ErrFieldCount) {
		return fmt.Sprintf("wrong number of fields, want %d", len(VendorColumns))
	}
	if errors.Is(err, io.EOF) {
		return "file is empty"
	}
	return err.Error()
}

var (
	dayRE   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	monthRE = regexp.MustCompile(`^\d{4}-\d{2}$`)
	slugRE  = regexp.MustCompile(`[^a-z0-9]+`)
)

func slug(s string) string {
	return strings.Trim(slugRE.ReplaceAllString(strings.ToLower(s), "-"), "-")
}

// vendorRow maps one record; a non-empty skip reason means the row is valid
// but not loaded.
func vendorRow(rec []string, line int) (pricing.Offer, string, error) {
	f := func(col string) string {
		for i, c := range VendorColumns {
			if c == col {
				return strings.TrimSpace(rec[i])
			}
		}
		panic("sheet: unknown vendor column " + col)
	}
	bad := func(col, reason string) (pricing.Offer, string, error) {
		return pricing.Offer{}, "", &Error{Line: line, Column: col, Reason: reason}
	}
	for _, col := range []string{"vendor", "product", "plan", "unit", "source_address"} {
		if f(col) == "" {
			return bad(col, "is empty")
		}
	}
	price, err := decimal.NewFromString(f("price_per_unit_per_month"))
	if err != nil || price.IsNegative() {
		return bad("price_per_unit_per_month", fmt.Sprintf("%q is not a non-negative decimal", f("price_per_unit_per_month")))
	}
	if !pricing.ValidCurrency(f("currency")) {
		return bad("currency", fmt.Sprintf("unknown currency %q", f("currency")))
	}
	attrs := map[string]string{"list_plan": f("plan"), "list_billing": f("billing"), "source_kind": f("source_kind")}
	asOf, precision, ok := vendorDate(f("as_of"))
	if !ok {
		return pricing.Offer{}, "as_of not a date: " + f("as_of"), nil
	}
	if precision != "" {
		attrs["as_of_precision"] = precision
	}
	if b := billingPeriod(f("billing")); b != "" {
		attrs["billing"] = b
	}
	if n := f("notes"); n != "" {
		attrs["notes"] = n
	}
	unit := pricing.PerUserMonth
	if u := strings.ToLower(f("unit")); u != "user" && u != "member" {
		unit = pricing.PerMonth
		attrs["per"] = strings.Fields(u)[0]
	}
	service := pricing.SaaS
	if strings.EqualFold(f("vendor"), "heroku") {
		service = pricing.PaaS
	}
	o := pricing.Offer{
		Provider: slug(f("vendor")), Service: service, ProviderService: f("product"), Family: slug(f("product")),
		Region: "global", SKU: strings.Join([]string{slug(f("product")), slug(f("plan")), slug(f("billing")), strings.ToLower(f("currency"))}, "/"),
		Name: f("plan"), Attributes: attrs, Term: pricing.OnDemand, Unit: unit, Amount: price,
		Currency: f("currency"), Unbounded: true, AsOf: asOf, Source: f("source_address"),
	}
	if err := o.Validate(); err != nil {
		return bad("", err.Error())
	}
	return o, "", nil
}

// vendorDate parses YYYY-MM-DD, or YYYY-MM as the first of the month.
func vendorDate(s string) (time.Time, string, bool) {
	switch {
	case dayRE.MatchString(s):
		t, err := time.Parse(time.DateOnly, s)
		return t, "", err == nil
	case monthRE.MatchString(s):
		t, err := time.Parse("2006-01", s)
		return t, "month", err == nil
	}
	return time.Time{}, "", false
}

// billingPeriod reads annual or monthly from free text such as "annual
// commitment (monthly billing)" or "monthly term (no annual commitment)".
func billingPeriod(s string) string {
	s = strings.ToLower(s)
	switch {
	case strings.Contains(s, "no annual commitment"), strings.Contains(s, "no commitment"), strings.Contains(s, "monthly term"):
		return "monthly"
	case strings.Contains(s, "annual"), strings.Contains(s, "yearly"):
		return "annual"
	case strings.Contains(s, "monthly"):
		return "monthly"
	}
	return ""
}
