// Package digitalocean imports Droplet prices from the DigitalOcean API
// /v2/sizes into pricing.Offers.
//
// A page is {"sizes": [...], "links": {"pages": {"next": ...}}, "meta":
// {"total": n}}. Every available size becomes one compute offer per region it
// is sold in: SKU and Name are the slug, the unit is month at price_monthly
// (price_hourly, disk, transfer and description are kept in Attributes), OS
// linux, currency USD. Prices are read as exact decimals.
//
// The API carries no date: the caller passes the as-of date (normally the day
// the page was fetched) to Parse and Fetch.
//
// Families come from the slug prefix, else the description: s- basic (shared
// CPU), g- and gd- general_purpose, c- and c2- compute_optimized, m-, m3- and
// m6- memory_optimized, so- and so1_5- storage_optimized, gpu- gpu.
package digitalocean

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"cloudadvisor/pricing"
)

// Provider is the provider id of every Offer this package emits.
const Provider = "digitalocean"

// ParseError is a refused page: the byte offset, the index of the size in
// sizes (-1 when the error is not inside a size) and why.
type ParseError struct {
	Offset int64
	Size   int
	Reason string
}

func (e *ParseError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("byte %d: %s", e.Offset, e.Reason)
	}
	return fmt.Sprintf("size %d (byte %d): %s", e.Size, e.Offset, e.Reason)
}

// Page is what a sizes page says besides its sizes.
type Page struct {
	Next  string // links.pages.next, "" on the last page
	Total int    // meta.total
}

// Parse reads one /v2/sizes page and sends its offers to sink. source and
// asOf are recorded on every offer. The first bad size stops the parse with a
// *ParseError naming it and why.
func Parse(r io.Reader, source string, asOf time.Time, sink pricing.Sink) (pricing.ImportStats, error) {
	stats, _, err := ParsePage(r, source, asOf, sink)
	return stats, err
}

// ParsePage is Parse that also returns the page's next link and total.
func ParsePage(r io.Reader, source string, asOf time.Time, sink pricing.Sink) (pricing.ImportStats, Page, error) {
	var stats pricing.ImportStats
	page, err := parsePage(r, source, asOf, sink, &stats)
	return stats, page, err
}

// envelope holds the fields of a page around its sizes.
type envelope struct {
	Links struct {
		Pages struct {
			Next string `json:"next"`
		} `json:"pages"`
	}
	Meta struct {
		Total int `json:"total"`
	}
}

func parsePage(r io.Reader, source string, asOf time.Time, sink pricing.Sink, stats *pricing.ImportStats) (Page, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	if err := expectDelim(dec, '{'); err != nil {
		return Page{}, err
	}
	var env envelope
	sawSizes := false
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return Page{}, syntaxError(dec, err)
		}
		switch key {
		case "sizes":
			sawSizes = true
			err = decodeSizes(dec, source, asOf, sink, stats)
		case "links":
			err = decodeValue(dec, &env.Links)
		case "meta":
			err = decodeValue(dec, &env.Meta)
		default:
			err = decodeValue(dec, &json.RawMessage{})
		}
		if err != nil {
			return Page{}, err
		}
	}
	if _, err := dec.Token(); err != nil {
		return Page{}, syntaxError(dec, err)
	}
	if !sawSizes {
		return Page{}, &ParseError{Offset: dec.InputOffset(), Size: -1, Reason: "not a sizes page: no sizes array"}
	}
	return Page{Next: env.Links.Pages.Next, Total: env.Meta.Total}, nil
}

func decodeValue(dec *json.Decoder, v any) error {
	if err := dec.Decode(v); err != nil {
		return syntaxError(dec, err)
	}
	return nil
}

func decodeSizes(dec *json.Decoder, source string, asOf time.Time, sink pricing.Sink, stats *pricing.ImportStats) error {
	if err := expectDelim(dec, '['); err != nil {
		return err
	}
	for i := 0; dec.More(); i++ {
		off := dec.InputOffset()
		var s size
		if err := dec.Decode(&s); err != nil {
			return &ParseError{Offset: off, Size: i, Reason: pricing.JSONReason(err)}
		}
		offers, skip, err := s.offers(source, asOf)
		if err != nil {
			return &ParseError{Offset: off, Size: i, Reason: err.Error()}
		}
		if skip != "" {
			stats.Skip(skip)
			continue
		}
		for _, o := range offers {
			if err := sink(o); err != nil {
				return fmt.Errorf("size %d: %w", i, err)
			}
			stats.Prices++
		}
		stats.Products++
	}
	if _, err := dec.Token(); err != nil {
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
		return &ParseError{Offset: off, Size: -1, Reason: fmt.Sprintf("not a sizes page: got %v, want %q", tok, want)}
	}
	return nil
}

func syntaxError(dec *json.Decoder, err error) error {
	return &ParseError{Offset: dec.InputOffset(), Size: -1, Reason: pricing.JSONReason(err)}
}
