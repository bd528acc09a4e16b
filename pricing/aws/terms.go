package aws

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// rawTerm is one offer term as the JSON formats carry it.
type rawTerm struct {
	OfferTermCode   string            `json:"offerTermCode"`
	SKU             string            `json:"sku"`
	EffectiveDate   string            `json:"effectiveDate"`
	PriceDimensions map[string]rawDim `json:"priceDimensions"`
	TermAttributes  struct {
		LeaseContractLength string `json:"LeaseContractLength"`
		OfferingClass       string `json:"OfferingClass"`
		PurchaseOption      string `json:"PurchaseOption"`
	} `json:"termAttributes"`
}

// rawDim is one price dimension of a JSON term.
type rawDim struct {
	RateCode     string            `json:"rateCode"`
	Unit         string            `json:"unit"`
	BeginRange   string            `json:"beginRange"`
	EndRange     string            `json:"endRange"`
	PricePerUnit map[string]string `json:"pricePerUnit"`
}

// termRec is a term in a form shared by the JSON and CSV readers.
type termRec struct {
	termType  string // OnDemand, Reserved
	code      string
	effective string
	lease     string
	purchase  string
	class     string
	dims      []dimRec
}

// dimRec is one price dimension: one rate of the term.
type dimRec struct {
	rateCode, unit, begin, end, currency, price string
	line                                        int // CSV line, 0 in JSON
}

// dimError is an error in one dimension; CSV errors report its line.
type dimError struct {
	line int
	err  error
}

func (e *dimError) Error() string { return e.err.Error() }
func (e *dimError) Unwrap() error { return e.err }

// toTermRec flattens a JSON term; dimensions are sorted by rate code and
// tier start so that offers come out in a stable order.
func (t *rawTerm) toTermRec(termType string) (termRec, error) {
	rec := termRec{
		termType: termType, code: t.OfferTermCode, effective: t.EffectiveDate,
		lease: t.TermAttributes.LeaseContractLength, purchase: t.TermAttributes.PurchaseOption,
		class: t.TermAttributes.OfferingClass,
	}
	for key, d := range t.PriceDimensions {
		if len(d.PricePerUnit) != 1 {
			return rec, fmt.Errorf("%w: dimension %s has %d prices, want 1", ErrMalformed, key, len(d.PricePerUnit))
		}
		dr := dimRec{rateCode: d.RateCode, unit: d.Unit, begin: d.BeginRange, end: d.EndRange}
		for c, p := range d.PricePerUnit {
			dr.currency, dr.price = c, p
		}
		rec.dims = append(rec.dims, dr)
	}
	slices.SortFunc(rec.dims, func(a, b dimRec) int {
		if len(a.begin) != len(b.begin) {
			return len(a.begin) - len(b.begin)
		}
		if c := strings.Compare(a.begin, b.begin); c != 0 {
			return c
		}
		return strings.Compare(a.rateCode, b.rateCode)
	})
	return rec, nil
}

// termOf maps a term's type and attributes to a catalog term, or a skip
// reason for terms the catalog does not model.
func termOf(t *termRec) (pricing.Term, string) {
	switch t.termType {
	case "OnDemand":
		return pricing.OnDemand, ""
	case "SavingsPlan1y":
		return pricing.SavingsPlan1y, ""
	case "SavingsPlan3y":
		return pricing.SavingsPlan3y, ""
	case "Reserved":
	default:
		return "", "term type " + t.termType
	}
	if strings.EqualFold(t.class, "convertible") {
		// The catalog's reserved terms have no convertible variant, and the
		// standard term of the same length and payment is the cheaper,
		// comparable price; keeping both would give one SKU two prices for
		// one term.
		return "", "convertible reserved term"
	}
	var terms [3]pricing.Term
	switch strings.ReplaceAll(t.lease, " ", "") {
	case "1yr":
		terms = [3]pricing.Term{pricing.Reserved1yNoUpfront, pricing.Reserved1yPartialUpfront, pricing.Reserved1yAllUpfront}
	case "3yr":
		terms = [3]pricing.Term{pricing.Reserved3yNoUpfront, pricing.Reserved3yPartialUpfront, pricing.Reserved3yAllUpfront}
	default:
		return "", "reserved lease " + t.lease
	}
	switch t.purchase {
	case "No Upfront":
		return terms[0], ""
	case "Partial Upfront":
		return terms[1], ""
	case "All Upfront":
		return terms[2], ""
	}
	return "", "reserved purchase option " + t.purchase
}

// parseDate reads RFC 3339 timestamps and plain dates (CSV files).
func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: bad date %q", ErrMalformed, s)
	}
	return t, nil
}

// parseVersion reads an offer version like 20210205204500.
func parseVersion(s string) time.Time {
	t, _ := time.Parse("20060102150405", s)
	return t
}

// emitter turns terms of products into offers, sends them and counts.
type emitter struct {
	source string
	asOf   time.Time // the offer's publication date, for terms without one
	sink   pricing.Sink
	stats  *pricing.ImportStats
}

// emit sends the offers of one term of p. Errors carry no position: the
// caller knows where it is and wraps them.
func (e *emitter) emit(p *product, t *termRec) error {
	term, skip := termOf(t)
	switch {
	case p.skip != "":
		skip = p.skip
	case len(t.dims) == 0:
		skip = "term without price dimensions"
	}
	if skip != "" {
		e.stats.Skip(skip)
		return nil
	}
	asOf, err := e.termAsOf(t)
	if err != nil {
		return err
	}
	upfront, recurring, err := splitUpfront(t.dims)
	if err != nil {
		return err
	}
	if len(recurring) == 0 {
		// An all-upfront term priced by its fee alone: no hourly rate.
		recurring = []dimRec{{rateCode: upfront.rateCode, unit: "Hrs", begin: "0", end: "Inf", currency: upfront.currency, price: "0"}}
	}
	for _, d := range recurring {
		o, skip, err := e.offer(p, t, term, asOf, d)
		if err != nil {
			return &dimError{line: d.line, err: err}
		}
		if skip != "" {
			e.stats.Skip(skip)
			continue
		}
		if upfront != nil {
			// The fee is paid once per term: it goes on the first rate only.
			if o.Upfront, err = parsePrice(upfront.price); err != nil {
				return &dimError{line: upfront.line, err: err}
			}
			if upfront.currency != o.Currency {
				return fmt.Errorf("%w: upfront fee in %s, rate in %s", ErrMalformed, upfront.currency, o.Currency)
			}
			upfront = nil
		}
		if err := e.send(o); err != nil {
			return err
		}
	}
	return nil
}

// termAsOf is the term's effective date, or the offer's date without one.
func (e *emitter) termAsOf(t *termRec) (time.Time, error) {
	if t.effective == "" {
		return e.asOf, nil
	}
	return parseDate(t.effective)
}

// send validates o and hands it to the sink.
func (e *emitter) send(o pricing.Offer) error {
	if err := o.Validate(); err != nil {
		return fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	if err := e.sink(o); err != nil {
		return fmt.Errorf("sink: %w", err)
	}
	e.stats.Prices++
	return nil
}

// splitUpfront separates the one-time fee (unit Quantity) from the rates.
func splitUpfront(dims []dimRec) (*dimRec, []dimRec, error) {
	var upfront *dimRec
	recurring := dims[:0:0]
	for i := range dims {
		if dims[i].unit != unitQuantity {
			recurring = append(recurring, dims[i])
			continue
		}
		if upfront != nil {
			return nil, nil, fmt.Errorf("%w: two upfront fees in one term", ErrMalformed)
		}
		upfront = &dims[i]
	}
	return upfront, recurring, nil
}

// offer builds the offer of one recurring dimension.
func (e *emitter) offer(p *product, t *termRec, term pricing.Term, asOf time.Time, d dimRec) (pricing.Offer, string, error) {
	unit, skip, err := normUnit(d.unit)
	if err != nil || skip != "" {
		return pricing.Offer{}, skip, err
	}
	if err := checkCurrency(d.currency); err != nil {
		return pricing.Offer{}, "", err
	}
	amount, err := parsePrice(d.price)
	if err != nil {
		return pricing.Offer{}, "", err
	}
	o := p.offerBase(e.source)
	o.Term, o.Unit, o.Amount, o.Currency, o.AsOf = term, unit, amount, d.currency, asOf
	o.Attributes["unit"] = d.unit
	o.Attributes["offerTermCode"] = t.code
	if d.rateCode != "" {
		o.Attributes["rateCode"] = d.rateCode
	}
	if t.termType == "Reserved" {
		o.Attributes["offeringClass"] = t.class
	}
	if d.begin != "" {
		if o.TierStart, err = decimal.NewFromString(d.begin); err != nil {
			return o, "", fmt.Errorf("%w: bad beginRange %q", ErrMalformed, d.begin)
		}
	}
	switch d.end {
	case "", "Inf":
		o.Unbounded = true
	default:
		if o.TierEnd, err = decimal.NewFromString(d.end); err != nil {
			return o, "", fmt.Errorf("%w: bad endRange %q", ErrMalformed, d.end)
		}
	}
	return o, "", nil
}
