package aws

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"cloudadvisor/pricing"
)

// rawItem is one PriceList item of the Price List Query API: a product and
// its terms, {termType: {offerTermCode: term}}.
type rawItem struct {
	Product         rawProduct                    `json:"product"`
	ServiceCode     string                        `json:"serviceCode"`
	Terms           map[string]map[string]rawTerm `json:"terms"`
	Version         string                        `json:"version"`
	PublicationDate string                        `json:"publicationDate"`
}

// itemParser turns PriceList items into offers; one serves a whole
// GetProducts pagination so that strings are shared across pages.
type itemParser struct {
	source string
	region string // fallback region when items carry neither regionCode nor a known location
	intern interner
	sink   pricing.Sink
	stats  *pricing.ImportStats
}

func newItemParser(source string, sink pricing.Sink, stats *pricing.ImportStats) *itemParser {
	return &itemParser{source: source, intern: interner{}, sink: sink, stats: stats}
}

// parseItem decodes and emits one PriceList item. Errors carry no position.
func (ip *itemParser) parseItem(data []byte) error {
	var it rawItem
	if err := json.Unmarshal(data, &it); err != nil {
		return fmt.Errorf("%w: price list item: %w", ErrMalformed, err)
	}
	if it.Product.SKU == "" || it.Terms == nil {
		return fmt.Errorf("%w: price list item without product sku or terms", ErrFormat)
	}
	a := &it.Product.Attributes
	if a.ServiceCode == "" {
		a.ServiceCode = it.ServiceCode
	}
	if a.RegionCode == "" && regionOf(a) == "" {
		a.RegionCode = ip.region
	}
	p := newProduct(it.Product.SKU, it.Product.ProductFamily, a, ip.intern)
	if p.skip == "" {
		ip.stats.Products++
	}
	asOf, err := time.Parse(time.RFC3339, it.PublicationDate)
	if err != nil {
		asOf = parseVersion(it.Version)
	}
	em := emitter{source: ip.source, asOf: asOf, sink: ip.sink, stats: ip.stats}
	for _, termType := range slices.Sorted(maps.Keys(it.Terms)) {
		terms := it.Terms[termType]
		for _, code := range slices.Sorted(maps.Keys(terms)) {
			t := terms[code]
			rec, err := t.toTermRec(termType)
			if err != nil {
				return err
			}
			if err := em.emit(p, &rec); err != nil {
				return err
			}
		}
	}
	return nil
}

// parseGetProducts streams a GetProducts response and parses each
// PriceList string as an item.
func (ip *itemParser) parseGetProducts(r io.Reader) error {
	dec := json.NewDecoder(r)
	o := &offerReader{dec: dec, source: ip.source}
	if err := o.delim('{'); err != nil {
		return o.wrap(err, "")
	}
	sawList := false
	for dec.More() {
		key, err := o.key()
		if err != nil {
			return o.wrap(err, "")
		}
		switch key {
		case "PriceList":
			sawList = true
			err = ip.readPriceList(o)
		case "FormatVersion":
			var v string
			if err = dec.Decode(&v); err == nil && v != "aws_v1" {
				err = fmt.Errorf("%w: FormatVersion %q, want aws_v1", ErrFormat, v)
			}
		default:
			err = dec.Decode(&json.RawMessage{})
		}
		if err != nil {
			return o.wrap(err, "")
		}
	}
	if err := o.delim('}'); err != nil {
		return o.wrap(err, "")
	}
	if !sawList {
		return o.wrap(fmt.Errorf("%w: GetProducts response without PriceList", ErrFormat), "")
	}
	return nil
}

func (ip *itemParser) readPriceList(o *offerReader) error {
	if err := o.delim('['); err != nil {
		return err
	}
	for n := 0; o.dec.More(); n++ {
		at := o.dec.InputOffset()
		var s string
		if err := o.dec.Decode(&s); err != nil {
			return err
		}
		if err := ip.parseItem([]byte(s)); err != nil {
			return &ParseError{Source: ip.source, Offset: at, SKU: itemSKU(s),
				Err: fmt.Errorf("PriceList[%d]: %w", n, err)}
		}
	}
	return o.delim(']')
}

// itemSKU is the product SKU of an item, for error messages.
func itemSKU(s string) string {
	var it struct {
		Product struct {
			SKU string `json:"sku"`
		} `json:"product"`
	}
	_ = json.Unmarshal([]byte(s), &it)
	return it.Product.SKU
}
