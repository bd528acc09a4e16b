package ncp_test

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/ncp"
)

// The fixture is NOT a real NCP response: it is written from the documented
// structure of getProductPriceList (no real response was available), and
// says so in its "_fixture" field.
const fixture = "testdata/getproductpricelist.json"

func parseFile(tb testing.TB, path string) ([]pricing.Offer, pricing.ImportStats) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var got []pricing.Offer
	st, err := ncp.Entry.Import(bufio.NewReader(f), pricing.ImportSource{Name: path, AsOf: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)},
		func(o pricing.Offer) error { got = append(got, o); return nil })
	if err != nil {
		tb.Fatalf("parse %s: %v", path, err)
	}
	return got, st
}

func TestParseDocumentedShape(t *testing.T) {
	offers, st := parseFile(t, fixture)
	byService := map[pricing.Service]pricing.Offer{}
	for _, o := range offers {
		byService[o.Service] = o
	}
	if len(offers) != 3 {
		t.Fatalf("got %d offers, want 3 (server, block storage, traffic): %+v", len(offers), offers)
	}
	vm := byService[pricing.Compute]
	if vm.SKU != "SPSVRSTAND000006" || vm.Region != "KR" || vm.Currency != "KRW" || vm.Amount.String() != "317" ||
		vm.Unit != pricing.PerHour || vm.VCPU != 8 || vm.MemoryGiB != 16 || vm.OS != "linux" || vm.Term != pricing.OnDemand {
		t.Errorf("server: got %+v, want SPSVRSTAND000006 in KR at 317 KRW/hour, 8 vCPU, 16 GiB, linux, on demand", vm)
	}
	if got := vm.AsOf.Format(time.DateOnly); got != "2026-06-30" {
		t.Errorf("server as-of: got %s, want 2026-06-30 (2026-07-01T00:00+09:00 in UTC)", got)
	}
	disk := byService[pricing.BlockStorage]
	if !pricing.IsVolume(disk) || disk.Amount.String() != "116.8" || disk.Currency != "KRW" {
		t.Errorf("block storage: got %s %s/%s volume=%v, want 116.8 KRW per GB-month (0.16 × 730), a volume",
			disk.Amount, disk.Currency, disk.Unit, pricing.IsVolume(disk))
	}
	eg := byService[pricing.Egress]
	if eg.Unit != pricing.PerGB || eg.Amount.String() != "100" {
		t.Errorf("traffic: got %s/%s, want 100 per GB", eg.Amount, eg.Unit)
	}
	if st.Skipped["price type FXSUM"] != 1 || st.Skipped["product kind not mapped: NAS"] != 1 {
		t.Errorf("skipped: got %v, want the monthly flat rate and the NAS counted", st.Skipped)
	}
	if st.Products != 3 || st.Prices != 3 {
		t.Errorf("stats: got %d products %d prices, want 3 and 3", st.Products, st.Prices)
	}
}

func TestParseRefusesMalformed(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"truncated", `{"getProductPriceListResponse": {"productPriceList": [`, "byte"},
		{"syntax", `{"getProductPriceListResponse": {"productPriceList": [}}}`, "byte 55"},
		{"other API", `{"getPriceListResponse": {}}`, "no getProductPriceListResponse"},
		{"failure", `{"getProductPriceListResponse": {"returnCode": 1, "returnMessage": "denied"}}`, "returnCode 1: denied"},
		{"no list", `{"getProductPriceListResponse": {"returnCode": "0"}}`, "no productPriceList"},
		{"bad price", `{"getProductPriceListResponse": {"productPriceList": [{"productItemKind": {"code": "VSVR"},
			"productCode": "X", "cpuCount": 2, "memorySize": 4294967296, "priceList": [{"priceType": {"code": "MTRAT"},
			"region": {"regionCode": "KR"}, "unit": {"code": "HR"}, "price": "abc", "payCurrency": {"code": "KRW"}}]}]}}`, "product 0"},
		{"empty", ``, "empty file"},
		{"xml", `<getProductPriceListResponse><returnCode>0</returnCode></getProductPriceListResponse>`, "responseFormatType=json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ncp.Parse(strings.NewReader(tt.in), "in", time.Now(), func(pricing.Offer) error { return nil })
			var pe *ncp.ParseError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want a *ParseError containing %q", err, tt.want)
			}
		})
	}
}

// BenchmarkParse parses 50 copies of the documented-shape fixture, one
// response after another, as a multi-page file is.
func BenchmarkParse(b *testing.B) {
	one, err := os.ReadFile(fixture)
	if err != nil {
		b.Fatal(err)
	}
	in := bytes.Repeat(append(one, '\n'), 50)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := ncp.Parse(bytes.NewReader(in), "bench", time.Now(), func(pricing.Offer) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
