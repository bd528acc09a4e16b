package advisor

import "cloudadvisor/pricing"

// Warnings a rule can put on options.
const (
	// WarnForeignRegion warns on every option whose data would live outside
	// the organisation's country, or in a place not known (global services).
	WarnForeignRegion = "foreign_region"
	// WarnCSAP warns on every option whose provider has no sourced
	// certification under Korea's Cloud Security Assurance Program.
	WarnCSAP = "csap"
)

// Warnings lists the warnings a rule may give.
var Warnings = []string{WarnForeignRegion, WarnCSAP}

// applyWarnings puts the warnings of the fired flag rules on the options they
// concern, so that each option says which rule questions it and why (the
// rule's reason and source are on the recommendation). Options get fresh
// slices: quotes are shared between workloads of the same shape.
func applyWarnings(opts []pricing.Option, rec Recommendation, home string) {
	for i := range opts {
		o := &opts[i]
		var flags []pricing.Flag
		for _, rs := range rec.Reasons {
			if m, ok := flagOf(rs.Warn, *o, home); ok {
				flags = append(flags, pricing.Flag{Rule: rs.Rule, Msg: m})
			}
		}
		o.Flags = flags
	}
}

// flagOf is the warning of one flag on one option, false when none applies.
func flagOf(flag string, o pricing.Option, home string) (pricing.Msg, bool) {
	switch flag {
	case WarnForeignRegion:
		switch {
		case o.Country == "":
			return pricing.M("flag.location_unknown"), true
		case o.Country != home:
			return pricing.M("flag.foreign_region", pricing.Ref("country."+o.Country), pricing.Ref("country."+home)), true
		}
	case WarnCSAP:
		p, _ := pricing.Lookup(o.Provider)
		if p.CSAP == "" {
			return pricing.M("flag.csap_unknown", pricing.Ref("provider."+o.Provider)), true
		}
	}
	return pricing.Msg{}, false
}
