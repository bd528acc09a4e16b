package i18n

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestResultsKeysInKorean checks that every message of the results page
// (messages.en.results.yaml) has its Korean translation, and no more.
func TestResultsKeysInKorean(t *testing.T) {
	read := func(name string) map[string]string {
		b, err := files.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := yaml.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	en, ko := read("messages.en.results.yaml"), read("messages.ko.results.yaml")
	for k := range en {
		if strings.HasSuffix(k, ".one") && !HasOneForm("ko") {
			continue // Korean has no singular form: N uses the key itself
		}
		if ko[k] == "" {
			t.Errorf("%s: no Korean translation", k)
		}
	}
	for k := range ko {
		if _, ok := en[k]; !ok {
			t.Errorf("%s: Korean only, no English", k)
		}
	}
}
