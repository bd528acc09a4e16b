package advisor

import (
	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// Kinds of workload.
var Kinds = []string{"web_app", "api", "database", "batch", "email_collaboration", "crm", "erp",
	"file_sharing", "monitoring", "analytics", "dev_tools", "static_site", "gpu_compute", "data_warehouse", "other"}

// Enumerations of the workload answers, in display order.
var (
	OSes               = []string{"linux", "windows"}
	DatabaseEngines    = []string{"", "postgresql", "mysql", "sqlserver", "oracle"}
	CustomizationLevel = []string{"none", "low", "medium", "high"}
	Sensitivities      = []string{"public", "internal", "confidential", "regulated"}
	TimesToMarket      = []string{"normal", "urgent"}
	Growths            = []string{"stable", "fast", "unknown"}
	LockInTolerances   = []string{"low", "medium", "high"}
	// Sectors are the regulated sectors whose data rules differ: health
	// (medical records), finance (electronic financial transactions) and
	// public (public institutions, CSAP); general is none of them.
	Sectors = []string{"general", "health", "finance", "public"}
	// GPUKinds are the accelerators a GPU workload can ask for; "" is any.
	GPUKinds = []string{"", "t4", "l4", "a10g", "l40s", "a100", "h100"}
)

// WorkloadInput is a workload as a user or a file gave it: a nil field was left
// empty and gets a default in Resolve. JSON names are the workload model's
// names, the same in forms, the API and exports.
type WorkloadInput struct {
	Name                    *string          `json:"name"`
	Kind                    *string          `json:"kind"`
	InUse                   *bool            `json:"in_use"`
	Instances               *int             `json:"instances"`
	VCPU                    *int             `json:"vcpu"`
	MemoryGiB               *float64         `json:"memory_gib"`
	StorageGB               *int             `json:"storage_gb"`
	EgressGBMonth           *int             `json:"egress_gb_month"`
	AvgCPUUtilizationPct    *float64         `json:"avg_cpu_utilization_pct"`
	AvgMemoryUtilizationPct *float64         `json:"avg_memory_utilization_pct"`
	OS                      *string          `json:"os"`
	DatabaseEngine          *string          `json:"database_engine"`
	Users                   *int             `json:"users"`
	Developers              *int             `json:"developers"`
	CustomCode              *bool            `json:"custom_code"`
	Customization           *string          `json:"customization"`
	NeedsOSControl          *bool            `json:"needs_os_control"`
	DataSensitivity         *string          `json:"data_sensitivity"`
	TimeToMarket            *string          `json:"time_to_market"`
	Growth                  *string          `json:"growth"`
	LifetimeMonths          *int             `json:"lifetime_months"`
	MobileAccess            *bool            `json:"mobile_access"`
	Collaboration           *bool            `json:"collaboration"`
	LockInTolerance         *string          `json:"lock_in_tolerance"`
	Sector                  *string          `json:"sector"`
	CurrentMonthlyCost      *decimal.Decimal `json:"current_monthly_cost"`
	EndOfLife               *bool            `json:"end_of_life,omitempty"`
	CodeOwnership           *bool            `json:"code_ownership,omitempty"`
	GPUCount                *int             `json:"gpu_count,omitempty"`
	GPUKind                 *string          `json:"gpu_kind,omitempty"`
	Interruptible           *bool            `json:"interruptible,omitempty"`
}

// Workload is a resolved workload: every answer known, defaults applied. Rule
// conditions see it through the expr names below, which are the model's names.
type Workload struct {
	Name                    string  `json:"name" expr:"name"`
	Kind                    string  `json:"kind" expr:"kind"`
	InUse                   bool    `json:"in_use" expr:"in_use"`
	Instances               int     `json:"instances" expr:"instances"`
	VCPU                    int     `json:"vcpu" expr:"vcpu"`
	MemoryGiB               float64 `json:"memory_gib" expr:"memory_gib"`
	StorageGB               int     `json:"storage_gb" expr:"storage_gb"`
	EgressGBMonth           int     `json:"egress_gb_month" expr:"egress_gb_month"`
	AvgCPUUtilizationPct    float64 `json:"avg_cpu_utilization_pct" expr:"avg_cpu_utilization_pct"`
	AvgMemoryUtilizationPct float64 `json:"avg_memory_utilization_pct" expr:"avg_memory_utilization_pct"`
	// HasCPUUtilization and HasMemoryUtilization say whether the averages were given.
	HasCPUUtilization    bool   `json:"has_cpu_utilization,omitempty" expr:"has_cpu_utilization"`
	HasMemoryUtilization bool   `json:"has_memory_utilization,omitempty" expr:"has_memory_utilization"`
	OS                   string `json:"os" expr:"os"`
	DatabaseEngine       string `json:"database_engine" expr:"database_engine"`
	Users                int    `json:"users" expr:"users"`
	Developers           int    `json:"developers" expr:"developers"`
	CustomCode           bool   `json:"custom_code" expr:"custom_code"`
	Customization        string `json:"customization" expr:"customization"`
	NeedsOSControl       bool   `json:"needs_os_control" expr:"needs_os_control"`
	DataSensitivity      string `json:"data_sensitivity" expr:"data_sensitivity"`
	TimeToMarket         string `json:"time_to_market" expr:"time_to_market"`
	Growth               string `json:"growth" expr:"growth"`
	LifetimeMonths       int    `json:"lifetime_months" expr:"lifetime_months"`
	MobileAccess         bool   `json:"mobile_access" expr:"mobile_access"`
	Collaboration        bool   `json:"collaboration" expr:"collaboration"`
	LockInTolerance      string `json:"lock_in_tolerance" expr:"lock_in_tolerance"`
	Sector               string `json:"sector,omitempty" expr:"sector"`
	// HomeCountry is the ISO 3166-1 alpha-2 country of the organisation's
	// geography, set when rules are evaluated; it is not stored.
	HomeCountry        string           `json:"-" expr:"home_country"`
	CurrentMonthlyCost *decimal.Decimal `json:"current_monthly_cost,omitempty" expr:"-"`
	// EndOfLife says the business has decided to switch it off at the end
	// of LifetimeMonths, with nothing to replace it.
	EndOfLife bool `json:"end_of_life" expr:"end_of_life"`
	// CodeOwnership says the team has the source code and the knowledge and
	// rights to change it: the capacity a refactor needs beyond developers.
	CodeOwnership bool `json:"code_ownership" expr:"code_ownership"`
	// GPUCount is the accelerators per instance; GPUKind the one asked for ("" any).
	GPUCount int    `json:"gpu_count" expr:"gpu_count"`
	GPUKind  string `json:"gpu_kind" expr:"gpu_kind"`
	// Interruptible says the work can be stopped and resumed (checkpoints,
	// queued jobs), so spot or preemptible capacity fits.
	Interruptible bool `json:"interruptible" expr:"interruptible"`
	// Assumptions lists the fields that were left empty and got a default.
	Assumptions []Assumption `json:"assumptions,omitempty" expr:"-"`
}

// Assumption records a default applied to a field the user left empty.
type Assumption struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

// Assumed reports whether the field got a default.
func (w Workload) Assumed(field string) bool {
	for _, a := range w.Assumptions {
		if a.Field == field {
			return true
		}
	}
	return false
}

// Organization is the organisation being assessed, with the choices that
// price every workload (see pricing.Settings).
type Organization struct {
	Name               string          `json:"name"`
	Geography          string          `json:"geography"`
	Currency           string          `json:"currency"`
	EngineerHourlyCost decimal.Decimal `json:"engineer_hourly_cost"`
	// EngineerHourlyCostBasis says where the hourly cost comes from: the
	// currency's default (a wage survey, or the US one converted) or the user.
	EngineerHourlyCostBasis pricing.HourlyCost `json:"engineer_hourly_cost_basis"`
	HorizonYears            int                `json:"horizon_years"`
	// Sizing is as_is (allocated vCPU and memory) or performance (measured
	// utilisation × ComfortFactor).
	Sizing        pricing.SizingMode `json:"sizing"`
	ComfortFactor decimal.Decimal    `json:"comfort_factor"`
	// Commitment is on_demand, a reserved or savings-plan term, or best.
	Commitment pricing.Commitment        `json:"commitment"`
	Rates      pricing.Rates             `json:"rates"`
	Labour     pricing.LabourDefaults    `json:"labour"`
	Migration  pricing.MigrationDefaults `json:"migration"`
	// VAT is how KRW amounts treat Korea's 10% VAT: none (not mentioned),
	// excluded (부가세 별도: list prices, stated as without VAT) or
	// included (부가세 포함: provider charges with VAT added).
	VAT string `json:"vat,omitempty"`
}

// VATModes are the choices of Organization.VAT.
var VATModes = []string{"none", "excluded", "included"}

// OrganizationInput is an organisation as given; nil fields get defaults.
type OrganizationInput struct {
	Name               *string                    `json:"name"`
	Geography          *string                    `json:"geography"`
	Currency           *string                    `json:"currency"`
	EngineerHourlyCost *decimal.Decimal           `json:"engineer_hourly_cost"`
	HorizonYears       *int                       `json:"horizon_years"`
	Sizing             *string                    `json:"sizing"`
	ComfortFactor      *decimal.Decimal           `json:"comfort_factor"`
	Commitment         *string                    `json:"commitment"`
	Rates              *pricing.Rates             `json:"rates"`
	Labour             *pricing.LabourDefaults    `json:"labour"`
	Migration          *pricing.MigrationDefaults `json:"migration"`
	VAT                *string                    `json:"vat"`
}
