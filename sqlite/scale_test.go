package sqlite

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
	"cloudadvisor/pricing/defaults"
	"cloudadvisor/pricing/sheet"
)

// BenchmarkSave10k saves and reloads an assessment of 10,000 workloads.
func BenchmarkSave10k(b *testing.B) {
	var offers []pricing.Offer
	for _, s := range defaults.Sheets() {
		sheet.Parse(bytes.NewReader(s.Data), func(o pricing.Offer) error { offers = append(offers, o); return nil })
	}
	inputs := make([]advisor.WorkloadInput, 10000)
	for i := range inputs {
		name, vcpu, mem := fmt.Sprintf("vm-%05d", i), []int{1, 2, 4, 8}[i%4], []float64{2, 4, 8, 16, 32}[i%5]
		inputs[i] = advisor.WorkloadInput{Name: &name, VCPU: &vcpu, MemoryGiB: &mem}
	}
	org := "Big"
	a, err := advisor.Assess(advisor.DefaultRules(), pricing.NewCatalog(offers), advisor.OrganizationInput{Name: &org}, inputs)
	if err != nil {
		b.Fatal(err)
	}
	db := openTest(b)
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if err := db.CreateAssessment(ctx, &a); err != nil {
			b.Fatal(err)
		}
		saved := time.Since(start)
		got, err := db.Assessment(ctx, a.ID)
		if err != nil || len(got.Workloads) != 10000 {
			b.Fatalf("reload: %d workloads, %v", len(got.Workloads), err)
		}
		b.ReportMetric(float64(saved.Milliseconds()), "ms-save")
		b.ReportMetric(float64(time.Since(start).Milliseconds()-saved.Milliseconds()), "ms-load")
	}
}
