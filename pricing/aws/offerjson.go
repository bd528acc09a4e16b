package aws

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"cloudadvisor/pricing"
)

// offerReader streams a regional bulk offer JSON: products first, kept as
// compact records per SKU, then terms, each SKU's terms decoded and emitted
// before the next is read.
type offerReader struct {
	dec      *json.Decoder
	source   string
	products map[string]*product
	intern   interner
	em       emitter
	version  string
	pubDate  string
}

// parseOfferJSON walks the top-level object of a bulk offer file.
func parseOfferJSON(r io.Reader, source string, sink pricing.Sink, stats *pricing.ImportStats) error {
	dec := json.NewDecoder(r)
	o := &offerReader{
		dec: dec, source: source, products: map[string]*product{},
		intern: interner{}, em: emitter{source: source, sink: sink, stats: stats},
	}
	if err := o.run(); err != nil {
		return o.wrap(err, "")
	}
	return nil
}

func (o *offerReader) run() error {
	if err := o.delim('{'); err != nil {
		return err
	}
	sawProducts, sawTerms := false, false
	for o.dec.More() {
		key, err := o.key()
		if err != nil {
			return err
		}
		switch key {
		case "products":
			sawProducts = true
			err = o.readProducts()
		case "terms":
			if !sawProducts {
				return fmt.Errorf("%w: terms before products", ErrFormat)
			}
			sawTerms = true
			err = o.readTerms()
		case "version":
			err = o.dec.Decode(&o.version)
		case "publicationDate":
			err = o.dec.Decode(&o.pubDate)
		default:
			err = o.dec.Decode(&json.RawMessage{})
		}
		if err != nil {
			return err
		}
	}
	if err := o.delim('}'); err != nil {
		return err
	}
	if _, err := o.dec.Token(); err != io.EOF {
		return fmt.Errorf("%w: data after the offer object", ErrMalformed)
	}
	if !sawProducts || !sawTerms {
		return fmt.Errorf("%w: offer file without products or terms", ErrFormat)
	}
	for _, p := range o.products {
		if !p.priced && p.skip == "" {
			o.em.stats.Skip("product without price terms")
		}
	}
	return nil
}

// asOf is the offer's publication date, the fallback for terms without one.
func (o *offerReader) asOf() time.Time {
	if t, err := time.Parse(time.RFC3339, o.pubDate); err == nil {
		return t
	}
	return parseVersion(o.version)
}

func (o *offerReader) readProducts() error {
	if err := o.delim('{'); err != nil {
		return err
	}
	var rp rawProduct
	for o.dec.More() {
		sku, err := o.key()
		if err != nil {
			return err
		}
		rp = rawProduct{}
		if err := o.dec.Decode(&rp); err != nil {
			return o.wrap(err, sku)
		}
		p := newProduct(sku, rp.ProductFamily, &rp.Attributes, o.intern)
		o.products[p.sku] = p
		if p.skip == "" {
			o.em.stats.Products++
		}
	}
	return o.delim('}')
}

func (o *offerReader) readTerms() error {
	o.em.asOf = o.asOf()
	if err := o.delim('{'); err != nil {
		return err
	}
	for o.dec.More() {
		termType, err := o.key()
		if err != nil {
			return err
		}
		if err := o.readTermType(termType); err != nil {
			return err
		}
	}
	return o.delim('}')
}

// readTermType reads terms.<termType>: {sku: {offerTermCode: term}}.
func (o *offerReader) readTermType(termType string) error {
	if err := o.delim('{'); err != nil {
		return err
	}
	terms := map[string]rawTerm{}
	var codes []string
	for o.dec.More() {
		sku, err := o.key()
		if err != nil {
			return err
		}
		at := o.dec.InputOffset()
		clear(terms)
		if err := o.dec.Decode(&terms); err != nil {
			return o.wrap(err, sku)
		}
		codes = codes[:0]
		for k := range terms {
			codes = append(codes, k)
		}
		slices.Sort(codes)
		for _, code := range codes {
			t := terms[code]
			if err := o.emitTerm(sku, termType, &t); err != nil {
				return &ParseError{Source: o.source, Offset: at, SKU: sku, Err: err}
			}
		}
	}
	return o.delim('}')
}

func (o *offerReader) emitTerm(sku, termType string, t *rawTerm) error {
	p, ok := o.products[sku]
	if !ok {
		o.em.stats.Skip("term without product")
		return nil
	}
	p.priced = true
	rec, err := t.toTermRec(termType)
	if err != nil {
		return err
	}
	return o.em.emit(p, &rec)
}

// key reads an object key.
func (o *offerReader) key() (string, error) {
	tok, err := o.dec.Token()
	if err != nil {
		return "", err
	}
	s, ok := tok.(string)
	if !ok {
		return "", fmt.Errorf("%w: got %v, want an object key", ErrMalformed, tok)
	}
	return s, nil
}

// delim reads the delimiter want.
func (o *offerReader) delim(want json.Delim) error {
	tok, err := o.dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("%w: got %v, want %v", ErrMalformed, tok, want)
	}
	return nil
}

// wrap adds the position to err unless it already has one.
func (o *offerReader) wrap(err error, sku string) error {
	return wrapJSON(err, o.source, o.dec.InputOffset(), sku)
}

// wrapJSON makes err a ParseError at offset, turning decoder errors into
// ErrMalformed and keeping the syntax error's own offset.
func wrapJSON(err error, source string, offset int64, sku string) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return err
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		offset = syn.Offset
		if !errors.Is(err, ErrMalformed) {
			err = fmt.Errorf("%w: %w", ErrMalformed, err)
		}
	case errors.As(err, &typ):
		if !errors.Is(err, ErrMalformed) {
			err = fmt.Errorf("%w: %w", ErrMalformed, err)
		}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		err = fmt.Errorf("%w: truncated: %w", ErrMalformed, io.ErrUnexpectedEOF)
	}
	return &ParseError{Source: source, Offset: offset, SKU: sku, Err: err}
}
