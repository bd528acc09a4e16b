// Package sheet reads curated price sheets: CSV files for prices that have no
// provider API (PaaS plans, per-seat SaaS) and for the embedded default
// catalog. Every row carries its source address and as-of date.
//
// Format (UTF-8 CSV, header row required, lines starting with # are comments):
//
//		provider,service,provider_service,family,region,sku,name,os,vcpu,memory_gib,
//		term,unit,price,upfront,currency,tier_start,tier_end,as_of,source,attributes,notes
//
//	  - provider: aws, azure, gcp, digitalocean, heroku, or a SaaS vendor id
//	  - service: one of pricing.Services (compute, block_storage, paas, saas, ...)
//	  - region: the provider's own region code, or "global"
//	  - sku: unique per provider and region; name: instance type, plan or product
//	  - os: linux, windows or empty; vcpu, memory_gib: numbers or empty
//	  - term: one of pricing.Terms; unit: one of pricing.Units
//	  - price, upfront, tier_start, tier_end: exact decimals (upfront and tiers may be empty)
//	  - currency: ISO 4217; as_of: YYYY-MM-DD; source: the address the figure was read on
//	  - attributes: key=value pairs separated by ";" (e.g. storage_gb_per_user=30;tier=standard)
//	  - block_storage rows: family general_purpose_ssd marks the volumes a quote may
//	    use (pricing.IsVolume), priced per gb_month, or per disk (unit month with
//	    attribute disk_gib, as Azure sells managed disks); hdd, provisioned_iops
//	    and performance_ssd rows are listed but not used by quotes
//	  - database rows: attribute engine (postgresql, mysql, sqlserver); storage rows
//	    have unit gb_month; a plan that includes storage says storage_gb
package sheet

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// Columns is the header a sheet must have, in this order.
var Columns = []string{"provider", "service", "provider_service", "family", "region", "sku", "name", "os",
	"vcpu", "memory_gib", "term", "unit", "price", "upfront", "currency", "tier_start", "tier_end",
	"as_of", "source", "attributes", "notes"}

// Error is a refused row: the line, the column and why.
type Error struct {
	Line   int
	Column string
	Reason string
}

func (e *Error) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return fmt.Sprintf("line %d, column %s: %s", e.Line, e.Column, e.Reason)
}

// Parse reads a sheet and sends each row to sink. The first bad row stops the
// parse with an *Error naming its line and column.
func Parse(r io.Reader, sink pricing.Sink) error {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = len(Columns)
	header, err := cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return &Error{Line: pe.Line, Reason: "header row: " + csvReason(pe.Err)}
		}
		return &Error{Line: 1, Reason: "no header row: " + csvReason(err)}
	}
	headerLine, _ := cr.FieldPos(0)
	for i, c := range Columns {
		if strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff")) != c {
			return &Error{Line: headerLine, Column: header[i], Reason: fmt.Sprintf("header column %d is %q, want %q", i+1, header[i], c)}
		}
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return &Error{Line: pe.Line, Reason: csvReason(pe.Err)}
			}
			return fmt.Errorf("read sheet: %w", err)
		}
		line, _ := cr.FieldPos(0)
		o, err := row(rec, line)
		if err != nil {
			return err
		}
		if err := sink(o); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
}

func csvReason(err error) string {
	if errors.Is(err, csv.ErrFieldCount) {
		return fmt.Sprintf("wrong number of fields, want %d", len(Columns))
	}
	if errors.Is(err, io.EOF) {
		return "file is empty"
	}
	return err.Error()
}

func row(rec []string, line int) (pricing.Offer, error) {
	f := func(col string) string {
		for i, c := range Columns {
			if c == col {
				return strings.TrimSpace(rec[i])
			}
		}
		panic("sheet: unknown column " + col)
	}
	bad := func(col, reason string) (pricing.Offer, error) {
		return pricing.Offer{}, &Error{Line: line, Column: col, Reason: reason}
	}
	o := pricing.Offer{
		Provider: f("provider"), Service: pricing.Service(f("service")), ProviderService: f("provider_service"),
		Family: f("family"), Region: f("region"), SKU: f("sku"), Name: f("name"), OS: f("os"),
		Term: pricing.Term(f("term")), Unit: pricing.Unit(f("unit")), Currency: f("currency"),
		Source: f("source"), Unbounded: true,
	}
	for _, col := range []string{"provider", "region", "sku", "name", "source"} {
		if f(col) == "" {
			return bad(col, "is empty")
		}
	}
	if !o.Service.Valid() {
		return bad("service", fmt.Sprintf("unknown service %q", o.Service))
	}
	if !o.Term.Valid() {
		return bad("term", fmt.Sprintf("unknown term %q", o.Term))
	}
	if !o.Unit.Valid() {
		return bad("unit", fmt.Sprintf("unknown unit %q, want one of %v", o.Unit, pricing.Units))
	}
	if !pricing.ValidCurrency(o.Currency) {
		return bad("currency", fmt.Sprintf("unknown currency %q", o.Currency))
	}
	if o.OS != "" && o.OS != "linux" && o.OS != "windows" {
		return bad("os", fmt.Sprintf("os %q, want linux, windows or empty", o.OS))
	}
	var err error
	// Fields are checked in column order so that the first bad one is reported.
	for _, n := range []struct {
		col string
		dst *float64
	}{{"vcpu", &o.VCPU}, {"memory_gib", &o.MemoryGiB}} {
		col, dst := n.col, n.dst
		if s := f(col); s != "" {
			if *dst, err = strconv.ParseFloat(s, 64); err != nil || *dst < 0 {
				return bad(col, fmt.Sprintf("%q is not a non-negative number", s))
			}
		}
	}
	for _, n := range []struct {
		col string
		dst *decimal.Decimal
	}{{"price", &o.Amount}, {"upfront", &o.Upfront}, {"tier_start", &o.TierStart}, {"tier_end", &o.TierEnd}} {
		col, dst := n.col, n.dst
		s := f(col)
		if s == "" {
			if col == "price" {
				return bad(col, "is empty: leave a price out rather than write it as zero")
			}
			continue
		}
		if *dst, err = decimal.NewFromString(s); err != nil {
			return bad(col, fmt.Sprintf("%q is not a decimal number", s))
		}
		if dst.IsNegative() {
			return bad(col, fmt.Sprintf("%s is negative", s))
		}
		if col == "tier_end" {
			o.Unbounded = false
		}
	}
	if o.AsOf, err = time.Parse(time.DateOnly, f("as_of")); err != nil {
		return bad("as_of", fmt.Sprintf("%q is not a date YYYY-MM-DD", f("as_of")))
	}
	if a := f("attributes"); a != "" {
		o.Attributes = map[string]string{}
		for _, kv := range strings.Split(a, ";") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || strings.TrimSpace(k) == "" {
				return bad("attributes", fmt.Sprintf("%q is not key=value", kv))
			}
			o.Attributes[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	if n := f("notes"); n != "" {
		if o.Attributes == nil {
			o.Attributes = map[string]string{}
		}
		o.Attributes["notes"] = n
	}
	if err := o.Validate(); err != nil {
		return bad("", err.Error())
	}
	return o, nil
}
