package i18n

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestMatch(t *testing.T) {
	m := newMatcher([]string{"en", "ko"})
	tests := []struct {
		name, chosen, header, want string
	}{
		{"empty", "", "", "en"},
		{"korean first", "", "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "ko"},
		{"english preferred by q", "", "ko;q=0.3,en;q=0.9", "en"},
		{"unknown falls back", "", "fr-FR,fr;q=0.9", "en"},
		{"upper case region", "", "KO-kr", "ko"},
		{"zero q never picked", "", "ko;q=0", "en"},
		{"korean after an unknown language", "", "fr-FR,ko;q=0.5", "ko"},
		{"choice wins over the header", "en", "ko-KR,ko;q=0.9", "en"},
		{"korean choice", "ko", "en-US", "ko"},
		{"unknown choice is ignored", "fr", "ko-KR", "ko"},
		{"malformed header", "", ";;,q=x", "en"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := match(m, tc.chosen, tc.header); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	if got := Match("", "ko-KR"); got != "ko" {
		t.Errorf("Match(ko-KR) with the embedded catalogs: got %q, want ko", got)
	}
}

func TestCatalogsLoad(t *testing.T) {
	if len(catalogs[Default]) < 100 || T("en", "app.name") != "Cloud Advisor" || T("en", "no.such.key") != "[no.such.key]" {
		t.Errorf("default catalog: %d keys, app.name %q", len(catalogs[Default]), T("en", "app.name"))
	}
	if got := T("en", "error.field.range", 1, 5); got != "must be between 1 and 5" {
		t.Errorf("placeholders: got %q", got)
	}
	if got := Languages(); len(got) < 2 || got[0] != Default || !slices.Contains(got, "ko") {
		t.Errorf("Languages() = %v, want en first and ko", got)
	}
}

var placeholder = regexp.MustCompile(`\{\d+\}`)

// TestCatalogsComplete holds every language to the English catalog, which
// is every messages.en.*.yaml merged: no key missing, none extra, the same
// placeholders. The one exception is rule.<id>.reason: its English text is
// the reason in advisor/rules.yaml, so every other language must have it
// for every rule there, and for no other rule.
// A key.one (the singular of a count) is needed only by languages whose
// plural rules have a "one" form.
func TestCatalogsComplete(t *testing.T) {
	rules := ruleIDs(t)
	en := catalogs[Default]
	for id := range rules {
		if _, ok := en["rule."+id+".title"]; !ok {
			t.Errorf("en: rule %s has no rule.%s.title", id, id)
		}
	}
	for _, lang := range Languages()[1:] {
		cat := catalogs[lang]
		for key, want := range en {
			got, ok := cat[key]
			if !ok && strings.HasSuffix(key, ".one") && !HasOneForm(lang) {
				continue // the language has no singular form: N uses the key itself
			}
			if !ok {
				t.Errorf("%s: missing key %s (en: %q)", lang, key, want)
				continue
			}
			if g, w := placeholders(got), placeholders(want); !slices.Equal(g, w) {
				t.Errorf("%s: %s has placeholders %v, want %v", lang, key, g, w)
			}
			if strings.TrimSpace(got) == "" {
				t.Errorf("%s: %s is empty", lang, key)
			}
		}
		for id := range rules {
			if _, ok := cat["rule."+id+".reason"]; !ok {
				t.Errorf("%s: rule %s has no rule.%s.reason", lang, id, id)
			}
		}
		for key := range cat {
			if _, ok := en[key]; ok {
				continue
			}
			if id, ok := strings.CutSuffix(strings.TrimPrefix(key, "rule."), ".reason"); ok && strings.HasPrefix(key, "rule.") && rules[id] {
				continue
			}
			t.Errorf("%s: extra key %s, not in English", lang, key)
		}
	}
}

func placeholders(s string) []string {
	p := placeholder.FindAllString(s, -1)
	slices.Sort(p)
	return slices.Compact(p)
}

// ruleIDs reads the ids of the rules file: the rule texts to translate.
func ruleIDs(tb testing.TB) map[string]bool {
	tb.Helper()
	b, err := os.ReadFile("../advisor/rules.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	var f struct {
		Rules []struct{ ID string } `yaml:"rules"`
	}
	if err := yaml.Unmarshal(b, &f); err != nil {
		tb.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range f.Rules {
		ids[r.ID] = true
	}
	if len(ids) == 0 {
		tb.Fatal("no rules read from advisor/rules.yaml")
	}
	return ids
}

// TestPluralForms: English picks key.one for one and the key for any other
// count; Korean, with no singular form, always the key.
func TestPluralForms(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "One price"}, {"en", 0, "0 prices"}, {"en", 572, "572 prices"},
		{"ko", 1, "가격 1건"}, {"ko", 572, "가격 572건"},
	} {
		if got := N(tc.lang, "prices.count", tc.n, tc.n); got != tc.want {
			t.Errorf("N(%s, prices.count, %d) = %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
	if !HasOneForm("en") || HasOneForm("ko") {
		t.Errorf("HasOneForm: en %v, ko %v; want true, false", HasOneForm("en"), HasOneForm("ko"))
	}
	for key := range catalogs[Default] {
		if strings.Contains(catalogs[Default][key], "(s)") {
			t.Errorf("en: %s writes a plural as (s): %q; give it a .one form and use N", key, catalogs[Default][key])
		}
	}
}
