package report

import (
	"testing"
	"time"

	"cloudadvisor/pricing"
)

// TestAnswerWords: an answer in an export reads as its label and a word.
func TestAnswerWords(t *testing.T) {
	for _, tc := range []struct{ lang, field, value, want string }{
		{"en", "custom_code", "true", "Custom code: Yes"},
		{"en", "database_engine", "", "Database: None"},
		{"en", "os", "windows", "Operating system: Windows"},
		{"ko", "database_engine", "", "데이터베이스: 없음"},
	} {
		if got := (Text{Lang: tc.lang}).Answer(tc.field, tc.value); got != tc.want {
			t.Errorf("%s %s=%q: got %q, want %q", tc.lang, tc.field, tc.value, got, tc.want)
		}
	}
}

// TestLineFlags: a cost line read from a third party, or in effect for more
// than 12 months at the report's date, says so; a fresh provider price does not.
func TestLineFlags(t *testing.T) {
	at := time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)
	tx := Text{Lang: "en", At: at}
	for _, tc := range []struct {
		l    pricing.Line
		want string
	}{
		{pricing.Line{Source: "https://blog.example/x", SourceKind: pricing.KindThirdParty, AsOf: "2026-10-01"}, "https://blog.example/x (third party)"},
		{pricing.Line{Source: "https://aws.amazon.com/ec2/pricing/", SourceKind: pricing.KindProviderPage, AsOf: "2025-11-01"}, "https://aws.amazon.com/ec2/pricing/ (stale)"},
		{pricing.Line{Source: "https://blog.example/y", SourceKind: pricing.KindThirdParty, AsOf: "2024-01-01"}, "https://blog.example/y (third party, stale)"},
		{pricing.Line{Source: "https://aws.amazon.com/ec2/pricing/", SourceKind: pricing.KindProviderPage, AsOf: "2026-06-01"}, "https://aws.amazon.com/ec2/pricing/"},
	} {
		if got := tx.LineSource(tc.l); got != tc.want {
			t.Errorf("LineSource = %q, want %q", got, tc.want)
		}
	}
	if f := (Text{Lang: "en"}).LineFlags(pricing.Line{AsOf: "2001-01-01"}); len(f) != 0 {
		t.Errorf("no date to judge at: got flags %v", f)
	}
}
