package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

func TestOptionRowsSayWhereAndFlags(t *testing.T) {
	o := pricing.Option{Model: pricing.ModelIaaS, Provider: "digitalocean", Region: "sgp1", Country: "SG", RoundTripMs: 65,
		Flags: []pricing.Flag{{Rule: "kr_personal_data_abroad",
			Msg: pricing.M("flag.foreign_region", pricing.Ref("country.SG"), pricing.Ref("country.KR"))}}}
	for _, tt := range []struct{ lang, want string }{
		{"en", "Singapore (sgp1); round trip ≈ 65 ms; flagged: data would be stored in Singapore, outside South Korea (rule kr_personal_data_abroad)"},
		{"ko", "싱가포르 (sgp1); 왕복 지연 약 65밀리초; 경고: 데이터가 대한민국 밖(싱가포르)에 저장됩니다 (규칙 kr_personal_data_abroad)"},
	} {
		rows := OptionRows(Text{Lang: tt.lang}, []pricing.Option{o})
		if got := rows[0][2]; got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.lang, got, tt.want)
		}
	}
	np := pricing.Option{Model: pricing.ModelIaaS, Provider: "nhn", Region: "KR1", Availability: pricing.NotPriced,
		Missing: []pricing.Msg{pricing.M("price.missing.no_price_api", pricing.Ref("provider.nhn"), "KR1")}}
	if got := (Text{Lang: "en"}).Missing(np); !strings.HasPrefix(got, "not priced: NHN Cloud publishes no price API") {
		t.Errorf("not priced: got %q, want it to say why, naming NHN Cloud", got)
	}
}

// TestRoundTripInExports: an option abroad carries its round trip into the
// spreadsheet's Options sheet and the Markdown, in the reader's language;
// one at home has none.
func TestRoundTripInExports(t *testing.T) {
	abroad := pricing.Option{Model: pricing.ModelIaaS, Provider: "digitalocean", Product: "s-2vcpu-4gb", Region: "sgp1",
		Country: "SG", RoundTripMs: 65}
	home := pricing.Option{Model: pricing.ModelIaaS, Provider: "aws", Product: "t3.medium", Region: "ap-northeast-2", Country: "KR"}
	d := Document{Workloads: []Workload{{Name: "Shop", Options: []pricing.Option{home, abroad}}},
		Assumptions: Assumptions{RoundTrips: true}}
	for _, tt := range []struct{ lang, header, md, source string }{
		{"en", "round_trip_ms", "round trip ≈ 65 ms", "| Round trips to regions abroad | Azure network round-trip latency statistics, medians, July 2025 |"},
		{"ko", "왕복 지연(밀리초)", "왕복 지연 약 65밀리초", "| 해외 리전까지의 왕복 지연 | Azure 네트워크 왕복 지연 통계, 중앙값, 2025년 7월 |"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			var b bytes.Buffer
			if err := XLSX(&b, d, tt.lang); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&b)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			_, sheet, _ := SheetNames(tt.lang)
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 3 || rows[0][len(rows[0])-1] != tt.header {
				t.Fatalf("options sheet: got %q, want a header ending in %q and two options", rows, tt.header)
			}
			byProvider := map[string][]string{}
			for _, r := range rows[1:] {
				byProvider[r[3]] = r
			}
			if r := byProvider["digitalocean"]; len(r) != 17 || r[16] != "65" {
				t.Errorf("digitalocean row: got %q, want 65 in column 17", r)
			}
			if r := byProvider["aws"]; len(r) > 16 {
				t.Errorf("aws row: got %q, want no round trip", r)
			}
			var md bytes.Buffer
			if err := Markdown(&md, d, tt.lang); err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(md.String(), tt.md); n != 1 {
				t.Errorf("markdown: got %q %d times, want once (the option abroad)", tt.md, n)
			}
			if !strings.Contains(md.String(), tt.source) {
				t.Errorf("markdown: no assumption row %q citing the round trips' source:\n%s", tt.source, md.String())
			}
		})
	}
}

// TestAssumptionsFlagRoundTrips: the report's assumptions cite the round
// trips' source exactly when an option shows one.
func TestAssumptionsFlagRoundTrips(t *testing.T) {
	for _, tt := range []struct {
		name string
		ms   int
		want bool
	}{{"abroad", 65, true}, {"at home", 0, false}} {
		ws := []Workload{{Options: []pricing.Option{{Provider: "digitalocean", RoundTripMs: tt.ms}}}}
		if got := assumptionsOf(advisor.Organization{}, ws, time.Now()).RoundTrips; got != tt.want {
			t.Errorf("%s: got RoundTrips %v, want %v", tt.name, got, tt.want)
		}
	}
}
