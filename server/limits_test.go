package server

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// million is a number of a million digits: parsed as a decimal it cost
// seconds of CPU (issue 16 item 5); it must be refused by its length.
var million = strings.Repeat("7", 1_000_000)

// TestFormNumberTooLong: a huge figure in a form is a 422 naming the field
// and the allowed length, with the form shown again.
func TestFormNumberTooLong(t *testing.T) {
	s, _, _ := testServer(t, true)
	for _, field := range []string{"organization.engineer_hourly_cost", "organization.horizon_years", "organization.comfort_factor", "organization.labour.iaas_per_instance"} {
		t.Run(field, func(t *testing.T) {
			body := url.Values{"organization.name": {"Acme"}, field: {million}}.Encode()
			req := httptest.NewRequest("POST", "/assessments", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			if rec.Code != 422 || !strings.Contains(rec.Body.String(), "must be at most 64 characters") {
				t.Errorf("got %d, want 422 saying at most 64 characters", rec.Code)
			}
		})
	}
}

// TestAPINumberTooLong: a huge number in the JSON API, as a JSON number or
// as the string of a decimal, is a 422 naming the field.
func TestAPINumberTooLong(t *testing.T) {
	s, _, _ := testServer(t, true)
	tests := []struct{ name, body, field string }{
		{"decimal as number", `{"organization":{"name":"A","engineer_hourly_cost":` + million + `},"workloads":[{"name":"w"}]}`,
			"organization.engineer_hourly_cost"},
		{"decimal as string", `{"organization":{"name":"A","comfort_factor":"1.` + million + `"},"workloads":[{"name":"w"}]}`,
			"organization.comfort_factor"},
		{"exchange rate", `{"organization":{"name":"A","rates":{"rates":{"EUR":"` + million + `"}}},"workloads":[{"name":"w"}]}`,
			"organization.rates.rates.EUR"},
		{"workload integer", `{"organization":{"name":"A"},"workloads":[{"name":"w"},{"name":"v","vcpu":` + million + `}]}`,
			"workloads[1].vcpu"},
		{"workload decimal", `{"organization":{"name":"A"},"workloads":[{"name":"w","current_monthly_cost":-` + million + `e5}]}`,
			"workloads[0].current_monthly_cost"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &client{tb: t, h: s.Handler()}
			rec := c.do("POST", "/api/v1/assessments", tc.body)
			var body apiError
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("got %d %q: %v", rec.Code, rec.Body.String(), err)
			}
			if rec.Code != 422 || body.Error.Field != tc.field || !strings.Contains(body.Error.Message, "64") {
				t.Errorf("got %d field %q message %q, want 422 for %s saying 64", rec.Code, body.Error.Field, body.Error.Message, tc.field)
			}
		})
	}
	c := &client{tb: t, h: s.Handler()}
	long := strings.Repeat("9", 100)
	if rec := c.do("POST", "/api/v1/assessments", `{"organization":{"name":"`+long+`"},"workloads":[{"name":"w"}]}`); rec.Code != 201 {
		t.Errorf("a digit-only name: got %d %s, want 201 (only numbers are capped at 64)", rec.Code, rec.Body.String())
	}
}

// TestPricesQueryNumberTooLong: the prices API refuses a huge figure by its
// length.
func TestPricesQueryNumberTooLong(t *testing.T) {
	s, _, _ := testServer(t, true)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/prices?vcpu="+strings.Repeat("1", 10_000), nil))
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), "64") {
		t.Errorf("got %d %s, want 422 saying 64", rec.Code, rec.Body.String())
	}
}
