package templates

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/a-h/templ"
	"github.com/shopspring/decimal"

	"cloudadvisor/i18n"
	"cloudadvisor/pricing"
)

func TestVariant(t *testing.T) {
	tests := []struct {
		attrs map[string]string
		want  string
	}{
		{map[string]string{"engine": "postgresql", "edition": "enterprise"}, "postgresql · enterprise"},
		{map[string]string{"engine": "mysql"}, "mysql"},
		{map[string]string{"disk_gib": "128", "tier": "premium"}, "128 GiB disk"},
		{map[string]string{"billing": "annual", "kinds": "crm"}, "annual"},
		{map[string]string{"disk_gib": "x"}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := Variant(pricing.Offer{Attributes: tt.attrs}); got != tt.want {
			t.Errorf("Variant(%v) = %q, want %q", tt.attrs, got, tt.want)
		}
	}
}

// TestConvertedShowsWhatTheListSortsBy: the price browser sorts by the
// monthly equivalent with upfront fees spread over the term, and shows it
// under each hourly or upfront price, in the display currency when chosen.
func TestConvertedShowsWhatTheListSortsBy(t *testing.T) {
	d := decimal.RequireFromString
	rates := pricing.Rates{Per: map[string]decimal.Decimal{"USD": d("1"), "KRW": d("1400")}}
	hourly := pricing.Offer{Amount: d("0.0104"), Unit: pricing.PerHour, Currency: "USD", Term: pricing.OnDemand}
	upfront := pricing.Offer{Amount: d("0"), Upfront: d("1000"), Unit: pricing.PerHour, Currency: "USD", Term: pricing.Reserved3yAllUpfront}
	perGB := pricing.Offer{Amount: d("0.08"), Unit: pricing.PerGBMonth, Currency: "USD", Term: pricing.OnDemand}
	ctx := i18n.WithLang(context.Background(), "en")
	tests := []struct {
		name, currency string
		o              pricing.Offer
		want           string
	}{
		{"hourly in its own currency", "", hourly, "≈ USD 7.59 a month"},
		{"hourly converted", "KRW", hourly, "≈ ₩10,629 a month"},
		{"all upfront spread over 36 months", "", upfront, "≈ USD 27.78 a month, the upfront spread over 36 months"},
		{"all upfront converted", "KRW", upfront, "≈ ₩38,889 a month, the upfront spread over 36 months"},
		{"per GB in its own currency adds nothing", "", perGB, ""},
		{"per GB converted", "KRW", perGB, "≈ ₩112"},
	}
	for _, tt := range tests {
		v := PricesView{Query: url.Values{"currency": {tt.currency}}, Rates: rates}
		if got := v.Converted(ctx, tt.o); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if a, b := pricing.SortMicros(upfront), pricing.SortMicros(hourly); a <= b {
		t.Errorf("sort: 3y all upfront %d sorts before on demand %d, but costs more a month", a, b)
	}
}

// TestKoreanNamesMarked: a name in Hangul on a page in another language is
// marked lang="ko" (so a screen reader reads it in Korean), escaped like
// any text; on a Korean page, or in Latin letters, it is left as it is.
func TestKoreanNamesMarked(t *testing.T) {
	render := func(lang string, c templ.Component) string {
		var b strings.Builder
		if err := c.Render(i18n.WithLang(context.Background(), lang), &b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, tc := range []struct {
		lang string
		c    templ.Component
		want string
	}{
		{"en", UserName("고객 포털"), `<span lang="ko">고객 포털</span>`},
		{"ko", UserName("고객 포털"), `고객 포털`},
		{"en", UserName("Portal <b>"), `Portal &lt;b&gt;`},
		{"en", named("report.workload", 1, 2, "고객 & 포털"), `Workload 2: <span lang="ko">고객 &amp; 포털</span>`},
		{"en", named("report.workload", 1, 2, "Intranet"), `Workload 2: Intranet`},
	} {
		if got := render(tc.lang, tc.c); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.lang, got, tc.want)
		}
	}
}

// TestAnswerTextWords: assumed answers read as words in the reader's
// language, an empty optional choice as "None", never true/linux/low.
func TestAnswerTextWords(t *testing.T) {
	for _, tc := range []struct{ lang, field, value, want string }{
		{"en", "custom_code", "true", "Yes"},
		{"en", "needs_os_control", "false", "No"},
		{"en", "os", "linux", "Linux"},
		{"en", "customization", "low", "Low"},
		{"en", "data_sensitivity", "internal", "Internal"},
		{"en", "database_engine", "", "None"},
		{"ko", "customization", "low", "낮음"},
		{"ko", "data_sensitivity", "internal", "내부용"},
		{"en", "users", "40", "40"},
	} {
		if got := answerText(i18n.WithLang(context.Background(), tc.lang), tc.field, tc.value); got != tc.want {
			t.Errorf("%s %s=%q: got %q, want %q", tc.lang, tc.field, tc.value, got, tc.want)
		}
	}
}

// TestSourceHostNamesTheDataset: a source link reads as the repository for
// GitHub (the dataset), as the site otherwise.
func TestSourceHostNamesTheDataset(t *testing.T) {
	for in, want := range map[string]string{
		"https://github.com/iann0036/aws-price-watcher/blob/d65c44f/processed/datatransfer.json": "iann0036/aws-price-watcher",
		"https://raw.githubusercontent.com/yeo/ec2.shop/main/data.json":                          "yeo/ec2.shop",
		"https://www.digitalocean.com/pricing":                                                   "digitalocean.com",
		"https://aws.amazon.com/rds/postgresql/pricing/":                                         "aws.amazon.com",
		"test": "test",
	} {
		if got := sourceHost(in); got != want {
			t.Errorf("sourceHost(%q) = %q, want %q", in, got, want)
		}
	}
}
