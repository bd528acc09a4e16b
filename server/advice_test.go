package server

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestResultSaysWhatWouldChangeTheVerdict checks the result page of issue
// 14: the single answer that would change the verdict, the strategy's
// preconditions, and the ruled-out model's options below the others, greyed
// and labelled with the rule.
func TestResultSaysWhatWouldChangeTheVerdict(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	body, _ := json.Marshal(map[string]any{
		"organization": map[string]any{"name": "Acme", "geography": "us-east"},
		"workloads": []map[string]any{{"name": "Files", "kind": "file_sharing", "data_sensitivity": "regulated", "custom_code": false,
			"customization": "low", "users": 60, "mobile_access": true, "needs_os_control": false, "lifetime_months": 60}},
	})
	rec := c.do("POST", "/api/v1/assessments", string(body))
	if rec.Code != http.StatusCreated {
		t.Fatalf("create: got %d: %s", rec.Code, rec.Body.String())
	}
	var doc struct{ ID string }
	json.Unmarshal(rec.Body.Bytes(), &doc)
	page := c.do("GET", "/assessments/"+doc.ID, "").Body.String()
	for _, want := range []string{
		`data-testid="decider">If Data sensitivity were Confidential, the verdict would be SaaS (Repurchase).`,
		`data-testid="preconditions"`,
		`ruled out by “Regulated data rules out SaaS”`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("result page lacks %q", want)
		}
	}
}

// TestRuledOutOptionsBelowTheRecommendation checks that the options of a
// model the rules ruled out come after the others, under their own heading,
// greyed and labelled with the rule (issue 14).
func TestRuledOutOptionsBelowTheRecommendation(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	body, _ := json.Marshal(map[string]any{
		"organization": map[string]any{"name": "Acme", "geography": "us-east"},
		"workloads":    []map[string]any{{"name": "Mail", "kind": "email_collaboration", "users": 40}},
	})
	rec := c.do("POST", "/api/v1/assessments", string(body))
	if rec.Code != http.StatusCreated {
		t.Fatalf("create: got %d: %s", rec.Code, rec.Body.String())
	}
	var doc struct{ ID string }
	json.Unmarshal(rec.Body.Bytes(), &doc)
	page := c.do("GET", "/assessments/"+doc.ID, "").Body.String()
	head := strings.Index(page, `data-testid="ruled-out-head"`)
	if head < 0 {
		t.Fatal("got no ruled-out heading")
	}
	for _, m := range regexp.MustCompile(`data-testid="option-([a-z]+)-[a-z]+" class="([a-z-]*)"`).FindAllStringSubmatchIndex(page, -1) {
		model, class := page[m[2]:m[3]], page[m[4]:m[5]]
		if ruled := class == "ruled-out"; ruled != (m[0] > head) || ruled != (model != "saas") {
			t.Errorf("got %s option with class %q at %d (heading at %d): want IaaS and PaaS ruled out and below the heading", model, class, m[0], head)
		}
	}
	if !strings.Contains(page, "ruled out by “No mail server on your own VMs”") {
		t.Error("got no label naming the rule that ruled IaaS out")
	}
}

// TestQuestionnaireAsksSwingAnswersFirst checks that the answers that can
// swing the verdict come right after what the workload is, in one marked
// group, before its size.
func TestQuestionnaireAsksSwingAnswersFirst(t *testing.T) {
	s, db, _ := testServer(t, false)
	importFixture(t, db)
	c := &client{tb: t, h: s.Handler()}
	id := createFixture(t, c)
	page := c.do("GET", "/assessments/"+id+"/workloads/new", "").Body.String()
	group := strings.Index(page, `data-testid="swing-questions"`)
	size := strings.Index(page, `name="workload.vcpu"`)
	if group < 0 || size < 0 || group > size {
		t.Fatalf("got swing group at %d and vcpu at %d: want the group first", group, size)
	}
	for _, f := range []string{"data_sensitivity", "needs_os_control", "custom_code", "customization", "developers",
		"code_ownership", "lifetime_months", "lock_in_tolerance", "time_to_market", "growth"} {
		if i := strings.Index(page, `name="workload.`+f+`"`); i < group || i > size {
			t.Errorf("question %s at %d, want it inside the swing group (%d..%d)", f, i, group, size)
		}
	}
}
