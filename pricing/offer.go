package pricing

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// HoursPerMonth is the number of hours in a billing month used everywhere.
const HoursPerMonth = 730

// Term is how a price is bought.
type Term string

// Terms a price can be bought under.
const (
	OnDemand                 Term = "on_demand"
	Reserved1yNoUpfront      Term = "reserved_1y_no_upfront"
	Reserved1yPartialUpfront Term = "reserved_1y_partial_upfront"
	Reserved1yAllUpfront     Term = "reserved_1y_all_upfront"
	Reserved3yNoUpfront      Term = "reserved_3y_no_upfront"
	Reserved3yPartialUpfront Term = "reserved_3y_partial_upfront"
	Reserved3yAllUpfront     Term = "reserved_3y_all_upfront"
	SavingsPlan1y            Term = "savings_plan_1y"
	SavingsPlan3y            Term = "savings_plan_3y"
	Spot                     Term = "spot"
	LowPriority              Term = "low_priority"
	DevTest                  Term = "dev_test"
)

// Terms lists every Term in display order.
var Terms = []Term{OnDemand, Reserved1yNoUpfront, Reserved1yPartialUpfront, Reserved1yAllUpfront,
	Reserved3yNoUpfront, Reserved3yPartialUpfront, Reserved3yAllUpfront, SavingsPlan1y, SavingsPlan3y,
	Spot, LowPriority, DevTest}

// Months is the commitment length of the term in months, 0 for no commitment.
func (t Term) Months() int {
	switch t {
	case Reserved1yNoUpfront, Reserved1yPartialUpfront, Reserved1yAllUpfront, SavingsPlan1y:
		return 12
	case Reserved3yNoUpfront, Reserved3yPartialUpfront, Reserved3yAllUpfront, SavingsPlan3y:
		return 36
	}
	return 0
}

// Valid reports whether t is a known term.
func (t Term) Valid() bool {
	for _, k := range Terms {
		if k == t {
			return true
		}
	}
	return false
}

// Unit is what one Amount buys.
type Unit string

// Units a price is quoted per, after normalisation to one base unit.
const (
	PerHour      Unit = "hour"
	PerMonth     Unit = "month"
	PerGBMonth   Unit = "gb_month"
	PerGB        Unit = "gb"
	PerUserMonth Unit = "user_month"
	PerRequest   Unit = "request"
)

// Units lists every Unit.
var Units = []Unit{PerHour, PerMonth, PerGBMonth, PerGB, PerUserMonth, PerRequest}

// Valid reports whether u is a known unit.
func (u Unit) Valid() bool {
	for _, k := range Units {
		if k == u {
			return true
		}
	}
	return false
}

// Service is the normalised kind of product, the same across providers.
type Service string

// Services the catalog knows.
const (
	Compute       Service = "compute"        // virtual machines, priced per instance
	BlockStorage  Service = "block_storage"  // disks attached to a VM
	ObjectStorage Service = "object_storage" // blob / bucket storage
	Egress        Service = "egress"         // data transfer out to the internet
	Database      Service = "database"       // managed relational databases
	PaaS          Service = "paas"           // application platforms (plans, dynos, instance classes)
	SaaS          Service = "saas"           // per-seat software
	License       Service = "license"        // OS or software licences billed apart
	Container     Service = "container"      // serverless containers priced per vCPU / GiB
	Other         Service = "other"
)

// Services lists every Service.
var Services = []Service{Compute, BlockStorage, ObjectStorage, Egress, Database, PaaS, SaaS, License, Container, Other}

// Valid reports whether s is a known service.
func (s Service) Valid() bool {
	for _, k := range Services {
		if k == s {
			return true
		}
	}
	return false
}

// Offer is one price of one product. It is the record every importer emits.
type Offer struct {
	Provider string  // aws, azure, gcp, digitalocean, heroku, or a SaaS vendor id
	Service  Service // normalised service
	// ProviderService is the provider's own service name (AmazonEC2, "Virtual Machines").
	ProviderService string
	Family          string // general_purpose, burstable, compute_optimized, memory_optimized, storage_optimized, gpu, or a plan family
	Region          string // the provider's own region code; "global" when not regional
	SKU             string // the provider's SKU id (unique per provider together with Region)
	Name            string // instance type, plan or product name: m5.large, Standard_D2s_v3, Standard-1X
	OS              string // linux, windows, or "" when not applicable
	VCPU            float64
	MemoryGiB       float64
	// Attributes are further provider attributes kept for display and filters.
	Attributes map[string]string

	Term     Term
	Unit     Unit
	Amount   decimal.Decimal // per one Unit, recurring
	Upfront  decimal.Decimal // one-time fee of the term, zero when none
	Currency string          // ISO 4217
	// TierStart and TierEnd bound the usage (in Unit) the price applies to;
	// TierEnd zero with Unbounded true means no upper bound.
	TierStart decimal.Decimal
	TierEnd   decimal.Decimal
	Unbounded bool
	AsOf      time.Time // the provider's effective date of the price
	Source    string    // where the price came from: URL or file name
}

// Validate checks the fields every catalog relies on.
func (o Offer) Validate() error {
	switch {
	case o.Provider == "":
		return fmt.Errorf("offer %s: provider is empty", o.SKU)
	case o.SKU == "":
		return fmt.Errorf("offer %s/%s: sku is empty", o.Provider, o.Name)
	case !o.Service.Valid():
		return fmt.Errorf("offer %s: unknown service %q", o.SKU, o.Service)
	case !o.Term.Valid():
		return fmt.Errorf("offer %s: unknown term %q", o.SKU, o.Term)
	case !o.Unit.Valid():
		return fmt.Errorf("offer %s: unknown unit %q", o.SKU, o.Unit)
	case o.Amount.IsNegative() || o.Upfront.IsNegative():
		return fmt.Errorf("offer %s: negative price %s", o.SKU, o.Amount)
	case !ValidCurrency(o.Currency):
		return fmt.Errorf("offer %s: unknown currency %q", o.SKU, o.Currency)
	case o.Region == "":
		return fmt.Errorf("offer %s: region is empty", o.SKU)
	case o.AsOf.IsZero():
		return fmt.Errorf("offer %s: as-of date is missing", o.SKU)
	case o.Source == "":
		return fmt.Errorf("offer %s: source is missing", o.SKU)
	}
	return nil
}

// currencies are the ISO 4217 codes prices may carry.
var currencies = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "JPY": true, "KRW": true, "CNY": true, "INR": true,
	"AUD": true, "CAD": true, "CHF": true, "SGD": true, "BRL": true, "IDR": true, "SEK": true,
	"NOK": true, "DKK": true, "NZD": true, "HKD": true, "TWD": true, "MXN": true, "ZAR": true,
}

// ValidCurrency reports whether code is a supported ISO 4217 currency code.
func ValidCurrency(code string) bool { return currencies[code] }

// Sink receives offers one at a time, so that importers can stream files far
// larger than memory. Returning an error stops the import.
type Sink func(Offer) error
