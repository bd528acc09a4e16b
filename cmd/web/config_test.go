package main

import (
	"path/filepath"
	"testing"
)

func TestExportCacheConfig(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		env       string
		wantBytes int64
		wantErr   bool
	}{
		{name: "default", wantBytes: 64 << 20},
		{name: "environment", env: "16", wantBytes: 16 << 20},
		{name: "flag over environment", args: []string{"-export-cache-mb", "8"}, env: "16", wantBytes: 8 << 20},
		{name: "off", args: []string{"-export-cache-mb", "0"}, wantBytes: -1},
		{name: "negative", args: []string{"-export-cache-mb", "-1"}, wantErr: true},
		{name: "not a number", env: "lots", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"ADVISOR_DB": filepath.Join(t.TempDir(), "a.db"), "ADVISOR_EXPORT_CACHE_MB": tc.env}
			args := append([]string{"web", "-db", env["ADVISOR_DB"]}, tc.args...)
			cfg, err := parseConfig(args, func(k string) string { return env[k] })
			if tc.wantErr {
				if err == nil {
					t.Fatalf("got no error, want one")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := exportCacheBytes(cfg.ExportCacheMB); got != tc.wantBytes {
				t.Errorf("got a budget of %d bytes, want %d", got, tc.wantBytes)
			}
		})
	}
}
