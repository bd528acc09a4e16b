package advisor

import (
	"testing"

	"cloudadvisor/pricing"
)

func TestRegulatedKoreanWorkloadGetsResidencyFlag(t *testing.T) {
	cat := defaultCatalog(t)
	tests := []struct {
		name      string
		geography string
		in        WorkloadInput
		rule      string // "" when no option may be flagged
	}{
		{"confidential in Seoul", "asia-seoul", WorkloadInput{Name: new("w"), Kind: new("web_app"), DataSensitivity: new("confidential")}, "kr_personal_data_abroad"},
		{"health in Seoul", "asia-seoul", WorkloadInput{Name: new("w"), Kind: new("web_app"), Sector: new("health")}, "kr_health_records_in_korea"},
		{"finance in Seoul", "asia-seoul", WorkloadInput{Name: new("w"), Kind: new("api"), Sector: new("finance")}, "kr_finance_systems_in_korea"},
		{"internal in Seoul", "asia-seoul", WorkloadInput{Name: new("w"), Kind: new("web_app"), DataSensitivity: new("internal")}, ""},
		{"confidential in Frankfurt", "eu-central", WorkloadInput{Name: new("w"), Kind: new("web_app"), DataSensitivity: new("confidential")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Assess(DefaultRules(), cat, OrganizationInput{Name: new("Acme"), Geography: new(tt.geography)}, []WorkloadInput{tt.in})
			if err != nil {
				t.Fatal(err)
			}
			w := a.Workloads[0]
			if tt.rule != "" && !hasReason(w.Recommendation, tt.rule) {
				t.Errorf("got reasons %v, want %s with its source", w.Recommendation.Reasons, tt.rule)
			}
			foreign, flagged := 0, 0
			for _, o := range w.Options {
				abroad := o.Country != "KR"
				f := flagOfRule(o, tt.rule)
				switch {
				case tt.rule == "" && len(o.Flags) > 0:
					t.Errorf("%s/%s: got flags %v, want none", o.Model, o.Provider, o.Flags)
				case tt.rule != "" && abroad != (f != nil):
					t.Errorf("%s/%s in %q: got flag %v, want a flag exactly when abroad (%v)", o.Model, o.Provider, o.Country, f, abroad)
				}
				if abroad {
					foreign++
				}
				if f != nil {
					flagged++
				}
			}
			if tt.rule != "" && (foreign == 0 || flagged != foreign) {
				t.Errorf("got %d options abroad and %d flagged, want some abroad, all flagged", foreign, flagged)
			}
		})
	}
}

func hasReason(rec Recommendation, rule string) bool {
	for _, r := range rec.Reasons {
		if r.Rule == rule && r.Warn == WarnForeignRegion && r.Cite != "" {
			return true
		}
	}
	return false
}

func flagOfRule(o pricing.Option, rule string) *pricing.Flag {
	for i, f := range o.Flags {
		if f.Rule == rule {
			return &o.Flags[i]
		}
	}
	return nil
}

func TestPublicSectorFlagsCertificationUnknown(t *testing.T) {
	a, err := Assess(DefaultRules(), defaultCatalog(t), OrganizationInput{Name: new("Acme"), Geography: new("asia-seoul")},
		[]WorkloadInput{{Name: new("w"), Kind: new("web_app"), Sector: new("public")}})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range a.Workloads[0].Options {
		f := flagOfRule(o, "kr_public_sector_csap")
		if f == nil || f.Msg.Key != "flag.csap_unknown" {
			t.Errorf("%s/%s: got %v, want flag.csap_unknown (no sourced certification list)", o.Model, o.Provider, o.Flags)
		}
	}
}
