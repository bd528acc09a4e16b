package aws

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"cloudadvisor/pricing"
)

func TestParseOfferJSON(t *testing.T) {
	p := mustParse(t, "testdata/offer-ec2-small.json")

	got := p.one(t, "AAAAM5LARGELINUX", pricing.OnDemand)
	want := pricing.Offer{
		Provider: "aws", Service: pricing.Compute, ProviderService: "AmazonEC2", Family: "general_purpose",
		Region: "eu-central-1", SKU: "AAAAM5LARGELINUX", Name: "m5.large", OS: "linux", VCPU: 2, MemoryGiB: 8,
		Attributes: map[string]string{
			"productFamily": "Compute Instance", "operatingSystem": "Linux", "preInstalledSw": "NA",
			"licenseModel": "No License required", "tenancy": "Shared", "capacitystatus": "Used",
			"usagetype": "EUC1-BoxUsage:m5.large", "operation": "RunInstances", "instanceFamily": "General purpose",
			"location": "EU (Frankfurt)", "unit": "Hrs", "offerTermCode": "JRTCKXETXF",
			"rateCode": "AAAAM5LARGELINUX.JRTCKXETXF.6YS6EN2CT7",
		},
		Term: pricing.OnDemand, Unit: pricing.PerHour, Amount: dec("0.115"), Currency: "USD",
		Unbounded: true, AsOf: time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC), Source: "offer-ec2-small.json",
	}
	if diff := cmp.Diff(want, got, decimalEqual); diff != "" {
		t.Errorf("m5.large on demand (-want +got):\n%s", diff)
	}

	checkPrice(t, p.one(t, "AAAAM5LARGELINUX", pricing.Reserved1yPartialUpfront), "0.034", "302", pricing.PerHour, "USD")
	checkPrice(t, p.one(t, "AAAAM5LARGELINUX", pricing.Reserved3yAllUpfront), "0", "1139", pricing.PerHour, "USD")
	checkPrice(t, p.one(t, "FFFFEBSGP3VOLUME", pricing.OnDemand), "0.0952", "0", pricing.PerGBMonth, "USD")

	tests := []struct {
		name    string
		sku     string
		service pricing.Service
		family  string
		os      string
		memGiB  float64
		region  string
	}{
		{"rhel on t3 is burstable linux", "BBBBT3MICRORHEL1", pricing.Compute, "burstable", "linux", 1, "eu-central-1"},
		{"windows sql memory optimized", "CCCCX2IDNWINSQL1", pricing.Compute, "memory_optimized", "windows", 1024, "eu-central-1"},
		{"ebs volume", "FFFFEBSGP3VOLUME", pricing.BlockStorage, pricing.VolumeGeneralSSD, "", 0, "eu-central-1"},
		{"data transfer out", "GGGGDATAOUTINET1", pricing.Egress, "", "", 0, "eu-central-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := p.find(tt.sku, pricing.OnDemand)[0]
			if o.Service != tt.service || o.Family != tt.family || o.OS != tt.os || o.MemoryGiB != tt.memGiB || o.Region != tt.region {
				t.Errorf("got service %s family %q os %q memory %v region %s, want %s %q %q %v %s",
					o.Service, o.Family, o.OS, o.MemoryGiB, o.Region, tt.service, tt.family, tt.os, tt.memGiB, tt.region)
			}
		})
	}
	if got := p.one(t, "BBBBT3MICRORHEL1", pricing.OnDemand).Attributes["tenancy"]; got != "Dedicated" {
		t.Errorf("t3.micro tenancy: got %q, want Dedicated", got)
	}

	type tier struct {
		start, end, price string
		unbounded         bool
	}
	var tiers []tier
	for _, o := range p.find("GGGGDATAOUTINET1", pricing.OnDemand) {
		tiers = append(tiers, tier{o.TierStart.String(), o.TierEnd.String(), o.Amount.String(), o.Unbounded})
	}
	wantTiers := []tier{{"0", "10240", "0.09", false}, {"10240", "51200", "0.085", false}, {"51200", "0", "0.07", true}}
	if diff := cmp.Diff(wantTiers, tiers, cmp.AllowUnexported(tier{})); diff != "" {
		t.Errorf("egress tiers (-want +got):\n%s", diff)
	}

	wantStats := pricing.ImportStats{Products: 6, Prices: 9, Skipped: map[string]int{
		"capacity status UnusedCapacityReservation": 1, "host tenancy (billed as a dedicated host)": 1,
		"convertible reserved term": 1, "product without price terms": 1,
	}}
	if diff := cmp.Diff(wantStats, p.stats); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
}

func TestParseOfferCSV(t *testing.T) {
	p := mustParse(t, "testdata/offer-ec2-small.csv")
	checkPrice(t, p.one(t, "CSVSKUC6ILARGE01", pricing.OnDemand), "0.096", "0", pricing.PerHour, "USD")
	// The upfront row is two lines below its hourly row: grouped per SKU.
	r := p.one(t, "CSVSKUC6ILARGE01", pricing.Reserved1yPartialUpfront)
	checkPrice(t, r, "0.038", "333", pricing.PerHour, "USD")
	if want := time.Date(2025, 9, 12, 0, 0, 0, 0, time.UTC); !r.AsOf.Equal(want) {
		t.Errorf("as of: got %v, want %v", r.AsOf, want)
	}
	w := p.one(t, "CSVSKUT3AWINSQL1", pricing.Reserved1yAllUpfront)
	checkPrice(t, w, "0", "7012", pricing.PerHour, "USD")
	if w.OS != "windows" || w.Family != "burstable" || w.Attributes["preInstalledSw"] != "SQL Std" || w.Region != "ap-northeast-2" {
		t.Errorf("t3a.xlarge: got os %q family %q sw %q region %q, want windows burstable \"SQL Std\" ap-northeast-2",
			w.OS, w.Family, w.Attributes["preInstalledSw"], w.Region)
	}
	wantStats := pricing.ImportStats{Products: 2, Prices: 4, Skipped: map[string]int{
		"convertible reserved term": 1, "host tenancy (billed as a dedicated host)": 1,
	}}
	if diff := cmp.Diff(wantStats, p.stats); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
}

func TestParseSavingsPlanCSV(t *testing.T) {
	p := mustParse(t, "testdata/savingsplan-small.csv")
	o := p.one(t, "DISCM5LARGE0001", pricing.SavingsPlan1y)
	checkPrice(t, o, "0.069", "0", pricing.PerHour, "USD")
	if o.Name != "m5.large" || o.Region != "eu-central-1" || o.OS != "linux" || o.Attributes["savingsPlanSku"] != "SPPLAN1YNOUPFRNT" ||
		o.Attributes["purchaseOption"] != "No Upfront" {
		t.Errorf("got name %q region %q os %q plan %q option %q, want m5.large eu-central-1 linux SPPLAN1YNOUPFRNT \"No Upfront\"",
			o.Name, o.Region, o.OS, o.Attributes["savingsPlanSku"], o.Attributes["purchaseOption"])
	}
	win := p.one(t, "DISCM5LWINDOWS1", pricing.SavingsPlan1y)
	if win.Name != "m5.large" || win.OS != "windows" {
		t.Errorf("windows row: got name %q os %q, want m5.large windows (from the usage type and operation)", win.Name, win.OS)
	}
	three := p.one(t, "DISCM5LARGE0001", pricing.SavingsPlan3y)
	checkPrice(t, three, "0.039", "0", pricing.PerHour, "USD")
	wantStats := pricing.ImportStats{Products: 2, Prices: 3, Skipped: map[string]int{
		"capacity status UnusedCapacityReservation": 1, "unit Lambda-GB-Second has no catalog unit": 1,
	}}
	if diff := cmp.Diff(wantStats, p.stats); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
}

func TestParseGetProductsAndItem(t *testing.T) {
	tests := []struct {
		file      string
		wantSKUs  []string
		wantPrice []string
		wantOS    []string
	}{
		{"testdata/getproducts-small.json", []string{"GPSKUT4GNANO0001", "GPSKUT4GNANO0002"}, []string{"0.0042", "0.0084"}, []string{"linux", "linux"}},
		{"testdata/item-small.json", []string{"GPSKUT4GNANO0001"}, []string{"0.0042"}, []string{"linux"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := mustParse(t, tt.file)
			if len(p.offers) != len(tt.wantSKUs) {
				t.Fatalf("offers: got %d, want %d", len(p.offers), len(tt.wantSKUs))
			}
			for i, sku := range tt.wantSKUs {
				o := p.one(t, sku, pricing.OnDemand)
				checkPrice(t, o, tt.wantPrice[i], "0", pricing.PerHour, "USD")
				// The second item has no regionCode: its location name gives it.
				if o.Region != "us-west-2" || o.OS != tt.wantOS[i] || o.MemoryGiB != 0.5 || o.Family != "burstable" {
					t.Errorf("%s: got region %q os %q memory %v family %q, want us-west-2 %s 0.5 burstable",
						sku, o.Region, o.OS, o.MemoryGiB, o.Family, tt.wantOS[i])
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		file    string
		want    error
		message string // regexp the whole error must match
	}{
		{"bad-unknown-unit.json", ErrUnknownUnit, `^bad-unknown-unit\.json: byte \d+ \(sku BADSKU0000000001\): unknown unit "Furlongs"$`},
		{"bad-negative-price.json", ErrNegativePrice, `^bad-negative-price\.json: byte \d+ \(sku BADSKU0000000001\): negative price -0\.0100000000$`},
		{"bad-unknown-currency.json", ErrUnknownCurrency, `^bad-unknown-currency\.json: byte \d+ \(sku BADSKU0000000001\): unknown currency "XYZ"$`},
		{"bad-truncated.json", ErrMalformed, `^bad-truncated\.json: byte \d+ \(sku BADSKU0000000001\): malformed price list: truncated`},
		{"bad-terms-before-products.json", ErrFormat, `^bad-terms-before-products\.json: byte \d+: not an AWS price list: terms before products$`},
		{"bad-not-an-object.json", ErrFormat, `^bad-not-an-object\.json: byte 0: not an AWS price list`},
		{"bad-savingsplan.json", ErrFormat, `^bad-savingsplan\.json: byte 0: not an AWS price list: a Savings Plan JSON rate file`},
		{"bad-wrong-format.txt", ErrFormat, `^bad-wrong-format\.txt: byte 0: not an AWS price list`},
		{"bad-unknown-unit.csv", ErrUnknownUnit, `^bad-unknown-unit\.csv: line 8 \(sku CSVBADROW0000001\): unknown unit "Furlongs"$`},
		{"bad-negative-price.csv", ErrNegativePrice, `^bad-negative-price\.csv: line 8 \(sku CSVBADROW0000001\): negative price -0\.5$`},
		{"bad-truncated.csv", ErrMalformed, `^bad-truncated\.csv: line 9: malformed price list: `},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := parsePath(t, "testdata/"+tt.file)
			if !errors.Is(p.err, tt.want) {
				t.Fatalf("got error %v, want %v", p.err, tt.want)
			}
			var pe *ParseError
			if !errors.As(p.err, &pe) {
				t.Fatalf("got error type %T, want *ParseError", p.err)
			}
			if !regexp.MustCompile(tt.message).MatchString(p.err.Error()) {
				t.Errorf("got message %q, want it to match %q", p.err, tt.message)
			}
		})
	}
}

func TestParseUnknownUnitOffset(t *testing.T) {
	data, err := os.ReadFile("testdata/bad-unknown-unit.json")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse(strings.NewReader(string(data)), "x.json", func(pricing.Offer) error { return nil })
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("got %v, want a *ParseError", err)
	}
	// The offset points just past the SKU's key in terms.OnDemand.
	key := `"BADSKU0000000001" : {` + "\n        \"BADSKU0000000001.JRTCKXETXF\""
	at := strings.Index(string(data), key)
	if want := int64(at + len(`"BADSKU0000000001"`)); pe.Offset != want {
		t.Errorf("offset: got %d, want %d", pe.Offset, want)
	}
}

func TestParseSinkError(t *testing.T) {
	stop := errors.New("store full")
	f, err := os.Open("testdata/offer-ec2-small.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	_, err = Parse(f, "offer.json", func(pricing.Offer) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("got error %v after %d offers, want %v after 1", err, n, stop)
	}
}

// TestParseStreams cuts a generated offer file in half: offers read before
// the cut reach the sink, then the truncation is reported.
func TestParseStreams(t *testing.T) {
	path, _ := writeOffer(t, t.TempDir(), 2_000_000)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	_, err = Parse(io.LimitReader(strings.NewReader(string(data)), int64(len(data)*3/4)), "cut.json",
		func(pricing.Offer) error { n++; return nil })
	if !errors.Is(err, ErrMalformed) {
		t.Errorf("got error %v, want %v", err, ErrMalformed)
	}
	if n == 0 {
		t.Errorf("got 0 offers before the cut, want some")
	}
}

// TestParseGenerated checks every term of a generated file is either
// emitted or counted as skipped.
func TestParseGenerated(t *testing.T) {
	path, gen := writeOffer(t, t.TempDir(), 3_000_000)
	p := mustParse(t, path)
	if got, want := p.stats.Prices+p.stats.SkippedTotal(), gen.OnDemandTerms+gen.ReservedTerms; got != want {
		t.Errorf("prices + skipped: got %d, want %d terms (%s)", got, want, p.stats)
	}
	if p.stats.Prices == 0 || p.stats.Skipped["convertible reserved term"] != gen.ReservedTerms/2 {
		t.Errorf("got %s, want prices and %d convertible terms skipped", p.stats, gen.ReservedTerms/2)
	}
}

// FuzzParse checks no input makes Parse panic or send an invalid offer.
func FuzzParse(f *testing.F) {
	files, err := filepath.Glob("testdata/*.*")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Parse(strings.NewReader(string(data)), "fuzz", func(o pricing.Offer) error {
			if err := o.Validate(); err != nil {
				t.Fatalf("invalid offer sent: %v", err)
			}
			return nil
		})
	})
}
