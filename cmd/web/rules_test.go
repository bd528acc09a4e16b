package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBrokenRulesFileStopsStart checks that a rules file with a typo stops the
// app at start with the rule id and position, and that nothing is served.
func TestBrokenRulesFileStopsStart(t *testing.T) {
	dir := t.TempDir()
	rules := filepath.Join(dir, "rules.yaml")
	os.WriteFile(rules, []byte(`rules:
  - id: good_rule
    when: kind == "crm"
    scores: {saas: 2}
    reason: CRM is a commodity.
  - id: typo_rule
    when: neds_os_control
    scores: {iaas: 2}
    reason: A typo in the condition.
`), 0o644)
	env := map[string]string{"ADVISOR_DB": filepath.Join(dir, "a.db")}
	err := run(context.Background(), []string{"web", "-addr", "127.0.0.1:0", "-rules", rules},
		func(k string) string { return env[k] }, io.Discard)
	if err == nil {
		t.Fatal("got nil, want the start to fail")
	}
	for _, want := range []string{"typo_rule", "neds_os_control", "line 1, column"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("got %q, want it to mention %q", err, want)
		}
	}
}

// TestRulesFileOverrides checks that -rules replaces the embedded rules.
func TestRulesFileOverrides(t *testing.T) {
	dir := t.TempDir()
	rules := filepath.Join(dir, "rules.yaml")
	os.WriteFile(rules, []byte(`rules:
  - id: everything_saas
    when: "true"
    scores: {saas: 5}
    reason: This organisation buys everything as a service.
`), 0o644)
	a := startAppEnv(t, map[string]string{"ADVISOR_RULES": rules})
	_, body := a.Do(t, "GET", "/rules", "", "")
	if !strings.Contains(body, "everything_saas") || strings.Contains(body, "os_control_requires_iaas") {
		t.Errorf("rules page does not show exactly the file's rules")
	}
}
