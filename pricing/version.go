package pricing

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// ErrNotFound means a catalog version or an offer asked for does not exist.
// advisor.ErrNotFound is the same value, so one status mapping covers both.
var ErrNotFound = errors.New("not found")

// CatalogImport describes one import: which provider, what it replaces
// (scope), where it came from and the checksum of its bytes.
type CatalogImport struct {
	Provider string
	Scope    string
	Source   string
	Checksum string
}

// CatalogVersion is one imported catalog. Status is building, active or
// retired; only one version of a scope is active at a time.
type CatalogVersion struct {
	ID        int64
	Provider  string
	Scope     string
	Source    string
	Checksum  string
	Status    string
	FetchedAt time.Time
	Products  int
	Prices    int
	Skipped   int
	Stats     string
	AsOfMin   string
	AsOfMax   string
	// Unchanged is true when the same bytes were already the active version
	// of the scope and nothing was imported.
	Unchanged bool
}

// ImportError says which record made an import fail. The previous version of
// the catalog stays active.
type ImportError struct {
	Source string
	Record string // the SKU or position of the failing record
	Err    error
}

func (e *ImportError) Error() string {
	return fmt.Sprintf("import %s: record %s: %v", e.Source, e.Record, e.Err)
}

func (e *ImportError) Unwrap() error { return e.Err }

// OfferFilter selects offers from the active catalog. Empty fields match all.
type OfferFilter struct {
	Provider  string
	Service   Service
	Region    string
	SKU       string
	Name      string // the product's name as people know it (m5.large), any case
	OS        string
	Term      Term
	MinVCPU   float64
	MinMemory float64
	Regions   map[string]string // provider -> region: offers in any of these (and "global")
	OrderBy   string            // "price" (default), "provider", "vcpu", "memory"
	Limit     int
	Offset    int
}

// FitKey is the equality part of a cheapest-fit filter (provider, region,
// service and OS in one string); stores keep it on each price so that the
// candidates of a fit come from one index in price order. It is empty unless
// the filter names all four and no SKU.
func (f OfferFilter) FitKey() string {
	if f.Provider == "" || f.Service == "" || f.Region == "" || f.OS == "" || f.SKU != "" || f.Name != "" {
		return ""
	}
	return FitKey(f.Provider, f.Region, string(f.Service), f.OS)
}

// FitKey joins the parts of a fit key; see OfferFilter.FitKey.
func FitKey(provider, region, service, os string) string {
	return provider + "/" + region + "/" + service + "/" + os
}

// Facets are the distinct values of the active catalog, for filter menus.
type Facets struct {
	Providers []string
	Services  []string
	Regions   []string
}

// Diff is what changed from catalog version A to version B. Prices are
// matched by provider, region, SKU, term, unit, currency and tier start; a
// matched price whose amount, upfront fee or tier end differs is changed. A
// change of unit or currency is a removal and an addition, since the amounts
// are not comparable. Only the counts cover every price: the row lists hold
// the first ones, in key order.
type Diff struct {
	A, B        CatalogVersion
	Added       int
	Removed     int
	Changed     int
	Unchanged   int // matched prices with the same amounts (the as-of date may differ)
	AddedRows   []DiffPrice
	RemovedRows []DiffPrice
	ChangedRows []PriceChange
}

// DiffPrice is one price as shown in a diff; the decimals are kept as text.
type DiffPrice struct {
	Provider, Region, SKU, Name string
	Term, Unit, Currency        string
	Amount, Upfront             string
	TierStart, TierEnd          string // TierEnd is empty when unbounded
	AsOf                        string
}

// PriceChange is a price of both versions with different amounts.
type PriceChange struct {
	Old, New DiffPrice
}

// Checksum is the sha256 of b in hex, used to recognise a file imported before.
func Checksum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// PriceHash is the content hash of a price: the same price imported twice has
// the same hash, which makes re-imports idempotent and versions comparable.
func PriceHash(o Offer) string {
	h := sha256.New()
	end := "inf"
	if !o.Unbounded {
		end = o.TierEnd.String()
	}
	for _, s := range []string{o.Provider, o.Region, o.SKU, string(o.Term), string(o.Unit), o.Amount.String(),
		o.Upfront.String(), o.Currency, o.TierStart.String(), end, o.AsOf.UTC().Format(time.DateOnly)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

var million = decimal.NewFromInt(1_000_000)

// SortMicros is the monthly-equivalent amount in millionths, upfront fees
// spread over the term; stores use it only to order candidates.
func SortMicros(o Offer) int64 {
	return MonthlyEquivalent(o).Mul(million).IntPart()
}

// MonthlyEquivalent is what an offer costs a month: an hourly price over
// HoursPerMonth hours, plus any upfront fee spread over the term's months.
// A per-unit price (a GB, a user) is a month of one unit.
func MonthlyEquivalent(o Offer) decimal.Decimal {
	m := o.Amount
	if o.Unit == PerHour {
		m = m.Mul(decimal.NewFromInt(HoursPerMonth))
	}
	if n := o.Term.Months(); n > 0 && o.Upfront.IsPositive() {
		m = m.Add(o.Upfront.Div(decimal.NewFromInt(int64(n))))
	}
	return m
}
