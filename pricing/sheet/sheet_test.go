package sheet_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/sheet"
)

const header = "provider,service,provider_service,family,region,sku,name,os,vcpu,memory_gib,term,unit,price,upfront,currency,tier_start,tier_end,as_of,source,attributes,notes\n"

// goodRow is a valid row; the bad-row cases below each break one field of it.
const goodRow = "aws,compute,AmazonEC2,general_purpose,us-east-1,SKU1,m5.large,linux,2,8,on_demand,hour,0.096,,USD,,,2021-02-05,https://example.test,tenancy=Shared,\n"

func collect(tb testing.TB, parse func(sink pricing.Sink) error) ([]pricing.Offer, error) {
	tb.Helper()
	var got []pricing.Offer
	err := parse(func(o pricing.Offer) error {
		got = append(got, o)
		return nil
	})
	return got, err
}

func TestParseGoodFixture(t *testing.T) {
	f, err := os.Open("testdata/good.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := collect(t, func(s pricing.Sink) error { return sheet.Parse(f, s) })
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(got) != 6 {
		t.Fatalf("got %d offers, want 6", len(got))
	}
	tests := []struct {
		name      string
		i         int
		amount    string
		upfront   string
		tierStart string
		tierEnd   string
		unbounded bool
		term      pricing.Term
		unit      pricing.Unit
	}{
		{"on demand keeps trailing zeros exact", 0, "0.096", "0", "0", "0", true, pricing.OnDemand, pricing.PerHour},
		{"reserved with upfront", 1, "0.029", "252", "0", "0", true, pricing.Reserved1yPartialUpfront, pricing.PerHour},
		{"free first tier", 2, "0", "0", "0", "1", false, pricing.OnDemand, pricing.PerGB},
		{"middle tier", 3, "0.12", "0", "1", "1024", false, pricing.OnDemand, pricing.PerGB},
		{"open last tier", 4, "0.08", "0", "10240", "0", true, pricing.OnDemand, pricing.PerGB},
		{"per seat", 5, "8.75", "0", "0", "0", true, pricing.OnDemand, pricing.PerUserMonth},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := got[tt.i]
			for _, c := range []struct {
				what string
				got  decimal.Decimal
				want string
			}{{"amount", o.Amount, tt.amount}, {"upfront", o.Upfront, tt.upfront}, {"tier start", o.TierStart, tt.tierStart}, {"tier end", o.TierEnd, tt.tierEnd}} {
				if !c.got.Equal(decimal.RequireFromString(c.want)) {
					t.Errorf("%s: got %s, want %s", c.what, c.got, c.want)
				}
			}
			if o.Unbounded != tt.unbounded {
				t.Errorf("unbounded: got %v, want %v", o.Unbounded, tt.unbounded)
			}
			if o.Term != tt.term || o.Unit != tt.unit {
				t.Errorf("term, unit: got %s %s, want %s %s", o.Term, o.Unit, tt.term, tt.unit)
			}
			if o.AsOf.IsZero() || o.Source == "" {
				t.Errorf("as_of %v source %q: want both set", o.AsOf, o.Source)
			}
		})
	}
	if got[5].Attributes["tier"] != "standard" || got[5].Attributes["kinds"] != "email_collaboration" {
		t.Errorf("attributes: got %v, want tier=standard kinds=email_collaboration", got[5].Attributes)
	}
	if got[2].Attributes["notes"] != "free first GiB" {
		t.Errorf("notes: got %q, want %q", got[2].Attributes["notes"], "free first GiB")
	}
	if got[0].VCPU != 2 || got[0].MemoryGiB != 8 {
		t.Errorf("vcpu, memory: got %v %v, want 2 8", got[0].VCPU, got[0].MemoryGiB)
	}
}

// replaceField returns goodRow with field i (0-based) set to v.
func replaceField(i int, v string) string {
	f := strings.Split(strings.TrimSuffix(goodRow, "\n"), ",")
	f[i] = v
	return strings.Join(f, ",") + "\n"
}

func TestParseBadRows(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		line   int
		column string
		reason string
	}{
		{"wrong header", strings.Replace(header, "price,", "amount,", 1) + goodRow, 1, "amount", "want \"price\""},
		{"wrong header after a comment", "# note\n" + strings.Replace(header, "sku", "id", 1) + goodRow, 2, "id", "want \"sku\""},
		{"empty file", "", 1, "", "no header row"},
		{"unknown unit", header + replaceField(11, "fortnight"), 2, "unit", "unknown unit"},
		{"unknown term", header + replaceField(10, "forever"), 2, "term", "unknown term"},
		{"unknown service", header + replaceField(1, "magic"), 2, "service", "unknown service"},
		{"negative price", header + goodRow + replaceField(12, "-0.1"), 3, "price", "negative"},
		{"empty price", header + replaceField(12, ""), 2, "price", "is empty"},
		{"price not a number", header + replaceField(12, "0.1.2"), 2, "price", "not a decimal"},
		{"bad date", header + replaceField(17, "2021-13-01"), 2, "as_of", "not a date"},
		{"unknown currency", header + replaceField(14, "XXX"), 2, "currency", "unknown currency"},
		{"wrong field count", header + "aws,compute\n", 2, "", "wrong number of fields"},
		{"bad attributes", header + replaceField(19, "tenancy"), 2, "attributes", "not key=value"},
		{"empty sku", header + replaceField(5, ""), 2, "sku", "is empty"},
		{"bad os", header + replaceField(7, "beos"), 2, "os", "want linux, windows or empty"},
		{"negative vcpu", header + replaceField(8, "-2"), 2, "vcpu", "non-negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := collect(t, func(s pricing.Sink) error { return sheet.Parse(strings.NewReader(tt.input), s) })
			var se *sheet.Error
			if !errors.As(err, &se) {
				t.Fatalf("got error %v, want *sheet.Error", err)
			}
			if se.Line != tt.line || se.Column != tt.column {
				t.Errorf("got line %d column %q, want line %d column %q (%v)", se.Line, se.Column, tt.line, tt.column, err)
			}
			if !strings.Contains(se.Reason, tt.reason) {
				t.Errorf("got reason %q, want it to contain %q", se.Reason, tt.reason)
			}
		})
	}
}

func TestParseSinkErrorStops(t *testing.T) {
	stop := errors.New("stop")
	err := sheet.Parse(strings.NewReader(header+goodRow+goodRow), func(pricing.Offer) error { return stop })
	if !errors.Is(err, stop) {
		t.Fatalf("got %v, want the sink's error", err)
	}
	if !strings.Contains(err.Error(), "line 2") {
		t.Errorf("got %q, want it to name line 2", err)
	}
}

func TestParseAnyVendorFixture(t *testing.T) {
	f, err := os.Open("testdata/vendor.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := collect(t, func(s pricing.Sink) error { return sheet.ParseAny(f, s) })
	if err != nil {
		t.Fatalf("ParseAny: %v", err)
	}
	tests := []struct {
		name      string
		i         int
		price     string
		unit      pricing.Unit
		service   pricing.Service
		billing   string
		asOf      string
		precision string
		per       string
	}{
		{"monthly seat", 0, "8.50", pricing.PerUserMonth, pricing.SaaS, "monthly", "2025-04-02", "", ""},
		{"annual seat, month-only date", 1, "7", pricing.PerUserMonth, pricing.SaaS, "annual", "2025-04-01", "month", ""},
		{"per dyno", 2, "25", pricing.PerMonth, pricing.SaaS, "", "2025-04-02", "", "dyno"},
	}
	if len(got) != len(tests) {
		t.Fatalf("got %d offers, want %d (the undated row is skipped)", len(got), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := got[tt.i]
			if !o.Amount.Equal(decimal.RequireFromString(tt.price)) {
				t.Errorf("price: got %s, want %s", o.Amount, tt.price)
			}
			if o.Unit != tt.unit || o.Service != tt.service {
				t.Errorf("unit, service: got %s %s, want %s %s", o.Unit, o.Service, tt.unit, tt.service)
			}
			if o.Attributes["billing"] != tt.billing || o.Attributes["as_of_precision"] != tt.precision || o.Attributes["per"] != tt.per {
				t.Errorf("attributes: got %v, want billing=%q as_of_precision=%q per=%q", o.Attributes, tt.billing, tt.precision, tt.per)
			}
			if want, _ := time.Parse(time.DateOnly, tt.asOf); !o.AsOf.Equal(want) {
				t.Errorf("as_of: got %v, want %s", o.AsOf, tt.asOf)
			}
			if o.Provider != "acme" || o.Region != "global" || o.Term != pricing.OnDemand {
				t.Errorf("provider, region, term: got %s %s %s, want acme global on_demand", o.Provider, o.Region, o.Term)
			}
		})
	}
	if got[2].Currency != "EUR" {
		t.Errorf("currency: got %s, want EUR", got[2].Currency)
	}
}

func TestParseVendorListStatsAndErrors(t *testing.T) {
	vhead := strings.Join(sheet.VendorColumns, ",") + "\n"
	tests := []struct {
		name   string
		input  string
		line   int
		column string
		reason string
	}{
		{"wrong header", strings.Replace(vhead, "plan", "tier", 1), 1, "tier", "want \"plan\""},
		{"bad price", vhead + "A,B,C,abc,user,USD,monthly,https://x.test,vendor,2025-01-01,\n", 2, "price_per_unit_per_month", "not a non-negative decimal"},
		{"negative price", vhead + "A,B,C,-1,user,USD,monthly,https://x.test,vendor,2025-01-01,\n", 2, "price_per_unit_per_month", "not a non-negative decimal"},
		{"unknown currency", vhead + "A,B,C,1,user,ZZZ,monthly,https://x.test,vendor,2025-01-01,\n", 2, "currency", "unknown currency"},
		{"no source", vhead + "A,B,C,1,user,USD,monthly,,vendor,2025-01-01,\n", 2, "source_address", "is empty"},
		{"wrong field count", vhead + "A,B,C\n", 2, "", "wrong number of fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sheet.ParseVendorList(strings.NewReader(tt.input), func(pricing.Offer) error { return nil })
			var se *sheet.Error
			if !errors.As(err, &se) {
				t.Fatalf("got error %v, want *sheet.Error", err)
			}
			if se.Line != tt.line || se.Column != tt.column || !strings.Contains(se.Reason, tt.reason) {
				t.Errorf("got line %d column %q reason %q, want line %d column %q reason containing %q", se.Line, se.Column, se.Reason, tt.line, tt.column, tt.reason)
			}
		})
	}
}
