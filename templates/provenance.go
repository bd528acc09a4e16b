package templates

import (
	"context"
	"strconv"
	"time"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/provenance"
)

// AgeText is a price's age in days, or months and years past 60 days.
func AgeText(ctx context.Context, o pricing.Offer, now time.Time) string {
	days := int(provenance.Age(o, now).Hours() / 24)
	switch {
	case days < 0:
		return t(ctx, "prov.age.future")
	case days < 60:
		return t(ctx, "prov.age.days", strconv.Itoa(days))
	case days < 730:
		return t(ctx, "prov.age.months", strconv.Itoa(days/30))
	}
	return t(ctx, "prov.age.years", strconv.Itoa(days/365))
}
