package i18n

import "testing"

func TestMatch(t *testing.T) {
	available := map[string]map[string]string{"en": {}, "ko": {}}
	tests := []struct {
		name, header, want string
	}{
		{"empty", "", "en"},
		{"korean first", "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "ko"},
		{"english preferred by q", "ko;q=0.3,en;q=0.9", "en"},
		{"unknown falls back", "fr-FR,fr;q=0.9", "en"},
		{"upper case region", "KO-kr", "ko"},
		{"zero q never picked", "ko;q=0", "en"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := match(tc.header, available); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	// Korean messages are embedded as parts (messages.ko.<part>.yaml);
	// keys a part lacks fall back to English.
	want := Default
	if _, ok := catalogs["ko"]; ok {
		want = "ko"
	}
	if got := Match("ko-KR"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCatalogsLoad(t *testing.T) {
	if len(catalogs[Default]) < 100 || T("en", "app.name") != "Cloud Advisor" || T("en", "no.such.key") != "[no.such.key]" {
		t.Errorf("default catalog: %d keys, app.name %q", len(catalogs[Default]), T("en", "app.name"))
	}
	if got := T("en", "error.field.range", 1, 5); got != "must be between 1 and 5" {
		t.Errorf("placeholders: got %q", got)
	}
}
