package report

import "testing"

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
