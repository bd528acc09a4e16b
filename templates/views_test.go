package templates

import (
	"testing"

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
