// Package ecb reads the European Central Bank's euro foreign exchange
// reference rates (eurofxref-daily.xml) into a pricing.Rates table: units of
// each currency per 1 EUR, dated by the file's own Cube time.
//
// The wire format (https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml):
//
//	<gesmes:Envelope ...><Cube><Cube time="2024-06-28">
//	  <Cube currency="USD" rate="1.0705"/> ...
//	</Cube></Cube></gesmes:Envelope>
package ecb

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// DefaultURL is the daily reference rates file.
const DefaultURL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"

// ErrFormat means the file is not a reference rates file.
var ErrFormat = errors.New("not an ECB reference rates file")

type envelope struct {
	Days []struct {
		Time  string `xml:"time,attr"`
		Rates []struct {
			Currency string `xml:"currency,attr"`
			Rate     string `xml:"rate,attr"`
		} `xml:"Cube"`
	} `xml:"Cube>Cube"`
}

// Parse reads the newest day of a reference rates file. Currencies the
// catalog does not know are left out; source is recorded in the table.
func Parse(r io.Reader, source string) (pricing.Rates, error) {
	var env envelope
	if err := xml.NewDecoder(io.LimitReader(r, 1<<22)).Decode(&env); err != nil {
		return pricing.Rates{}, fmt.Errorf("parse ecb rates: %w: %w", ErrFormat, err)
	}
	if len(env.Days) == 0 {
		return pricing.Rates{}, fmt.Errorf("parse ecb rates: %w: no day", ErrFormat)
	}
	day := env.Days[0]
	if _, err := time.Parse(time.DateOnly, day.Time); err != nil {
		return pricing.Rates{}, fmt.Errorf("parse ecb rates: %w: time %q", ErrFormat, day.Time)
	}
	rates := pricing.Rates{Base: "EUR", AsOf: day.Time, Per: map[string]decimal.Decimal{"EUR": decimal.NewFromInt(1)},
		Source: fmt.Sprintf("European Central Bank euro foreign exchange reference rates of %s (%s), units of each currency per 1 EUR", day.Time, source)}
	for _, c := range day.Rates {
		if !pricing.ValidCurrency(c.Currency) {
			continue
		}
		d, err := decimal.NewFromString(c.Rate)
		if err != nil || !d.IsPositive() {
			return pricing.Rates{}, fmt.Errorf("parse ecb rates: %s rate %q: %w", c.Currency, c.Rate, ErrFormat)
		}
		rates.Per[c.Currency] = d
	}
	if _, ok := rates.Per["USD"]; !ok {
		return pricing.Rates{}, fmt.Errorf("parse ecb rates: %w: no USD rate", ErrFormat)
	}
	return rates, rates.Validate()
}

// Fetch gets and parses url.
func Fetch(ctx context.Context, client *http.Client, url string) (pricing.Rates, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return pricing.Rates{}, fmt.Errorf("fetch ecb rates: %w", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return pricing.Rates{}, fmt.Errorf("fetch ecb rates: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return pricing.Rates{}, fmt.Errorf("fetch ecb rates: get %s: status %s", url, resp.Status)
	}
	return Parse(resp.Body, url)
}

// Provider is the catalog provider id under which rates are stored.
const Provider = "ecb"

// Offers stores a rate table in the catalog, one record per currency: the
// price of 1 EUR in that currency (SKU "EUR/USD"), service other, region
// global, dated by the table. pricing.RatesFromOffers reads them back, and
// conversions use them once they are newer than the embedded table.
func Offers(r pricing.Rates, sink pricing.Sink) (pricing.ImportStats, error) {
	var st pricing.ImportStats
	asOf, err := time.Parse(time.DateOnly, r.AsOf)
	if err != nil {
		return st, fmt.Errorf("ecb offers: %w", err)
	}
	for c, v := range r.Per {
		o := pricing.Offer{Provider: Provider, Service: pricing.Other, ProviderService: "eurofxref",
			Region: "global", SKU: r.Base + "/" + c, Name: c + " per 1 " + r.Base, Term: pricing.OnDemand,
			Unit: pricing.PerMonth, Amount: v, Currency: c, Unbounded: true, AsOf: asOf, Source: r.Source,
			Attributes: map[string]string{"kind": pricing.ExchangeRateKind}}
		if err := sink(o); err != nil {
			return st, err
		}
		st.Products++
		st.Prices++
	}
	return st, nil
}
