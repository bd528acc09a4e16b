package templates

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"cloudadvisor/advisor"
	"cloudadvisor/i18n"
)

// TestMessagesExist checks that every literal message key used in the
// templates, and every key built from an enumeration, is in the catalog.
func TestMessagesExist(t *testing.T) {
	files, _ := filepath.Glob("*.templ")
	more, _ := filepath.Glob("../server/*.go")
	files = append(files, more...)
	re := regexp.MustCompile(`(?:t|Tc)\(ctx, "([a-z0-9_.]+[a-z0-9_])"`)
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			n++
			if !i18n.Has(m[1]) {
				t.Errorf("%s: message %q is not in the catalog", f, m[1])
			}
		}
	}
	if n < 50 {
		t.Errorf("found only %d message keys in the templates; the pattern is broken", n)
	}
	enums := map[string][]string{"kind": advisor.Kinds, "os": advisor.OSes, "customization": advisor.CustomizationLevel,
		"data_sensitivity": advisor.Sensitivities, "time_to_market": advisor.TimesToMarket, "growth": advisor.Growths,
		"lock_in_tolerance": advisor.LockInTolerances, "geography": advisor.Geographies, "currency": advisor.Currencies,
		"database_engine": {"none", "postgresql", "mysql", "sqlserver", "oracle"}}
	for field, values := range enums {
		for _, v := range values {
			if k := "enum." + field + "." + v; !i18n.Has(k) {
				t.Errorf("message %q is not in the catalog", k)
			}
		}
		if k := "field." + field + ".label"; field != "geography" && field != "currency" && !i18n.Has(k) {
			t.Errorf("message %q is not in the catalog", k)
		}
	}
	for _, typ := range []reflect.Type{reflect.TypeFor[advisor.WorkloadInput](), reflect.TypeFor[advisor.OrganizationInput]()} {
		for i := range typ.NumField() {
			name := strings.Split(typ.Field(i).Tag.Get("json"), ",")[0]
			if typ.Name() == "OrganizationInput" && name == "name" {
				name = "org_name"
			}
			for _, k := range []string{"field." + name + ".label", "field." + name + ".help"} {
				if !i18n.Has(k) {
					t.Errorf("message %q (label and help of every field) is not in the catalog", k)
				}
			}
		}
	}
	for _, m := range advisor.Models {
		if !i18n.Has("model." + string(m)) {
			t.Errorf("no message for model %s", m)
		}
	}
	for _, s := range advisor.Strategies {
		if !i18n.Has("strategy." + string(s)) {
			t.Errorf("no message for strategy %s", s)
		}
	}
}

// TestProviderNames checks that every provider of the embedded catalog has a
// display name, so no raw id reaches a page.
func TestProviderNames(t *testing.T) {
	files, _ := filepath.Glob("../pricing/defaults/*.csv")
	seen := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			p, _, ok := strings.Cut(line, ",")
			if !ok || p == "provider" || strings.HasPrefix(p, "#") || seen[p] {
				continue
			}
			seen[p] = true
			if !i18n.Has("provider." + p) {
				t.Errorf("provider %q has no display name (provider.%s)", p, p)
			}
		}
	}
	if len(seen) < 5 {
		t.Errorf("found only %d providers; the parsing is broken", len(seen))
	}
}
