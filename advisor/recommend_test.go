package advisor

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"cloudadvisor/pricing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// testOrg returns a resolved organisation for the tests.
func testOrg(tb testing.TB) Organization {
	tb.Helper()
	org, err := OrganizationInput{Name: new("Acme")}.Resolve(pricing.DefaultRates())
	if err != nil {
		tb.Fatalf("resolve organisation: %v", err)
	}
	return org
}

// resolveCase resolves a golden case's workload, named after the case.
func resolveCase(tb testing.TB, tc goldenCase) Workload {
	tb.Helper()
	in := tc.in
	in.Name = new(tc.name)
	w, err := in.Resolve()
	if err != nil {
		tb.Fatalf("resolve %s: %v", tc.name, err)
	}
	return w
}

// checkGolden compares got with the golden file, or rewrites it with -update.
func checkGolden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		tb.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

func TestRecommendGolden(t *testing.T) {
	rules, org := DefaultRules(), testOrg(t)
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			rec := rules.Recommend(orgFor(org, tc), resolveCase(t, tc))
			if rec.Model != tc.model || rec.Strategy != tc.strategy {
				t.Errorf("got %s/%s, want %s/%s", rec.Model, rec.Strategy, tc.model, tc.strategy)
			}
			checkFired(t, rec, tc.fires, tc.never)
			if tc.decider != "" {
				got := "none"
				if d := rec.Decider; d != nil {
					got = d.Field + "=" + d.Value + " -> " + string(d.Model) + "/" + string(d.Strategy)
				}
				if got != tc.decider {
					t.Errorf("got decider %s, want %s", got, tc.decider)
				}
			}
			if rec.Confidence < 0 || rec.Confidence > 100 {
				t.Errorf("got confidence %d, want 0..100", rec.Confidence)
			}
			got, err := json.MarshalIndent(rec, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.name, append(got, '\n'))
		})
	}
}

// checkFired checks that every rule of fires fired and none of never did.
func checkFired(tb testing.TB, rec Recommendation, fires, never []string) {
	tb.Helper()
	got := map[string]bool{}
	for _, rs := range rec.Reasons {
		got[rs.Rule] = true
	}
	for _, id := range fires {
		if !got[id] {
			tb.Errorf("rule %s did not fire, want it to", id)
		}
	}
	for _, id := range never {
		if got[id] {
			tb.Errorf("rule %s fired, want it not to", id)
		}
	}
}

func TestEveryRuleFiresInAGoldenCase(t *testing.T) {
	rules, org := DefaultRules(), testOrg(t)
	fired := map[string]bool{}
	for _, tc := range goldenCases {
		for _, r := range rules.Recommend(orgFor(org, tc), resolveCase(t, tc)).Reasons {
			fired[r.Rule] = true
		}
	}
	for _, rule := range rules.List() {
		if !fired[rule.ID] {
			t.Errorf("rule %s fires in no golden case", rule.ID)
		}
	}
}

func TestGoldenCaseNamesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, tc := range goldenCases {
		if seen[tc.name] {
			t.Errorf("golden case %s twice", tc.name)
		}
		seen[tc.name] = true
	}
	if len(goldenCases) < 24 {
		t.Errorf("got %d golden cases, want at least 24", len(goldenCases))
	}
}

func TestRecommendIsDeterministic(t *testing.T) {
	rules, org := DefaultRules(), testOrg(t)
	for _, tc := range goldenCases {
		w := resolveCase(t, tc)
		first, _ := json.Marshal(rules.Recommend(org, w))
		for range 20 {
			again, _ := json.Marshal(rules.Recommend(org, w))
			if !bytes.Equal(first, again) {
				t.Fatalf("%s: got a different recommendation on a second run:\n%s\n%s", tc.name, first, again)
			}
		}
	}
}

func TestRecommendCarriesRulesVersion(t *testing.T) {
	rules := DefaultRules()
	rec := rules.Recommend(testOrg(t), resolveCase(t, goldenCases[0]))
	if rec.RulesVersion != rules.Version() || len(rec.RulesVersion) != 64 {
		t.Errorf("got rules version %q, want %q (64 hex digits)", rec.RulesVersion, rules.Version())
	}
}

func TestRecommendMarksAssumedAnswers(t *testing.T) {
	rules := DefaultRules()
	w, err := WorkloadInput{Name: new("defaults"), Kind: new("web_app")}.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules.Recommend(testOrg(t), w).Reasons {
		for _, a := range r.Answers {
			if want := a.Field != "kind"; a.Assumed != want {
				t.Errorf("rule %s answer %s: got assumed %v, want %v", r.Rule, a.Field, a.Assumed, want)
			}
		}
	}
}

func BenchmarkRecommend(b *testing.B) {
	rules, org := DefaultRules(), testOrg(b)
	w := resolveCase(b, goldenCases[15]) // a custom web app: many rules fire
	b.ReportAllocs()
	for b.Loop() {
		rules.Recommend(org, w)
	}
}
