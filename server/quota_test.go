package server

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"cloudadvisor/advisor"
)

// TestQuotaErrors checks each store quota reaches the user through the one
// error table with its own status, the field at fault and the limit.
func TestQuotaErrors(t *testing.T) {
	tests := []struct {
		err    error
		status int
		field  string
		want   string
	}{
		{&advisor.QuotaError{What: "staged_bytes", Limit: 128 << 20}, http.StatusRequestEntityTooLarge, "file", "128 MiB"},
		{&advisor.QuotaError{What: "assessments", Limit: 200}, http.StatusUnprocessableEntity, "", "200 assessments"},
		{&advisor.QuotaError{What: "staged_total", Limit: 2 << 30}, http.StatusServiceUnavailable, "file", "Try again"},
	}
	for _, tc := range tests {
		err := fmt.Errorf("stage import: %w", tc.err)
		if got := errStatus(err); got != tc.status {
			t.Errorf("%v: status %d, want %d", tc.err, got, tc.status)
		}
		field, msg := errMessage(context.Background(), err)
		if field != tc.field || !strings.Contains(msg, tc.want) {
			t.Errorf("%v: field %q, message %q; want field %q and %q", tc.err, field, msg, tc.field, tc.want)
		}
	}
}
