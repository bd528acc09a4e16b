// Package azure imports prices from the Azure Retail Prices API
// (https://prices.azure.com/api/retail/prices) into pricing.Offers.
//
// One API page is a JSON object {"BillingCurrency", "CustomerEntityId",
// "CustomerEntityType", "Items": [...], "NextPageLink", "Count"}. Parse reads one
// page; Fetch follows NextPageLink from page to page.
//
// Mapping decisions:
//   - type Consumption is on_demand, DevTestConsumption is dev_test, Reservation
//     is reserved_1y_all_upfront or reserved_3y_all_upfront by reservationTerm.
//     Azure quotes a reservation as the total for the whole term, so the price
//     goes to Upfront with Amount 0 (unit hour); a 5-year term is skipped.
//   - Spot and Low Priority meters (meterName or skuName containing "Spot" or
//     "Low Priority") of type Consumption become the spot and low_priority
//     terms, apart from the regular meter. Under DevTestConsumption they stay
//     dev_test, and their SKU carries a "/spot" or "/low_priority" suffix.
//   - A savingsPlan array on an item adds savings_plan_1y / savings_plan_3y offers.
//   - Rows of one meter with several tierMinimumUnits become tiers; TierEnd is
//     the next tier's start when that tier is on the same page, else Unbounded.
//   - isPrimaryMeterRegion is kept as an attribute and never filters rows.
//   - Virtual Machines are compute with SKU "<armSkuName>/<os>"; other meters
//     have SKU "<skuId>/<meterId>".
//   - Units are normalised by unit (see normaliseUnit); the original
//     unitOfMeasure is kept in Attributes["unit"].
package azure

import (
	"encoding/json"
	"fmt"
	"io"

	"cloudadvisor/pricing"
)

// Provider is the provider id of every Offer this package emits.
const Provider = "azure"

// ParseError is a refused page: the byte offset in the input, the index of the
// item in Items (-1 when the error is not inside an item) and why.
type ParseError struct {
	Offset int64
	Item   int
	Reason string
}

func (e *ParseError) Error() string {
	if e.Item < 0 {
		return fmt.Sprintf("byte %d: %s", e.Offset, e.Reason)
	}
	return fmt.Sprintf("item %d (byte %d): %s", e.Item, e.Offset, e.Reason)
}

// Parse reads one Retail Prices API page from r and sends its offers to sink.
// source is recorded on every offer. The first bad item stops the parse with a
// *ParseError naming the item and why.
func Parse(r io.Reader, source string, sink pricing.Sink) (pricing.ImportStats, error) {
	p := newParser(sink)
	_, err := p.page(r, source)
	return p.stats, err
}

// parser turns pages into offers; Fetch shares one across pages so that
// duplicate offers are caught across them.
type parser struct {
	sink  pricing.Sink
	stats pricing.ImportStats
	seen  map[string]bool
}

func newParser(sink pricing.Sink) *parser {
	return &parser{sink: sink, seen: map[string]bool{}}
}

// positioned is one decoded item with where it was read.
type positioned struct {
	item   item
	index  int
	offset int64
}

// page reads one page and returns its NextPageLink ("" when null).
func (p *parser) page(r io.Reader, source string) (string, error) {
	items, next, err := decodePage(r)
	if err != nil {
		return "", err
	}
	ends := tierEnds(items)
	for _, it := range items {
		offers, skip, err := p.offers(it.item, source, ends)
		if err != nil {
			return "", &ParseError{Offset: it.offset, Item: it.index, Reason: err.Error()}
		}
		if skip != "" {
			p.stats.Skip(skip)
			continue
		}
		if err := p.emit(offers, it); err != nil {
			return "", err
		}
	}
	return next, nil
}

// emit validates and sends the offers of one item.
func (p *parser) emit(offers []pricing.Offer, it positioned) error {
	sent := 0
	for _, o := range offers {
		if err := o.Validate(); err != nil {
			return &ParseError{Offset: it.offset, Item: it.index, Reason: err.Error()}
		}
		key := o.Region + "|" + string(o.Term) + "|" + o.SKU + "|" + o.TierStart.String()
		if p.seen[key] {
			p.stats.Skip("duplicate offer")
			continue
		}
		p.seen[key] = true
		if err := p.sink(o); err != nil {
			return fmt.Errorf("item %d: %w", it.index, err)
		}
		p.stats.Prices++
		sent++
	}
	if sent > 0 {
		p.stats.Products++
	}
	return nil
}

// decodePage walks the page object and decodes every item. A page holds at
// most a thousand items, so they are kept to find the end of each tier.
func decodePage(r io.Reader) ([]positioned, string, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	if err := expectDelim(dec, '{'); err != nil {
		return nil, "", err
	}
	var items []positioned
	var next string
	sawItems := false
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, "", syntaxError(dec, err)
		}
		switch key {
		case "Items":
			sawItems = true
			if items, err = decodeItems(dec); err != nil {
				return nil, "", err
			}
		case "NextPageLink":
			var link *string
			if err := dec.Decode(&link); err != nil {
				return nil, "", syntaxError(dec, err)
			}
			if link != nil {
				next = *link
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, "", syntaxError(dec, err)
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, "", syntaxError(dec, err)
	}
	if !sawItems {
		return nil, "", &ParseError{Offset: dec.InputOffset(), Item: -1, Reason: "not a retail prices page: no Items array"}
	}
	return items, next, nil
}

func decodeItems(dec *json.Decoder) ([]positioned, error) {
	if err := expectDelim(dec, '['); err != nil {
		return nil, err
	}
	var items []positioned
	for i := 0; dec.More(); i++ {
		off := dec.InputOffset()
		var it item
		if err := dec.Decode(&it); err != nil {
			return nil, &ParseError{Offset: off, Item: i, Reason: pricing.JSONReason(err)}
		}
		items = append(items, positioned{item: it, index: i, offset: off})
	}
	_, err := dec.Token()
	if err != nil {
		return nil, syntaxError(dec, err)
	}
	return items, nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	off := dec.InputOffset()
	tok, err := dec.Token()
	if err != nil {
		return syntaxError(dec, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return &ParseError{Offset: off, Item: -1, Reason: fmt.Sprintf("not a retail prices page: got %v, want %q", tok, want)}
	}
	return nil
}

func syntaxError(dec *json.Decoder, err error) error {
	return &ParseError{Offset: dec.InputOffset(), Item: -1, Reason: pricing.JSONReason(err)}
}
