package aws

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"cloudadvisor/pricing"
)

// Parse reads an AWS price list from r, detecting its format, and sends
// each price to sink as it is read. It reads a GetProducts response, one
// PriceList item, a regional bulk offer JSON (streamed), a bulk offer CSV
// and a Savings Plan rate CSV. source names r in offers and errors. Errors
// are *ParseError values naming the byte offset or line.
func Parse(r io.Reader, source string, sink pricing.Sink) (pricing.ImportStats, error) {
	var stats pricing.ImportStats
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4096)
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if _, err := br.Discard(len(head) - len(trimmed)); err != nil {
		return stats, err
	}
	head = trimmed
	if len(head) == 0 {
		return stats, &ParseError{Source: source, Offset: 0, Err: fmt.Errorf("%w: empty input", ErrFormat)}
	}
	var err error
	switch kind := detect(head); kind {
	case kindGetProducts:
		err = newItemParser(source, sink, &stats).parseGetProducts(br)
	case kindItem:
		err = parseItemReader(br, source, sink, &stats)
	case kindOfferJSON:
		err = parseOfferJSON(br, source, sink, &stats)
	case kindCSV:
		err = parseCSV(br, source, sink, &stats)
	case kindSavingsPlanJSON:
		err = &ParseError{Source: source, Offset: 0, Err: fmt.Errorf(
			"%w: a Savings Plan JSON rate file; read the index.csv beside it", ErrFormat)}
	case kindIndex:
		err = &ParseError{Source: source, Offset: 0, Err: fmt.Errorf(
			"%w: an index file, not prices (use ParseOfferIndex or ParseRegionIndex)", ErrFormat)}
	default:
		err = &ParseError{Source: source, Offset: 0, Err: fmt.Errorf("%w: unrecognised content", ErrFormat)}
	}
	return stats, err
}

type kind int

const (
	kindUnknown kind = iota
	kindGetProducts
	kindItem
	kindOfferJSON
	kindCSV
	kindIndex
	kindSavingsPlanJSON
)

// detect tells the format from the first bytes: the top-level keys of the
// JSON formats appear before the first product, and CSVs start with a
// quoted or bare metadata key.
func detect(head []byte) kind {
	has := func(s string) bool { return bytes.Contains(head, []byte(s)) }
	switch {
	case head[0] == '{' && (has(`"PriceList"`) || has(`"FormatVersion"`)):
		return kindGetProducts
	case head[0] == '{' && (has(`"products" : [`) || has(`"products":[`)):
		return kindSavingsPlanJSON
	case head[0] == '{' && (has(`"products"`) || has(`"offerCode"`) && has(`"terms"`)):
		return kindOfferJSON
	case head[0] == '{' && has(`"product"`):
		return kindItem
	case head[0] == '{' && (has(`"offers"`) || has(`"regions"`) || has(`"versions"`)):
		return kindIndex
	case head[0] == '"' || has("FormatVersion,") || bytes.HasPrefix(head, []byte("SKU,")):
		return kindCSV
	}
	return kindUnknown
}

// parseItemReader reads a single PriceList item; items are small, so it is
// read whole.
func parseItemReader(r io.Reader, source string, sink pricing.Sink, stats *pricing.ImportStats) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return &ParseError{Source: source, Offset: -1, Err: err}
	}
	if err := newItemParser(source, sink, stats).parseItem(data); err != nil {
		return wrapJSON(err, source, 0, itemSKU(string(data)))
	}
	return nil
}

// parseCSV reads the metadata and header and picks the offer or Savings
// Plan reader by the header's columns.
func parseCSV(r io.Reader, source string, sink pricing.Sink, stats *pricing.ImportStats) error {
	t, err := openCSV(r, source)
	if err != nil {
		return err
	}
	if _, ok := t.cols["DiscountedRate"]; ok {
		return parseSavingsPlanCSV(t, sink, stats)
	}
	if _, ok := t.cols["TermType"]; ok {
		return parseOfferCSV(t, sink, stats)
	}
	return t.wrap(fmt.Errorf("%w: CSV header has neither TermType nor DiscountedRate", ErrFormat), "")
}
