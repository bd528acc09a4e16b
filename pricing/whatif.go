package pricing

import "github.com/shopspring/decimal"

// Overrides are the what-if changes to one workload's quote; nil fields keep
// the need's or the settings' value.
type Overrides struct {
	Users                *int
	CPUUtilizationPct    *float64
	MemoryUtilizationPct *float64
	Sizing               *SizingMode
	Commitment           *Commitment
	HourlyRate           *decimal.Decimal // in the display currency after Currency is applied
	Currency             *string
}

// WhatIf re-prices one workload with the overrides applied; it is Quote on
// the changed need and settings, so every option carries its Range. A new
// display currency converts the hourly rate and the current cost through
// the settings' rate table unless HourlyRate is given too.
func WhatIf(n Need, c *Catalog, s Settings, o Overrides) []Option {
	n, s = o.Apply(n, s)
	return Quote(n, c, s)
}

// Apply returns the need and settings with the overrides applied.
func (o Overrides) Apply(n Need, s Settings) (Need, Settings) {
	s = s.withDefaults()
	if o.Users != nil {
		n.Users = *o.Users
	}
	if o.CPUUtilizationPct != nil {
		n.CPUUtilizationPct = o.CPUUtilizationPct
	}
	if o.MemoryUtilizationPct != nil {
		n.MemoryUtilizationPct = o.MemoryUtilizationPct
	}
	if o.Sizing != nil {
		s.Sizing = *o.Sizing
	}
	if o.Commitment != nil {
		s.Commitment = *o.Commitment
	}
	if o.Currency != nil && *o.Currency != s.Currency {
		s.Currency = *o.Currency
		if m, ok := s.Rates.Convert(s.HourlyRate, s.Currency); ok {
			s.HourlyRate = m
		}
	}
	if o.HourlyRate != nil {
		s.HourlyRate = Money{*o.HourlyRate, s.Currency}
	}
	return n, s
}
