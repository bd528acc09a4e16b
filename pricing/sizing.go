package pricing

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// SizingMode says how the capacity an option must provide is derived.
type SizingMode string

// Sizing modes.
const (
	// SizingAsIs asks for the allocated vCPU and memory of each instance.
	SizingAsIs SizingMode = "as_is"
	// SizingPerformance asks for the measured average utilisation of the
	// allocation times a comfort factor, per dimension; a dimension without a
	// measurement keeps its allocation.
	SizingPerformance SizingMode = "performance"
)

// Valid reports whether m is a known mode.
func (m SizingMode) Valid() bool { return m == SizingAsIs || m == SizingPerformance }

// DefaultComfortFactor is the headroom over average utilisation that
// performance-based sizing keeps: 1.3, i.e. the machine runs at about 77% of
// its capacity at the measured average, which leaves room for the daily peaks
// averages hide (the value cloud migration assessment tools commonly default
// to).
var DefaultComfortFactor = decimal.RequireFromString("1.3")

// Minimum capacity asked of any instance, whatever the utilisation: the
// smallest machines the providers sell.
var (
	minVCPU   = decimal.RequireFromString("0.5")
	minMemory = decimal.RequireFromString("0.5")
)

// Sizing is the capacity per instance an option was priced for, and how it
// was derived.
type Sizing struct {
	Mode          SizingMode      `json:"mode"`
	VCPU          decimal.Decimal `json:"vcpu"`
	MemoryGiB     decimal.Decimal `json:"memory_gib"`
	ComfortFactor decimal.Decimal `json:"comfort_factor,omitzero"`
	Note          *Msg            `json:"note,omitempty"`
}

// RightSize returns the capacity per instance the need asks for in the mode:
// as is, the allocation; performance based, allocation × utilisation % / 100
// × comfort factor for each dimension with a measurement (never below 0.5
// vCPU or 0.5 GiB). Performance sizing without any measurement falls back to
// as is and says so.
func RightSize(n Need, mode SizingMode, comfort decimal.Decimal) Sizing {
	vcpu := decimal.NewFromFloat(n.VCPU)
	mem := decimal.NewFromFloat(n.MemoryGiB)
	if mode != SizingPerformance {
		return Sizing{Mode: SizingAsIs, VCPU: vcpu, MemoryGiB: mem}
	}
	if n.CPUUtilizationPct == nil && n.MemoryUtilizationPct == nil {
		return Sizing{Mode: SizingAsIs, VCPU: vcpu, MemoryGiB: mem,
			Note: &Msg{Key: "price.sizing.unmeasured"}}
	}
	if !comfort.IsPositive() {
		comfort = DefaultComfortFactor
	}
	s := Sizing{Mode: SizingPerformance, VCPU: vcpu, MemoryGiB: mem, ComfortFactor: comfort}
	if p := n.CPUUtilizationPct; p != nil {
		s.VCPU = decimal.Max(scale(vcpu, *p, comfort), minVCPU)
	} else {
		s.Note = &Msg{Key: "price.sizing.cpu_unmeasured"}
	}
	if p := n.MemoryUtilizationPct; p != nil {
		s.MemoryGiB = decimal.Max(scale(mem, *p, comfort), minMemory)
	} else {
		s.Note = &Msg{Key: "price.sizing.memory_unmeasured"}
	}
	return s
}

func scale(alloc decimal.Decimal, pct float64, comfort decimal.Decimal) decimal.Decimal {
	return alloc.Mul(decimal.NewFromFloat(pct)).Div(decimal.NewFromInt(100)).Mul(comfort)
}

// floats returns the capacity as the catalog's float64 units (vCPU and GiB
// are quantities of hardware, not money).
func (s Sizing) floats() (vcpu, mem float64) {
	return s.VCPU.InexactFloat64(), s.MemoryGiB.InexactFloat64()
}

func (s Sizing) String() string {
	return fmt.Sprintf("%s vCPU, %s GiB (%s)", s.VCPU, s.MemoryGiB, s.Mode)
}
