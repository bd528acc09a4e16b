package report

import (
	"strings"
	"testing"

	"cloudadvisor/pricing"
)

func TestOptionRowsSayWhereAndFlags(t *testing.T) {
	o := pricing.Option{Model: pricing.ModelIaaS, Provider: "digitalocean", Region: "sgp1", Country: "SG",
		Flags: []pricing.Flag{{Rule: "kr_personal_data_abroad",
			Msg: pricing.M("flag.foreign_region", pricing.Ref("country.SG"), pricing.Ref("country.KR"))}}}
	for _, tt := range []struct{ lang, want string }{
		{"en", "Singapore (sgp1); flagged: data would be stored in Singapore, outside South Korea (rule kr_personal_data_abroad)"},
		{"ko", "싱가포르 (sgp1); 경고: 데이터가 대한민국 밖(싱가포르)에 저장됩니다 (규칙 kr_personal_data_abroad)"},
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
