// Package gcp imports Google Cloud prices into pricing.Offers from two
// formats: the Cloud Billing Catalog API services.skus.list response (Parse,
// Fetch) and the Cloud Billing console pricing CSV export (ParseCSV).
//
// Mapping decisions:
//   - Amounts are exact: units + nanos/1e9 in the catalog, the list price
//     string in the CSV. Prices stay in their own currency (an IDR price stays
//     IDR); the catalog's currencyConversionRate is kept in
//     Attributes["currency_conversion_rate"] and ToUSD divides by it.
//   - usageType OnDemand is on_demand, Preemptible is spot, Commit1Yr and
//     Commit3Yr (committed use discounts, billed monthly over the term with no
//     upfront payment) are reserved_1y_no_upfront and reserved_3y_no_upfront.
//     The zero-priced "Reserved ..." capacity reservation SKUs are skipped.
//   - A SKU offered in several regions gives one offer per region; SKU is the
//     skuId, Name the description. Tiered rates become tiers ending at the next
//     tier's start, the last one unbounded.
//   - Units: h is hour; GiBy.h (RAM) is hour per GiB; GiBy.mo is gb_month;
//     GiBy is gb; TiBy and TiBy.mo are divided by 1024; mo is month; count is
//     request. The original unit is kept in Attributes["unit"]; any other unit
//     is an error.
//   - Per-core and per-GiB SKUs of a known series carry Attributes "series" and
//     "component" (core or ram); MachineTypes combines them into machine-type
//     prices.
package gcp

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"cloudadvisor/pricing"
)

// Provider is the provider id of every Offer this package emits.
const Provider = "gcp"

// ParseError is a refused input: the CSV line, or the byte offset and the
// index of the SKU in skus (-1 when not inside one), and why.
type ParseError struct {
	Line   int
	Offset int64
	SKU    int
	Reason string
}

func (e *ParseError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	case e.SKU >= 0:
		return fmt.Sprintf("sku %d (byte %d): %s", e.SKU, e.Offset, e.Reason)
	}
	return fmt.Sprintf("byte %d: %s", e.Offset, e.Reason)
}

// Parse reads one services.skus.list page and sends its offers to sink.
// source is recorded on every offer; fallbackAsOf is the date of SKUs whose
// pricingInfo has no effectiveTime (the API omits it on some). The first bad
// SKU stops the parse with a *ParseError naming it and why.
func Parse(r io.Reader, source string, fallbackAsOf time.Time, sink pricing.Sink) (pricing.ImportStats, error) {
	stats, _, err := ParsePage(r, source, fallbackAsOf, sink)
	return stats, err
}

// ParsePage is Parse that also returns the page's nextPageToken.
func ParsePage(r io.Reader, source string, fallbackAsOf time.Time, sink pricing.Sink) (pricing.ImportStats, string, error) {
	var stats pricing.ImportStats
	dec := json.NewDecoder(r)
	dec.UseNumber()
	if err := expectDelim(dec, '{'); err != nil {
		return stats, "", err
	}
	var next string
	sawSKUs := false
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return stats, "", syntaxError(dec, err)
		}
		switch key {
		case "skus":
			sawSKUs = true
			err = decodeSKUs(dec, source, fallbackAsOf, sink, &stats)
		case "nextPageToken":
			err = decodeValue(dec, &next)
		default:
			err = decodeValue(dec, &json.RawMessage{})
		}
		if err != nil {
			return stats, "", err
		}
	}
	if _, err := dec.Token(); err != nil {
		return stats, "", syntaxError(dec, err)
	}
	if !sawSKUs {
		return stats, "", &ParseError{Offset: dec.InputOffset(), SKU: -1, Reason: "not a skus page: no skus array"}
	}
	return stats, next, nil
}

func decodeSKUs(dec *json.Decoder, source string, fallbackAsOf time.Time, sink pricing.Sink, stats *pricing.ImportStats) error {
	if err := expectDelim(dec, '['); err != nil {
		return err
	}
	for i := 0; dec.More(); i++ {
		off := dec.InputOffset()
		var s sku
		if err := dec.Decode(&s); err != nil {
			return &ParseError{Offset: off, SKU: i, Reason: pricing.JSONReason(err)}
		}
		offers, skip, err := s.offers(source, fallbackAsOf)
		if err != nil {
			return &ParseError{Offset: off, SKU: i, Reason: err.Error()}
		}
		if skip != "" {
			stats.Skip(skip)
			continue
		}
		if err := send(offers, sink, stats, &ParseError{Offset: off, SKU: i}); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return syntaxError(dec, err)
	}
	return nil
}

// send validates and sends the offers of one SKU; at says where it was read.
func send(offers []pricing.Offer, sink pricing.Sink, stats *pricing.ImportStats, at *ParseError) error {
	for _, o := range offers {
		if err := o.Validate(); err != nil {
			at.Reason = err.Error()
			return at
		}
		if err := sink(o); err != nil {
			return fmt.Errorf("%s: %w", at.Error(), err)
		}
		stats.Prices++
	}
	stats.Products++
	return nil
}

func decodeValue(dec *json.Decoder, v any) error {
	if err := dec.Decode(v); err != nil {
		return syntaxError(dec, err)
	}
	return nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	off := dec.InputOffset()
	tok, err := dec.Token()
	if err != nil {
		return syntaxError(dec, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return &ParseError{Offset: off, SKU: -1, Reason: fmt.Sprintf("not a skus page: got %v, want %q", tok, want)}
	}
	return nil
}

func syntaxError(dec *json.Decoder, err error) error {
	return &ParseError{Offset: dec.InputOffset(), SKU: -1, Reason: pricing.JSONReason(err)}
}
