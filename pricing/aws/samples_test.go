package aws

import (
	"cloudadvisor/internal/samples"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"cloudadvisor/pricing"
)

// samplesDir holds real AWS files shared by the project; they are read in
// place and never copied into the repository.
const samplesDir = "../../../shared/pricing-samples/aws"

// sample returns the path of a real sample file, skipping the test when the
// shared samples are not there.
func sample(tb testing.TB, name string) string {
	tb.Helper()
	path := filepath.Join(samplesDir, name)
	if _, err := os.Stat(path); err != nil {
		samples.Missing(tb, "real AWS samples not available: "+err.Error())
	}
	return path
}

func TestSampleGetProductsResponse(t *testing.T) {
	path := sample(t, "getproducts-response-ec2-piops-ap-southeast-1-awscli-example.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var resp struct {
		FormatVersion, NextToken string
		PriceList                []string
	}
	if err := json.Unmarshal(raw, &resp); err != nil {
		t.Fatal(err)
	}
	if resp.FormatVersion != "aws_v1" || !strings.HasPrefix(resp.NextToken, "WGDY7ko8fQXdlaUZVdasFQ==:") || len(resp.PriceList) != 1 {
		t.Fatalf("got format %q, token %.30q, %d items, want aws_v1, WGDY7ko8fQXdlaUZVdasFQ==:..., 1", resp.FormatVersion, resp.NextToken, len(resp.PriceList))
	}
	p := mustParse(t, path)
	o := p.one(t, "3MKHN58N7RDDVGKJ", pricing.OnDemand)
	checkPrice(t, o, "0.1380000000", "0", pricing.PerGBMonth, "USD")
	want := map[string]string{
		"productFamily": "Storage", "usagetype": "APS1-EBS:VolumeUsage.piops", "unit": "GB-Mo",
		"rateCode": "3MKHN58N7RDDVGKJ.JRTCKXETXF.6YS6EN2CT7",
	}
	for k, v := range want {
		if o.Attributes[k] != v {
			t.Errorf("attribute %s: got %q, want %q", k, o.Attributes[k], v)
		}
	}
	if o.Region != "ap-southeast-1" || o.Service != pricing.BlockStorage || !o.AsOf.Equal(time.Date(2018, 8, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("got region %q service %s as of %v, want ap-southeast-1 block_storage 2018-08-01", o.Region, o.Service, o.AsOf)
	}
}

func TestSampleGetProductsItemM5Large(t *testing.T) {
	p := mustParse(t, sample(t, "getproducts-item-ec2-m5.large-us-east-1.json"))
	const sku = "6C86BEPQVG73ZGGR"
	od := p.one(t, sku, pricing.OnDemand)
	checkPrice(t, od, "0.0960000000", "0", pricing.PerHour, "USD")
	if od.Name != "m5.large" || od.Region != "us-east-1" || od.OS != "linux" || od.VCPU != 2 || od.MemoryGiB != 8 ||
		od.Family != "general_purpose" || od.Service != pricing.Compute {
		t.Errorf("got %s %s %s vcpu %v memory %v %s %s, want m5.large us-east-1 linux 2 8 general_purpose compute",
			od.Name, od.Region, od.OS, od.VCPU, od.MemoryGiB, od.Family, od.Service)
	}
	wantAttrs := map[string]string{"operatingSystem": "Linux", "tenancy": "Shared", "usagetype": "BoxUsage:m5.large",
		"capacitystatus": "Used", "preInstalledSw": "NA"}
	for k, v := range wantAttrs {
		if od.Attributes[k] != v {
			t.Errorf("attribute %s: got %q, want %q", k, od.Attributes[k], v)
		}
	}
	tests := []struct {
		term            pricing.Term
		code            string
		amount, upfront string
	}{
		{pricing.Reserved1yNoUpfront, "4NA7Y494T4", "0.06", "0"},
		{pricing.Reserved1yPartialUpfront, "HU7G6KETJZ", "0.029", "252"},
		{pricing.Reserved1yAllUpfront, "6QCMYABX3D", "0", "494"},
		{pricing.Reserved3yNoUpfront, "BPH4J8HBKS", "0.041", "0"},
		{pricing.Reserved3yPartialUpfront, "38NPMPTW36", "0.019", "505"},
		{pricing.Reserved3yAllUpfront, "NQ3QZPMQV9", "0", "949"},
	}
	for _, tt := range tests {
		t.Run(string(tt.term), func(t *testing.T) {
			o := p.one(t, sku, tt.term)
			checkPrice(t, o, tt.amount, tt.upfront, pricing.PerHour, "USD")
			if o.Attributes["offerTermCode"] != tt.code {
				t.Errorf("offer term code: got %s, want %s", o.Attributes["offerTermCode"], tt.code)
			}
		})
	}
	// 12 reserved terms: 6 standard kept, 6 convertible (7NE97W5U4E,
	// MZU6U2429S, ...) skipped.
	wantStats := pricing.ImportStats{Products: 1, Prices: 7, Skipped: map[string]int{"convertible reserved term": 6}}
	if diff := cmp.Diff(wantStats, p.stats); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
}

func TestSampleOfferCSV(t *testing.T) {
	path := sample(t, "offer-AmazonEC2-global-sample.csv")
	rows, upfronts, onDemand, reserved := csvCounts(t, path)
	if rows != 44 || onDemand != 14 || reserved != 30 {
		t.Fatalf("sample rows: got %d (%d OnDemand, %d Reserved), want 44 (14, 30)", rows, onDemand, reserved)
	}
	p := mustParse(t, path)
	// Every term (an upfront row joins its hourly row) is priced or skipped.
	if got, want := p.stats.Prices+p.stats.SkippedTotal(), rows-upfronts; got != want {
		t.Errorf("prices + skipped: got %d, want %d terms (%s)", got, want, p.stats)
	}
	rhel := p.one(t, "2223RRAP6Z3VBN3N", pricing.OnDemand)
	checkPrice(t, rhel, "0.6340000000", "0", pricing.PerHour, "USD")
	if rhel.Region != "us-east-1" || rhel.Name != "c5d.2xlarge" || rhel.OS != "linux" ||
		rhel.Attributes["operatingSystem"] != "RHEL" || rhel.Attributes["preInstalledSw"] != "SQL Web" || rhel.Attributes["tenancy"] != "Shared" {
		t.Errorf("got %s %s %s %q %q %q, want us-east-1 c5d.2xlarge linux RHEL \"SQL Web\" Shared", rhel.Region, rhel.Name, rhel.OS,
			rhel.Attributes["operatingSystem"], rhel.Attributes["preInstalledSw"], rhel.Attributes["tenancy"])
	}
	const win = "2223B6PCG6QAUYY6"
	od := p.one(t, win, pricing.OnDemand)
	checkPrice(t, od, "0.2773000000", "0", pricing.PerHour, "USD")
	if od.Region != "ap-northeast-1" || od.Name != "c6i.large" || od.OS != "windows" || od.Attributes["tenancy"] != "Dedicated" {
		t.Errorf("got %s %s %s %s, want ap-northeast-1 c6i.large windows Dedicated", od.Region, od.Name, od.OS, od.Attributes["tenancy"])
	}
	r := p.one(t, win, pricing.Reserved3yPartialUpfront)
	checkPrice(t, r, "0.1046300000", "2750", pricing.PerHour, "USD")
	if r.Attributes["offeringClass"] != "standard" {
		t.Errorf("offering class: got %q, want standard", r.Attributes["offeringClass"])
	}
	for _, reason := range []string{"convertible reserved term", "host tenancy (billed as a dedicated host)",
		"capacity status UnusedCapacityReservation", "capacity status AllocatedCapacityReservation"} {
		if p.stats.Skipped[reason] == 0 {
			t.Errorf("skipped %q: got 0, want some (%s)", reason, p.stats)
		}
	}
}

// csvCounts counts the data rows of a price CSV by term type.
func csvCounts(tb testing.TB, path string) (rows, upfronts, onDemand, reserved int) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	hdr := recs[5]
	tt, unit := slices.Index(hdr, "TermType"), slices.Index(hdr, "Unit")
	for _, rec := range recs[6:] {
		rows++
		switch rec[tt] {
		case "OnDemand":
			onDemand++
		case "Reserved":
			reserved++
		}
		if rec[unit] == "Quantity" {
			upfronts++
		}
	}
	return rows, upfronts, onDemand, reserved
}

func TestSampleSavingsPlanCSV(t *testing.T) {
	p := mustParse(t, sample(t, "savingsplan-AWSComputeSavingsPlan-ap-east-2-sample.csv"))
	if got := p.stats.Prices + p.stats.SkippedTotal(); got != 44 {
		t.Errorf("prices + skipped: got %d, want 44 rows (%s)", got, p.stats)
	}
	for _, o := range p.offers {
		if o.Term != pricing.SavingsPlan3y || o.Attributes["purchaseOption"] != "Partial Upfront" || o.Region != "ap-east-2" {
			t.Fatalf("%s: got %s %q %s, want savings_plan_3y \"Partial Upfront\" ap-east-2", o.SKU, o.Term, o.Attributes["purchaseOption"], o.Region)
		}
	}
	first := p.offers[0]
	checkPrice(t, first, "0.0425", "0", pricing.PerHour, "USD")
	if first.SKU != "23PWZ6X8AQE4NKNR" || first.Name != "r7g.medium" || first.Attributes["savingsPlanSku"] != "2JT7C3ZD2AXA73Q4" ||
		first.Attributes["usagetype"] != "APE2-DedicatedUsage:r7g.medium" {
		t.Errorf("first row: got sku %s name %s plan %s usage %s, want 23PWZ6X8AQE4NKNR r7g.medium 2JT7C3ZD2AXA73Q4 APE2-DedicatedUsage:r7g.medium",
			first.SKU, first.Name, first.Attributes["savingsPlanSku"], first.Attributes["usagetype"])
	}
}

func TestSampleFargate(t *testing.T) {
	p := mustParse(t, sample(t, "offer-AmazonECS-us-east-1-fargate.json"))
	tests := []struct {
		sku     string
		amount  string
		unit    string // original unit
		service pricing.Service
	}{
		{"8CESGAFWKAJ98PME", "0.0404800000", "hours", pricing.Container},
		{"PBZNQUSEXZUC34C9", "0.0044450000", "hours", pricing.Container},
		{"XSZATS4VYMDC9CYN", "0.0323800000", "hours", pricing.Container},
		{"UNH9KPQP7W7C66C9", "0.0035600000", "hours", pricing.Container},
		{"RF2BUTAD289DREDC", "0.0465520000", "hours", pricing.Container},
		{"9D3ZWXRS2VXMZET6", "0.0460000000", "hours", pricing.License},
		{"8QDMJPGQCM368Z6X", "0.0051117500", "hours", pricing.Container},
		{"7KPDPTDSCT4J3Z64", "0.0001110000", "GB-Hours", pricing.Container},
		{"WTG8RAG79KP7K3N8", "0.0102500000", "hours", pricing.Other},
		{"DQ8NT47B7YY2CGC5", "0", "vCPU-Hours", pricing.Other},
	}
	for _, tt := range tests {
		t.Run(tt.sku, func(t *testing.T) {
			o := p.one(t, tt.sku, pricing.OnDemand)
			checkPrice(t, o, tt.amount, "0", pricing.PerHour, "USD")
			if o.Attributes["unit"] != tt.unit || o.Service != tt.service || o.Region != "us-east-1" || o.ProviderService != "AmazonECS" {
				t.Errorf("got unit %q service %s region %s %s, want %q %s us-east-1 AmazonECS",
					o.Attributes["unit"], o.Service, o.Region, o.ProviderService, tt.unit, tt.service)
			}
		})
	}
	if got := p.one(t, "8CESGAFWKAJ98PME", pricing.OnDemand).Attributes["usagetype"]; got != "USE1-Fargate-vCPU-Hours:perCPU" {
		t.Errorf("usagetype: got %q, want USE1-Fargate-vCPU-Hours:perCPU", got)
	}
	tiers := p.find("VUZADW4HBG7NT6R7", pricing.OnDemand)
	if len(tiers) != 2 || !tiers[0].Amount.IsZero() || !tiers[0].TierEnd.Equal(dec("2200")) || tiers[0].Unbounded ||
		!tiers[1].Amount.Equal(dec("0.01025")) || !tiers[1].TierStart.Equal(dec("2200")) || !tiers[1].Unbounded {
		t.Errorf("ECS Anywhere tiers: got %+v, want 0-2200 at 0 and 2200-Inf at 0.01025", tiers)
	}
	wantStats := pricing.ImportStats{Products: 12, Prices: 13}
	if diff := cmp.Diff(wantStats, p.stats); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
}

func TestSampleP4dSlice(t *testing.T) {
	p := mustParse(t, sample(t, "offer-AmazonEC2-us-east-1-p4d-slice-opencost.json"))
	o := p.one(t, "H7NGEAC6UEHNTKSJ", pricing.OnDemand)
	checkPrice(t, o, "32.7726000000", "0", pricing.PerHour, "USD")
	if o.Family != "gpu" || o.MemoryGiB != 1152 || o.VCPU != 96 || o.Attributes["gpu"] != "8" || o.Name != "p4d.24xlarge" {
		t.Errorf("got family %s memory %v vcpu %v gpu %q name %s, want gpu 1152 96 8 p4d.24xlarge", o.Family, o.MemoryGiB, o.VCPU, o.Attributes["gpu"], o.Name)
	}
	// YSXJGN78QTXNVGDQ is the Capacity Block variant at 0.0000000000.
	if got := p.find("YSXJGN78QTXNVGDQ", pricing.OnDemand); len(got) != 0 {
		t.Errorf("capacity block offers: got %d, want 0 (skipped)", len(got))
	}
	if p.stats.Skipped["capacity block"] != 1 {
		t.Errorf("skipped: got %v, want one capacity block", p.stats.Skipped)
	}
}

func TestSampleChinaGp3(t *testing.T) {
	p := mustParse(t, sample(t, "offer-AmazonEC2-cn-northwest-1-gp3-slice-opencost.json"))
	o := p.one(t, "R83VXG9NAPDASEGN", pricing.OnDemand)
	checkPrice(t, o, "0.5312000000", "0", pricing.PerGBMonth, "CNY")
	if o.Region != "cn-northwest-1" || o.Attributes["offerTermCode"] != "5Y9WH78GDR" || o.Service != pricing.BlockStorage {
		t.Errorf("got region %s term code %s service %s, want cn-northwest-1 5Y9WH78GDR block_storage", o.Region, o.Attributes["offerTermCode"], o.Service)
	}
}

// TestSampleIndexesAreNotPrices checks Parse refuses index files by name.
func TestSampleIndexesAreNotPrices(t *testing.T) {
	for _, name := range []string{"offer-index-aws-index.json", "offer-version-index-AmazonEC2.json",
		"region-index-AmazonEC2.json", "savingsplan-region-index-AWSComputeSavingsPlan.json"} {
		t.Run(name, func(t *testing.T) {
			p := parsePath(t, sample(t, name))
			if p.err == nil || !strings.Contains(p.err.Error(), "index file") {
				t.Errorf("got error %v, want an index file error", p.err)
			}
		})
	}
}
