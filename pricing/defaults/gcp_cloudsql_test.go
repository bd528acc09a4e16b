package defaults_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"cloudadvisor/pricing"
)

// TestCloudSQLPublished checks gcp_cloudsql.csv against the Tokyo
// (asia-northeast1) figures of cloud.google.com/sql/pricing as extracted on
// 2026-09-10 (moruku36/cloud-validation-level3-astra-light@7daa93c0
// experiments/B/B-2/official-rates.json): Enterprise edition vCPUs
// $0.0537 / hour, Memory $0.0091 / GiB-hour, HA vCPUs $0.1074, HA Memory
// $0.0182; SSD storage $0.221 (HA $0.442) and backups $0.104 per GiB-month.
func TestCloudSQLPublished(t *testing.T) {
	all := loadAll(t)
	tests := []struct {
		name, sku, want, published string
	}{
		{"PostgreSQL 4 vCPU 16 GiB zonal", "db-custom-4-16384/postgresql", "0.3604", "4 × 0.0537 + 16 × 0.0091"},
		{"PostgreSQL 4 vCPU 16 GiB HA", "db-custom-4-16384/postgresql/regional", "0.7208", "4 × 0.1074 + 16 × 0.0182"},
		{"MySQL 16 vCPU 104 GiB high-memory", "db-custom-16-106496/mysql", "1.8056", "16 × 0.0537 + 104 × 0.0091"},
		{"MySQL 96 vCPU 624 GiB high-memory", "db-custom-96-638976/mysql", "10.8336", "96 × 0.0537 + 624 × 0.0091"},
		{"PostgreSQL 1 vCPU 3.75 GiB", "db-custom-1-3840/postgresql", "0.087825", "1 × 0.0537 + 3.75 × 0.0091"},
		{"PostgreSQL SSD storage", "cloudsql-ssd/postgresql", "0.221", "SSD storage capacity $0.221 / GiB-month"},
		{"PostgreSQL SSD storage HA", "cloudsql-ssd/postgresql/regional", "0.442", "HA SSD storage capacity $0.442 / GiB-month"},
		{"MySQL backups", "cloudsql-backup/mysql", "0.104", "Backups (used) $0.104 / GiB-month"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFigure(t, all, "gcp", "asia-northeast1", tt.sku, tt.want, tt.published) })
	}
}

// TestCloudSQLShapesAddUp checks that every Cloud SQL shape costs its vCPUs
// and GiB at the rates its row names, that the shapes reach 16 vCPU and
// 128 GiB for both engines, zonal and HA, and that each shape's memory is a
// valid custom size (0.9 to 6.5 GiB per vCPU).
func TestCloudSQLShapesAddUp(t *testing.T) {
	reach := map[string]bool{}
	for _, o := range loadAll(t) {
		if o.file != "gcp_cloudsql.csv" || o.Unit != pricing.PerHour {
			continue
		}
		cpu := decimal.RequireFromString(o.Attributes["vcpu_rate"])
		ram := decimal.RequireFromString(o.Attributes["memory_gib_rate"])
		want := cpu.Mul(decimal.NewFromFloat(o.VCPU)).Add(ram.Mul(decimal.NewFromFloat(o.MemoryGiB)))
		if !o.Amount.Equal(want) {
			t.Errorf("%s: got %s, want %s = %v vCPU × %s + %v GiB × %s", o.SKU, o.Amount, want, o.VCPU, cpu, o.MemoryGiB, ram)
		}
		if per := o.MemoryGiB / o.VCPU; per < 0.9 || per > 6.5 {
			t.Errorf("%s: %v GiB per vCPU, want 0.9 to 6.5", o.SKU, per)
		}
		if !strings.HasPrefix(o.SKU, o.Name+"/"+o.Attributes["engine"]) {
			t.Errorf("%s: sku does not start with name/engine", o.SKU)
		}
		if o.VCPU >= 16 && o.MemoryGiB >= 128 {
			reach[o.Attributes["engine"]+" "+o.Attributes["ha"]] = true
		}
	}
	for _, k := range []string{"postgresql none", "postgresql regional", "mysql none", "mysql regional"} {
		if !reach[k] {
			t.Errorf("%s: no shape of at least 16 vCPU and 128 GiB", k)
		}
	}
}
