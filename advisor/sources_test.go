package advisor

import (
	"strings"
	"testing"
)

func TestRuleSourceMustBeKnown(t *testing.T) {
	const y = `rules:
  - id: a
    source: [seed, blog]
    when: custom_code
    scores: {iaas: 1}
    reason: Because.`
	if _, err := LoadRules([]byte(y)); err == nil || !strings.Contains(err.Error(), `unknown source "blog"`) {
		t.Errorf("got %v, want an unknown source error", err)
	}
}

func TestRulesOfIssue14NameTheirSource(t *testing.T) {
	want := []string{"retire_end_of_life", "rightsize_low_utilisation", "refactor_heavily_customised_code",
		"refactor_for_delivery_speed", "refactor_for_scale", "heavy_customisation_small_team",
		"retain_customised_without_developers", "static_site_on_storage_and_cdn", "gpu_needs_gpu_instances",
		"interruptible_gpu_on_spot", "managed_data_warehouse"}
	byID := map[string]Rule{}
	for _, r := range DefaultRules().List() {
		byID[r.ID] = r
	}
	for _, id := range want {
		r, ok := byID[id]
		switch {
		case !ok:
			t.Errorf("rule %s is missing", id)
		case len(r.Sources) == 0:
			t.Errorf("rule %s names no source", id)
		case r.Strategy != "" && !strings.Contains(r.Reason, "Precondition"):
			t.Errorf("rule %s suggests %s but its reason names no preconditions", id, r.Strategy)
		}
	}
	if _, ok := byID["retire_idle"]; ok {
		t.Error("retire_idle is back: low use on a system in use must right-size, not retire")
	}
}
