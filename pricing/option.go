package pricing

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Model is a cloud service model an option belongs to.
type Model string

// Service models.
const (
	ModelIaaS Model = "iaas"
	ModelPaaS Model = "paas"
	ModelSaaS Model = "saas"
)

// Money is an amount in a currency.
type Money struct {
	Amount   decimal.Decimal `json:"amount"`
	Currency string          `json:"currency"`
}

// Components of a monthly cost, the stacks of the cost chart.
const (
	CompCompute  = "compute"
	CompStorage  = "storage"
	CompNetwork  = "network"
	CompLicence  = "licence"
	CompDatabase = "database"
	CompSeats    = "seats"
	CompLabour   = "labour"
)

// ComponentNames lists the components in stacking order.
var ComponentNames = []string{CompCompute, CompStorage, CompNetwork, CompLicence, CompDatabase, CompSeats, CompLabour}

// Line is one cost line: Quantity × UnitPrice = Monthly, in the price's own
// currency. A committed term with a one-time fee carries the fee for the
// whole quantity in Upfront, paid every TermMonths; Licence is the part of
// Monthly that pays an OS licence included in the price (Windows).
type Line struct {
	// Label says what the line is, in words chosen when it is shown; Name
	// is the product or SKU name as the provider writes it.
	Label Msg    `json:"label"`
	Name  string `json:"name"`
	// TierFrom is the start of the price tier the line is in, when the SKU has several.
	TierFrom  string          `json:"tier_from,omitempty"`
	Component string          `json:"component"` // one of ComponentNames
	Quantity  decimal.Decimal `json:"quantity"`
	Unit      Unit            `json:"unit"`
	UnitPrice decimal.Decimal `json:"unit_price"`
	Currency  string          `json:"currency"`
	AsOf      string          `json:"as_of"`
	Source    string          `json:"source"`
	// SourceKind is where the price comes from (KindProviderAPI …
	// KindThirdParty); empty for the cost model's own lines (labour,
	// migration allowances), which no price list gives.
	SourceKind string          `json:"source_kind,omitempty"`
	SKU        string          `json:"sku"`
	Term       Term            `json:"term,omitempty"`
	Monthly    decimal.Decimal `json:"monthly"`
	Upfront    decimal.Decimal `json:"upfront,omitzero"`
	TermMonths int             `json:"term_months,omitempty"`
	Licence    decimal.Decimal `json:"licence,omitzero"`
	// Estimate is true when the price is derived, not read from a source
	// (a committed price from a sourced ratio); Basis then says from what.
	Estimate bool `json:"estimate,omitempty"`
	Basis    *Msg `json:"basis,omitempty"`
}

// amortised is the line's monthly equivalent: Monthly plus the upfront fee
// spread evenly over the term's months.
func (l Line) amortised() decimal.Decimal {
	if l.TermMonths == 0 || l.Upfront.IsZero() {
		return l.Monthly
	}
	return l.Monthly.Add(l.Upfront.Div(decimal.NewFromInt(int64(l.TermMonths))))
}

// Components is a monthly cost split by component, in the display currency,
// upfront fees spread over their term.
type Components struct {
	Compute  decimal.Decimal `json:"compute"`
	Storage  decimal.Decimal `json:"storage"`
	Network  decimal.Decimal `json:"network"`
	Licences decimal.Decimal `json:"licences"`
	Database decimal.Decimal `json:"database"`
	Seats    decimal.Decimal `json:"seats"`
	Labour   decimal.Decimal `json:"labour"`
}

// Get returns the component named c (one of ComponentNames).
func (c Components) Get(name string) decimal.Decimal {
	return *c.field(name)
}

func (c *Components) field(name string) *decimal.Decimal {
	switch name {
	case CompCompute:
		return &c.Compute
	case CompStorage:
		return &c.Storage
	case CompNetwork:
		return &c.Network
	case CompLicence:
		return &c.Licences
	case CompDatabase:
		return &c.Database
	case CompSeats:
		return &c.Seats
	case CompLabour:
		return &c.Labour
	}
	panic(fmt.Sprintf("pricing: unknown component %q", name)) // a programming error: lines are built here
}

// Payment is a one-time payment in a month of the horizon (1 = the first).
type Payment struct {
	Month  int    `json:"month"`
	Amount Money  `json:"amount"`
	Line   string `json:"line"`
}

// Range is the low, typical and high monthly cost of an option; see Quote.
type Range struct {
	Low     Money `json:"low"`
	Typical Money `json:"typical"`
	High    Money `json:"high"`
}

// CommitmentUse says which commitment an option asked for and which it got.
type CommitmentUse struct {
	Requested Commitment `json:"requested"`
	Applied   []Term     `json:"applied"`
	Note      *Msg       `json:"note,omitempty"`
}

// Savings compares an option with the workload's current monthly cost.
type Savings struct {
	CurrentMonthly Money `json:"current_monthly"`
	// Monthly is current minus the option's monthly cost: negative is extra cost.
	Monthly Money `json:"monthly"`
	// BreakEvenMonth is the first month of the horizon whose cumulative cost
	// (migration included) is below the cumulative current cost; 0 when none.
	BreakEvenMonth int `json:"break_even_month"`
}

// Option is one priced way to run a workload. Money fields are in the
// display currency; lines keep their price's own currency.
//
// Monthly is the steady-state monthly cost: recurring prices, labour, and
// upfront fees spread evenly over their term. FirstYear and HorizonTotal are
// cash: migration (paid in month 1), recurring costs and labour for 12 or
// HorizonMonths months, plus every upfront fee paid in that time; a term's fee
// is paid in full in the month it starts (month 1, then 1+term, ... while
// within the horizon), so a 3-year all-upfront fee is wholly in the first
// year and in a 1-year horizon, and renewals falling inside the horizon are
// counted. Totals of an incomplete option cover only the priced lines and
// must not be shown as its price.
type Option struct {
	Model    Model  `json:"model"`
	Provider string `json:"provider"`
	Product  string `json:"product"`
	SKU      string `json:"sku"`
	Region   string `json:"region"`
	// Country is the ISO 3166-1 alpha-2 country of the region, where the
	// data would live; "" when not known (global services).
	Country string `json:"country,omitempty"`
	// Availability is NotPriced when the catalog holds none of the
	// provider's prices and its entry says why; "" otherwise.
	Availability string `json:"availability,omitempty"`
	// Flags are what the rules say about where or by whom the data would be
	// kept (residency, certification), set by the advisor.
	Flags []Flag `json:"flags,omitempty"`
	// Strategy is the migration strategy the option was priced for.
	Strategy   string         `json:"strategy"`
	Sizing     *Sizing        `json:"sizing,omitempty"`
	Commitment *CommitmentUse `json:"commitment,omitempty"`

	Monthly          Money `json:"monthly"`
	FirstYear        Money `json:"first_year"`
	HorizonTotal     Money `json:"horizon_total"`
	HorizonMonths    int   `json:"horizon_months"`
	MigrationOneTime Money `json:"migration_one_time"`
	// RecurringMonthly is the cash paid every month, labour included, upfront fees excluded.
	RecurringMonthly Money      `json:"recurring_monthly"`
	LabourMonthly    Money      `json:"labour_monthly"`
	Upfronts         []Payment  `json:"upfronts,omitempty"`
	Components       Components `json:"components"`
	Range            *Range     `json:"range,omitempty"`

	// CurrentMonthly, SavingsMonthly (current minus Monthly; negative is an
	// extra cost) and BreakEvenMonth (first month whose cumulative cost,
	// migration included, is below the cumulative current cost; 0 for none
	// within the horizon) are set when the workload's current cost is known.
	CurrentMonthly *Money `json:"current_monthly,omitempty"`
	SavingsMonthly *Money `json:"savings_monthly,omitempty"`
	BreakEvenMonth int    `json:"break_even_month,omitempty"`

	// VATRate is the value-added tax included in the amounts of taxable
	// lines (see Taxable); zero when amounts are without VAT.
	VATRate decimal.Decimal `json:"vat_rate,omitzero"`
	// Rates are the exchange rates used to convert lines to the display currency.
	Rates []RateUse `json:"rates,omitempty"`
	Lines []Line    `json:"lines"`
	// MigrationLines are one-time costs; their Monthly holds the one-time amount.
	MigrationLines []Line `json:"migration_lines,omitempty"`
	Notes          []Msg  `json:"notes,omitempty"`
	// RoundTripMs is the indicative round trip in milliseconds from the
	// geography's users to the option's region when it is in another
	// country and a sourced figure exists (see the latency note); 0 when
	// none.
	RoundTripMs int `json:"round_trip_ms,omitempty"`

	Recommended bool `json:"recommended"`
	// RuledOutBy are the ids of the rules that ruled the option's model out
	// for the workload: it is shown for comparison only, below the others.
	RuledOutBy []string `json:"ruled_out_by,omitempty"`
	// Complete is false when a price is missing; Missing says which.
	Complete bool  `json:"complete"`
	Missing  []Msg `json:"missing"`
}

// NotPriced marks an option whose provider is not priced at all here.
const NotPriced = "not_priced"

// Flag is a rule's warning on an option: Rule is the rule's id, Msg the
// warning as a code with arguments (flag.<kind>).
type Flag struct {
	Rule string `json:"rule"`
	Msg  Msg    `json:"msg"`
}

func (o *Option) missing(key string, args ...any) {
	o.Missing = append(o.Missing, M("price.missing."+key, args...))
}

func (o *Option) note(key string, args ...any) {
	o.Notes = append(o.Notes, M("price.note."+key, args...))
}

// Cumulative is the cash spent on the option by the end of month m of the
// horizon (m = 0 is the start): migration, m months of recurring cost, and
// the upfront fees paid up to month m.
func (o Option) Cumulative(m int) decimal.Decimal {
	total := o.MigrationOneTime.Amount.Add(o.RecurringMonthly.Amount.Mul(decimal.NewFromInt(int64(m))))
	for _, p := range o.Upfronts {
		if p.Month <= m {
			total = total.Add(p.Amount.Amount)
		}
	}
	return total
}

// CumulativeSeries is Cumulative(m) for every month m from 0 to months, summed
// as it goes rather than month by month.
func (o Option) CumulativeSeries(months int) []decimal.Decimal {
	out := make([]decimal.Decimal, 0, months+1)
	total := o.MigrationOneTime.Amount
	for m := 0; m <= months; m++ {
		if m > 0 {
			total = total.Add(o.RecurringMonthly.Amount)
		}
		for _, p := range o.Upfronts {
			if p.Month == m || (m == 0 && p.Month < 0) {
				total = total.Add(p.Amount.Amount)
			}
		}
		out = append(out, total)
	}
	return out
}

// zeroDecimalCurrencies are shown without minor units, after their symbol,
// as their readers write them: "₩1,234,567", "¥1,234".
var zeroDecimalCurrencies = map[string]string{"JPY": "¥", "KRW": "₩"}

// MinorUnits is how many decimals amounts in currency are shown with.
func MinorUnits(currency string) int32 {
	if _, ok := zeroDecimalCurrencies[currency]; ok {
		return 0
	}
	return 2
}

// CurrencyPrefix is what Display writes before the digits: "₩", "USD ".
func CurrencyPrefix(currency string) string {
	if sym, ok := zeroDecimalCurrencies[currency]; ok {
		return sym
	}
	return currency + " "
}

// Display formats the amount for people, rounded half-even to the currency's
// minor unit with thousands separators: "USD 1,234.56", "₩1,234,567",
// "-₩1,000". Every screen and export formats money with it, so they always agree.
func (m Money) Display() string {
	if sym, ok := zeroDecimalCurrencies[m.Currency]; ok {
		s := GroupThousands(m.Amount.StringFixedBank(0))
		if rest, neg := strings.CutPrefix(s, "-"); neg {
			return "-" + sym + rest
		}
		return sym + s
	}
	return m.Currency + " " + GroupThousands(m.Amount.StringFixedBank(MinorUnits(m.Currency)))
}

// GroupThousands inserts thousands separators into a plain decimal string.
func GroupThousands(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if hasFrac {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
