package templates

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
)

// TestRegisteredProvidersHaveNames checks that every registered provider has
// a display name and every country of its regions a name, in English and
// Korean (provider names: English at least).
func TestRegisteredProvidersHaveNames(t *testing.T) {
	for _, p := range pricing.Registered() {
		keys := []string{"provider." + p.ID}
		for _, c := range p.Countries {
			keys = append(keys, "country."+c)
		}
		if p.NotPriced != "" {
			keys = append(keys, "price.missing."+p.NotPriced)
		}
		for _, k := range keys {
			en, ok := i18n.Lookup("en", k)
			if !ok {
				t.Errorf("%s: no English message %q", p.ID, k)
			}
			// Lookup falls back to English: a Korean text equal to it is
			// missing. Provider names are brand names, often the same.
			if ko, _ := i18n.Lookup("ko", k); ko == en && !strings.HasPrefix(k, "provider.") {
				t.Errorf("%s: no Korean message %q", p.ID, k)
			}
		}
	}
	for _, v := range advisor.Sectors {
		if !i18n.Has("enum.sector." + v) {
			t.Errorf("no message enum.sector.%s", v)
		}
	}
	for _, f := range advisor.Warnings {
		if !i18n.Has("rules.flag." + f) {
			t.Errorf("no message rules.flag.%s", f)
		}
	}
}

func renderOptions(tb testing.TB, lang, geography string) string {
	tb.Helper()
	opts := pricing.Quote(pricing.Need{Kind: "web_app", Instances: 1, VCPU: 2, MemoryGiB: 4, OS: "linux"},
		pricing.NewCatalog(nil), pricing.Settings{Geography: geography})
	var buf bytes.Buffer
	if err := options("", opts).Render(i18n.WithLang(context.Background(), lang), &buf); err != nil {
		tb.Fatal(err)
	}
	return buf.String()
}

func TestOptionsShowNotPricedAndNotOffered(t *testing.T) {
	seoul := renderOptions(t, "en", "asia-seoul")
	_, ncpRow, _ := strings.Cut(seoul, `data-testid="option-iaas-ncp"`)
	ncpRow, _, _ = strings.Cut(ncpRow, "</tbody>")
	if !strings.Contains(ncpRow, `data-testid="not-priced"`) || !strings.Contains(ncpRow, "web catalog import --format ncp") ||
		!strings.Contains(ncpRow, "data in South Korea") {
		t.Errorf("Seoul: NCP row %q, want it not priced with the import hint and its data in South Korea", ncpRow)
	}
	if strings.Contains(seoul, `data-testid="not-offered"`) {
		t.Errorf("Seoul: got a not-offered line, want every registered provider offered")
	}
	east := renderOptions(t, "en", "us-east")
	if strings.Contains(east, `option-iaas-ncp`) {
		t.Errorf("us-east: got an NCP option, want none")
	}
	_, line, _ := strings.Cut(east, `data-testid="not-offered"`)
	if line, _, _ = strings.Cut(line, "</p>"); !strings.Contains(line, "Not offered in this geography") ||
		!strings.Contains(line, "Naver Cloud Platform") || !strings.Contains(line, "NHN Cloud") {
		t.Errorf("us-east: got not-offered line %q, want NCP, NHN Cloud and KT Cloud listed as not offered", line)
	}
	if ko := renderOptions(t, "ko", "us-east"); !strings.Contains(ko, "이 지역에서 제공하지 않음: 네이버 클라우드 플랫폼") {
		t.Errorf("us-east in Korean: want the not-offered line in Korean")
	}
}

// TestReportOptionsShowRoundTrip: the print view's options table gives an
// option abroad its round trip from the users, in the reader's language,
// and none to an option at home.
func TestReportOptionsShowRoundTrip(t *testing.T) {
	opts := []pricing.Option{
		{Model: pricing.ModelIaaS, Provider: "aws", Region: "ap-northeast-2", Country: "KR"},
		{Model: pricing.ModelIaaS, Provider: "digitalocean", Region: "sgp1", Country: "SG", RoundTripMs: 65},
	}
	for _, tt := range []struct{ lang, want string }{
		{"en", `<small data-testid="round-trip">round trip ≈ 65 ms</small>`},
		{"ko", `<small data-testid="round-trip">왕복 지연 약 65밀리초</small>`},
	} {
		var buf bytes.Buffer
		if err := reportOptions(opts).Render(i18n.WithLang(context.Background(), tt.lang), &buf); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); !strings.Contains(got, tt.want) || strings.Count(got, `data-testid="round-trip"`) != 1 {
			t.Errorf("%s: got %s, want one round trip: %s", tt.lang, got, tt.want)
		}
	}
}
