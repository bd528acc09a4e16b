package pricing

import (
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestUpfrontMonths(t *testing.T) {
	tests := []struct {
		name          string
		term, horizon int
		want          []int
	}{
		{"3y term in a 1y horizon is paid once, in month 1", 36, 12, []int{1}},
		{"1y term renews twice in 3 years", 12, 36, []int{1, 13, 25}},
		{"3y term renews once in 5 years", 36, 60, []int{1, 37}},
		{"no term, no payment", 0, 36, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := upfrontMonths(tc.term, tc.horizon); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestUpfrontSpreading(t *testing.T) {
	c := testCatalog(t)
	n := Need{Kind: "web_app", Instances: 1, VCPU: 2, MemoryGiB: 8, OS: "linux", Strategy: "rehost"}
	tests := []struct {
		name                         string
		term                         Term
		years                        int
		wantMonthly, wantY1, wantHzn string
	}{
		// compute only: labour and migration are the same in every case and subtracted below.
		{"3y all upfront, 1y horizon: whole fee in year 1", Reserved3yAllUpfront, 1, "26.3611111111111111", "949", "949"},
		{"3y all upfront, 3y horizon", Reserved3yAllUpfront, 3, "26.3611111111111111", "949", "949"},
		{"3y all upfront, 5y horizon: renewed in month 37", Reserved3yAllUpfront, 5, "26.3611111111111111", "949", "1898"},
		{"1y partial upfront, 3y horizon", Reserved1yPartialUpfront, 3, "42.17", "506.04", "1518.12"}, // 730×0.029 + 252/12; 12×21.17 + 252; ×3
		{"on demand", OnDemand, 2, "70.08", "840.96", "1681.92"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := testSettings()
			s.HorizonYears, s.Commitment = tc.years, Commitment(tc.term)
			o := optionOf(t, Quote(n, c, s), "iaas/aws")
			months := decimal.NewFromInt(int64(12 * tc.years))
			other := o.Monthly.Amount.Sub(o.Components.Compute)
			y1 := o.FirstYear.Amount.Sub(o.MigrationOneTime.Amount).Sub(other.Mul(decimal.NewFromInt(12)))
			hz := o.HorizonTotal.Amount.Sub(o.MigrationOneTime.Amount).Sub(other.Mul(months))
			if !o.Components.Compute.Equal(dec(tc.wantMonthly)) || !y1.Equal(dec(tc.wantY1)) || !hz.Equal(dec(tc.wantHzn)) {
				t.Errorf("got compute %s/month, %s first year, %s horizon; want %s, %s, %s",
					o.Components.Compute, y1, hz, tc.wantMonthly, tc.wantY1, tc.wantHzn)
			}
		})
	}
}

func optionOf(tb testing.TB, opts []Option, key string) Option {
	tb.Helper()
	for _, o := range opts {
		if string(o.Model)+"/"+o.Provider == key {
			return o
		}
	}
	tb.Fatalf("no option %s", key)
	return Option{}
}

func TestBreakEven(t *testing.T) {
	tests := []struct {
		name      string
		migration string
		monthly   string
		current   string
		want      int
	}{
		{"pays back in month 5", "1000", "300", "550", 5}, // 1000 + 300m < 550m from m = 5 (4: 2200 = 2200)
		{"cheaper from month 1 without migration", "0", "100", "200", 1},
		{"never within 36 months", "10000", "500", "600", 0},
		{"dearer every month", "0", "700", "600", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := &Option{HorizonMonths: 36, MigrationOneTime: Money{dec(tc.migration), "USD"},
				RecurringMonthly: Money{dec(tc.monthly), "USD"}}
			if got := BreakEven(o, dec(tc.current)); got != tc.want {
				t.Errorf("got month %d, want %d", got, tc.want)
			}
		})
	}
}

func TestBreakEvenCountsUpfront(t *testing.T) {
	o := &Option{HorizonMonths: 36, RecurringMonthly: Money{dec("10"), "USD"},
		Upfronts: []Payment{{Month: 1, Amount: Money{dec("900"), "USD"}}}}
	// 900 + 10m < 100m from m = 11 (10: 1000 = 1000).
	if got := BreakEven(o, dec("100")); got != 11 {
		t.Errorf("got month %d, want 11", got)
	}
}

func TestRates(t *testing.T) {
	r := testRates()
	tests := []struct {
		name, from, to, amount, want string
		ok                           bool
	}{
		{"same currency is exact", "USD", "USD", "140.16", "140.16", true},
		{"euro to dollar", "EUR", "USD", "100", "107.05", true},
		{"dollar to yen through the euro", "USD", "JPY", "1.0705", "171.94", true},
		{"pound to won", "GBP", "KRW", "0.84638", "1474.86", true},
		{"unknown currency", "CHF", "USD", "1", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := r.Convert(Money{dec(tc.amount), tc.from}, tc.to)
			if ok != tc.ok || (ok && (!got.Amount.Round(8).Equal(dec(tc.want)) || got.Currency != tc.to)) {
				t.Errorf("got %v %v, want %s %s %v", got, ok, tc.want, tc.to, tc.ok)
			}
		})
	}
}

func TestDefaultRates(t *testing.T) {
	r := DefaultRates()
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	if r.AsOf != "2026-10-06" || r.Base != "EUR" || r.Source == "" {
		t.Errorf("got %s %s %q, want the ECB table of 2026-10-06", r.Base, r.AsOf, r.Source)
	}
	for _, c := range []string{"USD", "EUR", "KRW", "JPY", "GBP"} {
		if _, ok := r.Rate("USD", c); !ok {
			t.Errorf("default rates lack %s", c)
		}
	}
	r.Per["USD"] = dec("2")
	if DefaultRates().Per["USD"].Equal(dec("2")) {
		t.Error("editing a copy changed the default table")
	}
}

func TestConversionIsRecordedAndMissingRateIsIncomplete(t *testing.T) {
	c := testCatalog(t)
	s := testSettings()
	s.Currency, s.HourlyRate = "EUR", Money{dec("70"), "EUR"}
	o := optionOf(t, Quote(webNeed(), c, s), "iaas/aws")
	if len(o.Rates) != 1 || o.Rates[0].From != "USD" || o.Rates[0].To != "EUR" || o.Rates[0].AsOf != "2024-06-28" || o.Monthly.Currency != "EUR" {
		t.Errorf("got rates %+v in %s, want one USD→EUR of 2024-06-28", o.Rates, o.Monthly.Currency)
	}
	s.Rates.Per = map[string]decimal.Decimal{"EUR": dec("1")}
	for _, o := range Quote(webNeed(), c, s) {
		if o.Complete {
			t.Errorf("%s/%s: complete without a USD rate", o.Model, o.Provider)
		}
	}
}

func TestLabourDefaults(t *testing.T) {
	d := DefaultLabour()
	for name, h := range d.Hours() {
		if h.IsNegative() {
			t.Errorf("%s: got %s hours", name, h)
		}
	}
	// The responsibility split: IaaS asks more of the customer than PaaS, PaaS more than SaaS.
	iaas := d.IaaSPerInstance.Hours.Add(d.IaaSPerWorkload.Hours)
	paas := d.PaaSPerInstance.Hours.Add(d.PaaSPerWorkload.Hours)
	if !iaas.GreaterThan(paas) || !paas.GreaterThan(d.SaaSPerWorkload.Hours) {
		t.Errorf("got IaaS %s, PaaS %s, SaaS %s hours, want IaaS > PaaS > SaaS", iaas, paas, d.SaaSPerWorkload.Hours)
	}
	if got := d.Scaled(dec("1.25")).IaaSPerInstance.Hours; !got.Equal(dec("5")) {
		t.Errorf("scaled: got %s, want 5", got)
	}
	for _, a := range []Allowance{d.IaaSPerInstance, d.IaaSPerWorkload, d.SelfRunDatabase, d.PaaSPerInstance,
		d.PaaSPerWorkload, d.ManagedDatabase, d.SaaSPerWorkload, d.SaaSPerUser} {
		if a.Reason == "" {
			t.Errorf("allowance of %s hours has no reason", a.Hours)
		}
	}
}

func TestMigrationGrowsWithChange(t *testing.T) {
	c := testCatalog(t)
	for _, size := range []int{1, 3, 20} {
		var prev decimal.Decimal
		for i, strategy := range []string{"rehost", "replatform", "refactor"} {
			n := with(webNeed(), func(n *Need) { n.Instances, n.DatabaseEngine, n.Strategy = size, "postgresql", strategy })
			got := optionOf(t, Quote(n, c, testSettings()), "iaas/aws").MigrationOneTime.Amount
			if i > 0 && !got.GreaterThan(prev) {
				t.Errorf("%d instances: %s costs %s, not more than %s", size, strategy, got, prev)
			}
			prev = got
		}
	}
}

func TestRepurchaseMigrationPerUser(t *testing.T) {
	c := testCatalog(t)
	n := Need{Kind: "email_collaboration", Instances: 1, OS: "linux", Users: 100, Tier: "basic", Strategy: "repurchase"}
	got := optionOf(t, Quote(n, c, testSettings()), "saas/google").MigrationOneTime.Amount
	// (40 + 100 × 0.25 + 100 × 1) h × 75
	if !got.Equal(dec("12375")) {
		t.Errorf("got %s, want 12375", got)
	}
}

func TestStrategyFor(t *testing.T) {
	tests := []struct {
		model       Model
		recommended string
		want        string
	}{
		{ModelIaaS, "rehost", "rehost"}, {ModelIaaS, "replatform", "replatform"}, {ModelIaaS, "repurchase", "rehost"},
		{ModelPaaS, "rehost", "replatform"}, {ModelPaaS, "refactor", "refactor"}, {ModelSaaS, "refactor", "repurchase"},
		{ModelIaaS, "retain", "rehost"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s_%s", tc.model, tc.recommended), func(t *testing.T) {
			if got := strategyFor(tc.model, tc.recommended); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestRightSize(t *testing.T) {
	n := Need{VCPU: 4, MemoryGiB: 16, CPUUtilizationPct: ptr(20.0)}
	got := RightSize(n, SizingPerformance, decimal.Zero)
	if got.Mode != SizingPerformance || !got.VCPU.Equal(dec("1.04")) || !got.MemoryGiB.Equal(dec("16")) || got.Note == nil || got.Note.Key != "price.sizing.memory_unmeasured" {
		t.Errorf("got %+v, want 1.04 vCPU (4 × 20%% × 1.3) and 16 GiB as allocated, with a note", got)
	}
	if got := RightSize(Need{VCPU: 1, MemoryGiB: 1, CPUUtilizationPct: ptr(1.0), MemoryUtilizationPct: ptr(1.0)}, SizingPerformance, dec("1.3")); !got.VCPU.Equal(dec("0.5")) {
		t.Errorf("got %s vCPU, want the 0.5 floor", got.VCPU)
	}
	if got := RightSize(Need{VCPU: 2, MemoryGiB: 4}, SizingPerformance, dec("1.3")); got.Mode != SizingAsIs {
		t.Errorf("got mode %s without measurements, want as_is", got.Mode)
	}
}

func TestWhatIf(t *testing.T) {
	c := testCatalog(t)
	n := Need{Kind: "email_collaboration", Instances: 1, OS: "linux", Users: 25, Tier: "basic", Strategy: "repurchase"}
	base := optionOf(t, Quote(n, c, testSettings()), "saas/google")
	more := optionOf(t, WhatIf(n, c, testSettings(), Overrides{Users: ptr(50)}), "saas/google")
	if got := more.Components.Seats; !got.Equal(dec("360")) || !more.Monthly.Amount.GreaterThan(base.Monthly.Amount) {
		t.Errorf("50 seats: got %s, want 360 and more than %s", got, base.Monthly.Amount)
	}
	yen := optionOf(t, WhatIf(n, c, testSettings(), Overrides{Currency: ptr("JPY"), HourlyRate: ptr(dec("10000"))}), "saas/google")
	if yen.Monthly.Currency != "JPY" || !yen.LabourMonthly.Amount.Equal(dec("32500")) { // 3.25 h × 10000
		t.Errorf("got %v labour %v, want JPY and 32500", yen.Monthly, yen.LabourMonthly)
	}
	od := optionOf(t, WhatIf(webNeed(), c, testSettings(), Overrides{}), "iaas/aws")
	if r := od.Range; r == nil || r.Low.Amount.GreaterThan(r.Typical.Amount) || r.High.Amount.LessThan(r.Typical.Amount) {
		t.Errorf("got range %+v, want low ≤ typical ≤ high", r)
	}
}

func TestSummarize(t *testing.T) {
	usd := func(s string) Money { return Money{dec(s), "USD"} }
	opt := func(m Model, p, monthly string, rec, complete bool) Option {
		return Option{Model: m, Provider: p, Monthly: usd(monthly), FirstYear: usd(monthly), HorizonTotal: usd(monthly),
			MigrationOneTime: usd("0"), Recommended: rec, Complete: complete}
	}
	w := [][]Option{
		{opt(ModelIaaS, "aws", "100", true, true), opt(ModelIaaS, "gcp", "90", false, true), opt(ModelSaaS, "google", "50", false, true)},
		{opt(ModelIaaS, "aws", "10", false, true), opt(ModelPaaS, "heroku", "20", true, true)},
		{}, // retired
	}
	got := Summarize(w, "USD")
	if iaas := got.ByModel[0]; !iaas.Monthly.Amount.Equal(dec("100")) || !iaas.Complete || iaas.Workloads != 2 {
		t.Errorf("iaas: got %+v, want 90 + 10 over 2 workloads", iaas)
	}
	if paas := got.ByModel[1]; paas.Complete || !slices.Equal(paas.Missing, []string{"workloads[0]"}) {
		t.Errorf("paas: got %+v, want incomplete, workloads[0] missing", paas)
	}
	if !got.Mix.Monthly.Amount.Equal(dec("120")) || !got.Mix.Complete {
		t.Errorf("mix: got %+v, want 100 + 20", got.Mix)
	}
	if len(got.ByProvider) != 4 || got.ByProvider[0].Key != "aws" || !got.ByProvider[0].Monthly.Amount.Equal(dec("110")) {
		t.Errorf("by provider: got %+v, want aws 110 first of 4", got.ByProvider)
	}
}
