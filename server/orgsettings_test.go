package server

import (
	"regexp"
	"strings"
	"testing"

	"cloudadvisor/internal/webtest"
)

var labourLine = regexp.MustCompile(`(?s)data-testid="option-iaas-gcp".*?data-testid="monthly" data-money>([A-Z]{3} [0-9,.]+)<`)

func TestOrganisationCostAssumptions(t *testing.T) {
	a := startApp(t)
	resp, body := a.Do(t, "GET", "/assessments/new", "", "")
	if resp.StatusCode != 200 || !strings.Contains(body, `data-testid="cost-assumptions"`) || !strings.Contains(body, `placeholder="4"`) {
		t.Fatalf("organisation form: got %d, want the cost assumptions with default hours as placeholders", resp.StatusCode)
	}
	// Bad estimates: 422 with a message naming the estimate; nothing saved.
	resp, body = a.Do(t, "POST", "/assessments", webtest.FormType, webtest.FormBody("organization.name", "Estimates Ltd",
		"organization.labour.iaas_per_instance", "-2", "organization.migration.rehost.dual_run_months", "1.5",
		"organization.rates.EUR", "2", "organization.comfort_factor", "9"))
	if resp.StatusCode != 422 {
		t.Fatalf("bad estimates: got %d, want 422", resp.StatusCode)
	}
	for _, want := range []string{"Operations labour — IaaS, hours per instance per month: must be between 0 and 10000",
		"Migration effort — Rehost, months of running old and new side by side: must be a whole number",
		"Comfort factor: must be between 1 and 3", `value="-2"`} {
		if !strings.Contains(body, want) {
			t.Errorf("bad estimates page lacks %q", want)
		}
	}
	// Default labour versus doubled IaaS labour: the IaaS price rises.
	price := func(extra ...string) string {
		kv := append([]string{"organization.name", "Estimates Ltd", "organization.geography", "us-east"}, extra...)
		resp, _ := a.Do(t, "POST", "/assessments", webtest.FormType, webtest.FormBody(kv...))
		base := strings.TrimSuffix(resp.Header.Get("Location"), "/workloads/new")
		a.Do(t, "POST", base+"/workloads", webtest.FormType, webtest.FormBody("workload.name", "App", "workload.kind", "web_app",
			"workload.vcpu", "2", "workload.memory_gib", "4", "workload.storage_gb", "10"))
		_, page := a.Do(t, "GET", base, "", "")
		m := labourLine.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no priced IaaS option on Google Cloud")
		}
		_, form := a.Do(t, "GET", base+"/organization", "", "")
		if len(extra) > 0 && !strings.Contains(form, `value="8"`) {
			t.Errorf("edit form does not show the saved labour hours")
		}
		return m[1]
	}
	def, doubled := price(), price("organization.labour.iaas_per_instance", "8")
	if def == doubled {
		t.Errorf("IaaS price stayed %s with twice the labour per instance", def)
	}
}
