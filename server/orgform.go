package server

import (
	"maps"
	"net/url"
	"slices"

	"github.com/shopspring/decimal"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// orgPrefix names the organisation form's fields.
const orgPrefix = "organization."

// costSettings decodes the organisation's cost assumptions: sizing, comfort
// factor and commitment, and — only where the user typed a figure — labour
// and migration hours and exchange rates, each starting from the defaults
// (rates: the table given) so that an untouched estimate stays the default.
func (f *form) costSettings(in *advisor.OrganizationInput, base pricing.Rates) {
	p := orgPrefix
	in.Sizing, in.ComfortFactor, in.Commitment = f.str(p+"sizing"), f.decimal(p+"comfort_factor"), f.str(p+"commitment")
	in.VAT = f.str(p + "vat")
	labour, changed := pricing.DefaultLabour(), false
	for _, name := range slices.Sorted(maps.Keys(labour.Hours())) {
		if h := f.decimal(p + "labour." + name); h != nil {
			labour.Set(name, *h)
			changed = true
		}
	}
	if changed {
		in.Labour = &labour
	}
	migration, changed := pricing.DefaultMigration(), false
	for _, name := range slices.Sorted(maps.Keys(migration.Hours())) {
		if h := f.decimal(p + "migration." + name); h != nil {
			if !migration.Set(name, *h) {
				f.errs = append(f.errs, advisor.FieldError{Field: p + "migration." + name, Code: "integer"})
			}
			changed = true
		}
	}
	if changed {
		in.Migration = &migration
	}
	rates, changed := base.Clone(), false
	for _, c := range advisor.Currencies {
		if r := f.decimal(p + "rates." + c); r != nil {
			rates.Per[c], changed = *r, true
		}
	}
	if s := f.str(p + "rates.as_of"); s != nil {
		rates.AsOf, changed = *s, true
	}
	if s := f.str(p + "rates.source"); s != nil {
		rates.Source, changed = *s, true
	}
	if changed {
		in.Rates = &rates
	}
}

// orgValues are the form values of saved organisation answers: the answers as
// given, and the user's own estimates and rates where they set any.
func orgValues(in advisor.OrganizationInput) url.Values {
	flat := in
	flat.Labour, flat.Migration, flat.Rates = nil, nil, nil
	v := inputValues(orgPrefix, flat)
	set := func(name string, d decimal.Decimal) { v.Set(orgPrefix+name, d.String()) }
	if in.Labour != nil {
		for name, h := range in.Labour.Hours() {
			set("labour."+name, h)
		}
	}
	if in.Migration != nil {
		for name, h := range in.Migration.Hours() {
			set("migration."+name, h)
		}
	}
	if in.Rates != nil {
		for _, c := range advisor.Currencies {
			if r, ok := in.Rates.Per[c]; ok {
				set("rates."+c, r)
			}
		}
		v.Set(orgPrefix+"rates.as_of", in.Rates.AsOf)
		v.Set(orgPrefix+"rates.source", in.Rates.Source)
	}
	return v
}
