package defaults_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/defaults"
	"cloudadvisor/pricing/provenance"
	"cloudadvisor/pricing/refresh"
	"cloudadvisor/pricing/sheet"
)

// geographies are the questionnaire's geographies (pricing/regions.go).
var geographies = []string{"us-east", "us-west", "eu-west", "eu-central", "asia-seoul", "asia-tokyo", "asia-singapore"}

// loaded is one offer with the sheet it came from.
type loaded struct {
	file string
	pricing.Offer
}

func loadAll(tb testing.TB) []loaded {
	tb.Helper()
	var all []loaded
	for _, s := range defaults.Sheets() {
		err := sheet.Parse(bytes.NewReader(s.Data), func(o pricing.Offer) error {
			all = append(all, loaded{s.Name, o})
			return nil
		})
		if err != nil {
			tb.Fatalf("parse %s: %v", s.Name, err)
		}
	}
	return all
}

func TestSheetsParse(t *testing.T) {
	sheets := defaults.Sheets()
	if len(sheets) == 0 {
		t.Fatal("no embedded sheets")
	}
	for _, s := range sheets {
		t.Run(s.Name, func(t *testing.T) {
			n := 0
			err := sheet.Parse(bytes.NewReader(s.Data), func(o pricing.Offer) error {
				n++
				if o.Source == "" || o.AsOf.IsZero() {
					return fmt.Errorf("%s %s: source %q as_of %v, want both", o.Provider, o.SKU, o.Source, o.AsOf)
				}
				if !strings.HasPrefix(o.Source, "https://") {
					return fmt.Errorf("%s %s: source %q is not an address", o.Provider, o.SKU, o.Source)
				}
				return o.Validate()
			})
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if n == 0 {
				t.Errorf("got 0 rows, want some")
			}
			t.Logf("%s: %d rows", s.Name, n)
		})
	}
}

func TestNoDuplicateRows(t *testing.T) {
	seen := map[string]string{}
	for _, o := range loadAll(t) {
		k := strings.Join([]string{o.Provider, o.Region, o.SKU, string(o.Term), o.TierStart.String()}, "|")
		if prev, ok := seen[k]; ok {
			t.Errorf("duplicate (provider, region, sku, term, tier_start) %s in %s and %s", k, prev, o.file)
		}
		seen[k] = o.file
	}
}

// knownGaps lists, per "provider geography requirement", what the default
// catalog lacks because no published figure with a source and date was found.
// The coverage test fails both when a requirement is missing and not listed
// here and when a listed gap has been filled (so the list stays true).
var knownGaps = map[string]string{}

// cloudSQLGap is why Cloud SQL is a gap outside Tokyo.
const cloudSQLGap = "no dated Cloud SQL price for this region: the one extraction of cloud.google.com/sql/pricing found " +
	"holds asia-northeast1 only, the public Cloud Billing exports hold Compute Engine and Cloud Storage only, and no " +
	"Cloud SQL Catalog API response is public (other sourced rates are for us-central1)"

func init() {
	gap := func(provider, what, reason string, geos ...string) {
		for _, g := range geos {
			knownGaps[provider+" "+g+" "+what] = reason
		}
	}
	all := geographies
	gap("gcp", "paas", "no dated Google App Engine price (standard instance classes or flexible vCPU / GiB-hour) was found from Google or a dataset citing it: the public Cloud Billing exports hold Compute Engine and Cloud Storage only, and no App Engine Catalog API response or extraction of its pricing page is public", all...)
	gap("azure", "paas", "no dated App Service plan price for germanywestcentral (Retail Prices API captures found for eastus, westus2, northeurope, southeastasia and japaneast; a third-party changelog for koreacentral)",
		"eu-central")
	gap("azure", "managed_sqlserver", "no dated Azure SQL Database price for germanywestcentral (General Purpose Gen5 captured for eastus, westus2, northeurope, southeastasia, japaneast and, 2 vCore only, koreacentral)",
		"eu-central")
	gap("gcp", "managed_sqlserver", "no dated Cloud SQL for SQL Server vCPU and memory price found (the 2023-10-30 Compute Engine billing export lists only the SQL Server licence fees for Cloud SQL, which alone do not price an instance)", all...)
	gap("gcp", "managed_postgresql", cloudSQLGap,
		"us-east", "us-west", "eu-west", "eu-central", "asia-seoul", "asia-singapore")
	gap("gcp", "managed_mysql", cloudSQLGap,
		"us-east", "us-west", "eu-west", "eu-central", "asia-seoul", "asia-singapore")
}

func TestCoverage(t *testing.T) {
	all := loadAll(t)
	has := func(provider, region string, ok func(loaded) bool) bool {
		for _, o := range all {
			if o.Provider == provider && o.Region == region && ok(o) {
				return true
			}
		}
		return false
	}
	onDemand := func(o loaded) bool { return o.Term == pricing.OnDemand }
	checks := []struct {
		what      string
		providers []string
		ok        func(loaded) bool
	}{
		{"linux", []string{"aws", "azure", "gcp", "digitalocean"}, func(o loaded) bool {
			return onDemand(o) && o.Service == pricing.Compute && o.OS == "linux" && o.VCPU >= 2
		}},
		// A small shared-core or burstable size for light workloads.
		{"burstable", []string{"aws", "azure", "gcp", "digitalocean"}, func(o loaded) bool {
			return onDemand(o) && o.Service == pricing.Compute && o.OS == "linux" && o.Family == "burstable"
		}},
		{"windows", []string{"aws", "azure", "gcp"}, func(o loaded) bool {
			return onDemand(o) && o.Service == pricing.Compute && o.OS == "windows"
		}},
		// A general-purpose SSD volume the cost model can price (per GB or per disk).
		{"block_storage", []string{"aws", "azure", "gcp", "digitalocean"}, func(o loaded) bool {
			return onDemand(o) && pricing.IsVolume(o.Offer)
		}},
		{"egress", []string{"aws", "azure", "gcp", "digitalocean"}, func(o loaded) bool {
			return onDemand(o) && o.Service == pricing.Egress && o.Unit == pricing.PerGB
		}},
		// A managed database instance of each engine (compute; storage is priced apart).
		{"managed_postgresql", []string{"aws", "azure", "gcp", "digitalocean"}, managed("postgresql")},
		{"managed_mysql", []string{"aws", "azure", "gcp", "digitalocean"}, managed("mysql")},
		// A platform plan (Elastic Beanstalk, App Service, App Engine, Heroku dynos).
		{"paas", []string{"aws", "azure", "gcp", "heroku"}, func(o loaded) bool {
			return onDemand(o) && o.Service == pricing.PaaS
		}},
		// The load balancer an Elastic Beanstalk environment runs behind.
		{"load_balancer", []string{"aws"}, func(o loaded) bool {
			return onDemand(o) && o.Service == pricing.Other && o.Attributes["kind"] == "load_balancer"
		}},
		// DigitalOcean offers no SQL Server.
		{"managed_sqlserver", []string{"aws", "azure", "gcp"}, managed("sqlserver")},
	}
	var missing []string
	table := map[string]string{} // "provider what" + geography -> cell
	for _, g := range geographies {
		for _, c := range checks {
			for _, p := range c.providers {
				region, _ := pricing.Region(g, p)
				key := p + " " + g + " " + c.what
				got := has(p, region, c.ok)
				reason, isGap := knownGaps[key]
				table[p+" "+c.what+"|"+g] = rangeCell(all, p, region, c.ok)
				t.Run(key, func(t *testing.T) {
					switch {
					case !got && !isGap:
						t.Errorf("%s (%s): no offer, want one or a knownGaps entry", key, region)
					case got && isGap:
						t.Errorf("%s (%s): offer present but listed as a known gap (%s): remove the entry", key, region, reason)
					case !got:
						missing = append(missing, key)
						table[p+" "+c.what+"|"+g] = "**gap**"
					}
				})
			}
		}
	}
	sort.Strings(missing)
	t.Logf("%d known gaps: %s", len(missing), strings.Join(missing, "; "))

	// COVERAGE.md shows users the same table; -update rewrites it.
	var b strings.Builder
	b.WriteString("# Coverage of the embedded default catalog\n\n" +
		"Generated by `go test ./pricing/defaults -run TestCoverage -update` from the sheets in this folder.\n" +
		"Each cell gives, for the geography's region of that provider, the smallest and largest size with an on-demand\n" +
		"price for the need (vCPU, GiB where the price states it) and the committed terms priced for those products (1y/3y reserved or committed use:\n" +
		"no, partial or all upfront; sp = savings plan; * = for some of the products only as an estimate from a sourced ratio, see the rows' basis);\n" +
		"\"yes\" where size does not apply. A gap is a price no public source with a date was found for: quotes show it\n" +
		"as missing, never as zero.\n\n")
	b.WriteString("| provider and need |")
	for _, g := range geographies {
		region := ""
		for _, p := range []string{"aws", "azure", "gcp", "digitalocean"} {
			r, _ := pricing.Region(g, p)
			region += " " + r
		}
		fmt.Fprintf(&b, " %s (%s) |", g, strings.TrimSpace(region))
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(geographies)) + "\n")
	for _, c := range checks {
		for _, p := range c.providers {
			fmt.Fprintf(&b, "| %s %s |", p, strings.ReplaceAll(c.what, "_", " "))
			for _, g := range geographies {
				fmt.Fprintf(&b, " %s |", table[p+" "+c.what+"|"+g])
			}
			b.WriteString("\n")
		}
	}
	fmt.Fprintf(&b, "\n## %d gaps and why\n\n", len(missing))
	for _, k := range missing {
		fmt.Fprintf(&b, "- %s: %s\n", k, knownGaps[k])
	}
	writeKinds(&b, all)
	b.WriteString("\n## What the refresh does not update\n\n- digitalocean managed databases: " +
		refresh.DigitalOceanDatabasesNote + ".\n")
	if *update {
		if err := os.WriteFile("COVERAGE.md", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if want, err := os.ReadFile("COVERAGE.md"); err != nil || string(want) != b.String() {
		t.Errorf("COVERAGE.md is out of date (err %v): run go test ./pricing/defaults -run TestCoverage -update", err)
	}
}

// writeKinds writes COVERAGE.md's table of rows by kind of source, per
// provider and in all (see package provenance for the kinds).
func writeKinds(b *strings.Builder, all []loaded) {
	count := map[string]map[provenance.Kind]int{}
	for _, o := range all {
		for _, p := range []string{o.Provider, "all"} {
			if count[p] == nil {
				count[p] = map[provenance.Kind]int{}
			}
			count[p][provenance.Of(o.Offer)]++
		}
	}
	b.WriteString("\n## Where the prices come from\n\nRows by kind of source (provider_api: the provider's own price API or file; " +
		"provider_page: its own web page; derived_dataset: a maintained, dated dataset built from the providers' own files; " +
		"third_party: anything else, flagged on screen and in every export).\n\n| provider |")
	for _, k := range provenance.Kinds {
		fmt.Fprintf(b, " %s |", k)
	}
	b.WriteString(" rows |\n|---|" + strings.Repeat("---|", len(provenance.Kinds)+1) + "\n")
	providers := make([]string, 0, len(count))
	for p := range count {
		if p != "all" {
			providers = append(providers, p)
		}
	}
	sort.Strings(providers)
	for _, p := range append(providers, "all") {
		total := 0
		for _, n := range count[p] {
			total += n
		}
		fmt.Fprintf(b, "| %s |", p)
		for _, k := range provenance.Kinds {
			fmt.Fprintf(b, " %d (%.1f%%) |", count[p][k], 100*float64(count[p][k])/float64(total))
		}
		fmt.Fprintf(b, " %d |\n", total)
	}
}

var update = flag.Bool("update", false, "rewrite COVERAGE.md")

// rangeCell is a coverage cell: the size range of the on-demand offers that
// meet the need and the committed terms priced for the same products.
func rangeCell(all []loaded, provider, region string, ok func(loaded) bool) string {
	type key struct{ name, engine string }
	products := map[key]bool{}
	sourcedOD := false
	minV, maxV, minM, maxM := 0.0, 0.0, 0.0, 0.0
	for _, o := range all {
		if o.Provider != provider || o.Region != region || !ok(o) {
			continue
		}
		products[key{o.Name, o.Attributes["engine"]}] = true
		sourcedOD = sourcedOD || o.Attributes["estimate"] != "true"
		if o.VCPU > 0 && (minV == 0 || o.VCPU < minV) {
			minV = o.VCPU
		}
		maxV = max(maxV, o.VCPU)
		if o.MemoryGiB > 0 && (minM == 0 || o.MemoryGiB < minM) {
			minM = o.MemoryGiB
		}
		maxM = max(maxM, o.MemoryGiB)
	}
	if len(products) == 0 {
		return "**gap**"
	}
	if maxV == 0 && maxM == 0 {
		if !sourcedOD {
			return "estimate only*"
		}
		return "yes"
	}
	sourced, estimated := map[pricing.Term]bool{}, map[pricing.Term]bool{}
	for _, o := range all {
		if o.Provider != provider || o.Region != region || o.Term.Months() == 0 || !products[key{o.Name, o.Attributes["engine"]}] {
			continue
		}
		if !ok(loaded{Offer: withTerm(o.Offer)}) {
			continue
		}
		if o.Attributes["estimate"] == "true" {
			estimated[o.Term] = true
		} else {
			sourced[o.Term] = true
		}
	}
	short := map[pricing.Term]string{pricing.Reserved1yNoUpfront: "1y no", pricing.Reserved1yPartialUpfront: "1y partial",
		pricing.Reserved1yAllUpfront: "1y all", pricing.Reserved3yNoUpfront: "3y no", pricing.Reserved3yPartialUpfront: "3y partial",
		pricing.Reserved3yAllUpfront: "3y all", pricing.SavingsPlan1y: "sp 1y", pricing.SavingsPlan3y: "sp 3y"}
	var terms []string
	for _, t := range pricing.Terms {
		switch {
		case estimated[t]:
			terms = append(terms, short[t]+"*")
		case sourced[t]:
			terms = append(terms, short[t])
		}
	}
	var parts []string
	if maxV > 0 {
		parts = append(parts, fmt.Sprintf("%s–%s vCPU", num(minV), num(maxV)))
	}
	if maxM > 0 {
		parts = append(parts, fmt.Sprintf("%s–%s GiB", num(minM), num(maxM)))
	}
	cell := strings.Join(parts, ", ")
	if !sourcedOD {
		cell += " (estimate only*)"
	}
	if len(terms) == 0 {
		return cell + "; on demand only"
	}
	return cell + "; " + strings.Join(terms, ", ")
}

// withTerm is the offer as on demand, to test it against an on-demand need.
func withTerm(o pricing.Offer) pricing.Offer { o.Term = pricing.OnDemand; return o }

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// managed matches an on-demand managed database instance of the engine.
func managed(engine string) func(loaded) bool {
	return func(o loaded) bool {
		return o.Term == pricing.OnDemand && o.Service == pricing.Database && o.HasAttr("engine", engine) && o.Unit != pricing.PerGBMonth
	}
}

// TestComputeFits checks that every geography has, per provider with any
// Linux compute there, a size for 16 vCPU and one with at least 64 GiB.
func TestComputeFits(t *testing.T) {
	all := loadAll(t)
	for _, g := range geographies {
		for _, p := range []string{"aws", "gcp", "digitalocean"} {
			region, _ := pricing.Region(g, p)
			t.Run(p+" "+g, func(t *testing.T) {
				var maxCPU, maxMem float64
				for _, o := range all {
					if o.Provider == p && o.Region == region && o.Service == pricing.Compute && o.OS == "linux" && o.Term == pricing.OnDemand {
						maxCPU, maxMem = max(maxCPU, o.VCPU), max(maxMem, o.MemoryGiB)
					}
				}
				if maxCPU < 16 || maxMem < 128 {
					t.Errorf("largest Linux size in %s: %v vCPU, %v GiB; want >= 16 vCPU and >= 128 GiB", region, maxCPU, maxMem)
				}
			})
		}
	}
}

func TestSaaSKinds(t *testing.T) {
	all := loadAll(t)
	gaps := map[string]bool{}
	for _, kind := range []string{"email_collaboration", "crm", "file_sharing", "monitoring", "dev_tools"} {
		t.Run(kind, func(t *testing.T) {
			n := 0
			for _, o := range all {
				if o.Service != pricing.SaaS {
					continue
				}
				if o.Region != "global" {
					t.Errorf("%s %s: region %q, want global", o.Provider, o.SKU, o.Region)
				}
				for _, k := range strings.Split(o.Attributes["kinds"], ",") {
					if k == kind {
						n++
					}
				}
			}
			switch {
			case n == 0 && !gaps[kind]:
				t.Errorf("no SaaS plan serves %s", kind)
			case n > 0 && gaps[kind]:
				t.Errorf("%s is listed as a gap but %d plans serve it: remove the gap", kind, n)
			}
		})
	}
	for _, o := range all {
		if o.Service != pricing.SaaS {
			continue
		}
		for _, attr := range []string{"kinds", "tier"} {
			if o.Attributes[attr] == "" {
				t.Errorf("%s %s: attribute %s missing", o.Provider, o.SKU, attr)
			}
		}
	}
}

// TestTiersAreContiguous checks that the tiers of every tiered SKU start at
// zero and follow on without gap or overlap, the last one open-ended where
// the source prices the rest: a tier under another SKU would never be used.
func TestTiersAreContiguous(t *testing.T) {
	bySKU := map[string][]pricing.Offer{}
	for _, o := range loadAll(t) {
		if !o.TierStart.IsZero() || !o.Unbounded {
			k := o.Provider + " " + o.Region + " " + o.SKU + " " + string(o.Term)
			bySKU[k] = append(bySKU[k], o.Offer)
		}
	}
	for k, tiers := range bySKU {
		sort.Slice(tiers, func(i, j int) bool { return tiers[i].TierStart.LessThan(tiers[j].TierStart) })
		if !tiers[0].TierStart.IsZero() {
			t.Errorf("%s: first tier starts at %s, want 0", k, tiers[0].TierStart)
		}
		for i := 1; i < len(tiers); i++ {
			if prev := tiers[i-1]; prev.Unbounded || !prev.TierEnd.Equal(tiers[i].TierStart) {
				t.Errorf("%s: tier ending %s (open %v) is followed by one starting %s", k, prev.TierEnd, prev.Unbounded, tiers[i].TierStart)
			}
		}
	}
}

// TestAzureEgressTiers quotes internet egress on the embedded catalog:
// 500 GB a month from eastus is 100 GB free and 400 GB at $0.087.
func TestAzureEgressTiers(t *testing.T) {
	var offers []pricing.Offer
	for _, o := range loadAll(t) {
		offers = append(offers, o.Offer)
	}
	c := pricing.NewCatalog(offers)
	n := pricing.Need{Kind: "other", Instances: 1, VCPU: 2, MemoryGiB: 8, OS: "linux", EgressGBMonth: 500, Strategy: "rehost"}
	s := pricing.Settings{Geography: "us-east", HorizonYears: 1, Currency: "USD"}
	for _, o := range pricing.Quote(n, c, s) {
		if o.Model != pricing.ModelIaaS || o.Provider != "azure" {
			continue
		}
		if got := o.Components.Network; !got.Equal(decimal.RequireFromString("34.8")) {
			t.Errorf("azure eastus egress for 500 GB: %s a month, want 34.8 (400 GB x 0.087)", got)
		}
		return
	}
	t.Fatal("no azure IaaS option")
}
