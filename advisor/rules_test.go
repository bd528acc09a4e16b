package advisor

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// validRule is a rule that loads; the error cases change one line of it.
const validRule = `
  - id: ok_rule
    when: needs_os_control && kind != "email_collaboration"
    scores: {iaas: 2}
    answers: [needs_os_control, kind]
    reason: It needs the OS.`

func TestDefaultRulesLoad(t *testing.T) {
	r, err := LoadRules(defaultRulesYAML)
	if err != nil {
		t.Fatalf("embedded rules.yaml: %v", err)
	}
	if n := len(r.List()); n < 25 || n > 80 {
		t.Errorf("got %d rules, want 25 to 80", n)
	}
	sum := sha256.Sum256(defaultRulesYAML)
	if got, want := DefaultRules().Version(), hex.EncodeToString(sum[:]); got != want {
		t.Errorf("got version %s, want %s", got, want)
	}
}

func TestLoadRulesErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // substrings of the error text
	}{
		{"typo_in_condition", `
  - id: typo
    when: vcpu > 2 && neds_os_control
    scores: {iaas: 1}
    reason: r`, []string{`line 2: rule "typo"`, "unknown name neds_os_control", "line 1, column 13"}},
		{"non_bool_condition", `
  - id: sum
    when: vcpu + instances
    scores: {iaas: 1}
    reason: r`, []string{`rule "sum"`, "expected bool, but got int"}},
		{"duplicate_id", validRule + validRule, []string{`line 7: rule "ok_rule": duplicate id`}},
		{"unknown_model_in_exclude", `
  - id: ex
    when: in_use
    exclude: [onprem]
    reason: r`, []string{`rule "ex": exclude: unknown model "onprem"`}},
		{"retire_is_not_excludable", `
  - id: ex
    when: in_use
    exclude: [retire]
    reason: r`, []string{`rule "ex": exclude: unknown model "retire"`}},
		{"unknown_model_in_scores", `
  - id: sc
    when: in_use
    scores: {iaas: 1, faas: 2}
    reason: r`, []string{`rule "sc": scores: unknown model "faas"`}},
		{"unknown_strategy", `
  - id: st
    when: in_use
    strategy: rebuild
    reason: r`, []string{`rule "st": unknown strategy "rebuild"`}},
		{"priority_without_strategy", `
  - id: pr
    when: in_use
    scores: {iaas: 1}
    priority: 5
    reason: r`, []string{`rule "pr": priority without a strategy`}},
		{"unknown_field_in_answers", `
  - id: an
    when: vcpu > 8
    scores: {iaas: 1}
    answers: [vcpu, cpus]
    reason: r`, []string{`rule "an": answers: "cpus" is not a workload field`}},
		{"answer_not_read_by_condition", `
  - id: an
    when: vcpu > 8
    scores: {iaas: 1}
    answers: [vcpu, kind]
    reason: r`, []string{`rule "an": answers: "kind" is not read by the condition`}},
		{"answer_missing_from_list", `
  - id: an
    when: vcpu > 8 && in_use
    scores: {iaas: 1}
    answers: [vcpu]
    reason: r`, []string{`rule "an": answers: the condition reads "in_use", which is not listed`}},
		{"condition_calls_a_method", `
  - id: me
    when: Assumed("vcpu")
    scores: {iaas: 1}
    reason: r`, []string{`rule "me": condition: "Assumed" is not a workload field`}},
		{"empty_reason", `
  - id: re
    when: in_use
    scores: {iaas: 1}
    reason: "  "`, []string{`rule "re": empty reason`}},
		{"empty_condition", `
  - id: co
    scores: {iaas: 1}
    reason: r`, []string{`rule "co": empty condition`}},
		{"no_effect", `
  - id: ne
    when: in_use
    reason: r`, []string{`rule "ne": no effect`}},
		{"bad_id", `
  - id: Bad-Id
    when: in_use
    scores: {iaas: 1}
    reason: r`, []string{`rule "Bad-Id": id must be lower snake_case`}},
		{"unknown_key", `
  - id: uk
    when: in_use
    scores: {iaas: 1}
    reson: r`, []string{"field reson not found"}},
		{"no_rules", ``, []string{"no rules"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := LoadRules([]byte("rules:" + tc.yaml + "\n"))
			if err == nil {
				t.Fatalf("got no error, want one containing %q", tc.want)
			}
			if r != nil {
				t.Errorf("got rules %v with the error, want nil", r)
			}
			for _, want := range tc.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("got error %q, want it to contain %q", err, want)
				}
			}
		})
	}
}

func TestLoadRulesBrokenFileIsNotHalfApplied(t *testing.T) {
	broken := "rules:" + validRule + `
  - id: broken
    when: vcpu >
    scores: {iaas: 1}
    reason: r
`
	if r, err := LoadRules([]byte(broken)); err == nil || r != nil {
		t.Fatalf("got %v, %v; want nil rules and an error", r, err)
	}
}

func TestLoadRulesDerivesAnswersWhenOmitted(t *testing.T) {
	r, err := LoadRules([]byte(`rules:
  - id: derived
    when: let big = vcpu >= 64; big && (kind == "batch" || vcpu > memory_gib)
    scores: {iaas: 1}
    reason: r
`))
	if err != nil {
		t.Fatal(err)
	}
	got := r.List()[0].Answers
	if diff := cmp.Diff([]string{"vcpu", "kind", "memory_gib"}, got); diff != "" {
		t.Errorf("answers mismatch (-want +got):\n%s", diff)
	}
}

func TestListReturnsACopy(t *testing.T) {
	r := DefaultRules()
	list := r.List()
	list[0].ID = "changed"
	list[0].Answers[0] = "changed"
	again := r.List()
	if again[0].ID == "changed" || again[0].Answers[0] == "changed" {
		t.Errorf("got %q / %q after changing the list, want the rules unchanged", again[0].ID, again[0].Answers[0])
	}
}

func TestEveryAnswerIsAWorkloadField(t *testing.T) {
	for _, rule := range DefaultRules().List() {
		if len(rule.Answers) == 0 {
			t.Errorf("rule %s lists no answers", rule.ID)
		}
		for _, a := range rule.Answers {
			if _, ok := exprFields[a]; !ok {
				t.Errorf("rule %s: answer %s is not a workload field", rule.ID, a)
			}
		}
	}
}
