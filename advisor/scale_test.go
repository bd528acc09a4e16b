package advisor

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkAssess10k assesses 10,000 workloads of realistic variety against
// the embedded default catalog, loaded as the app loads it.
func BenchmarkAssess10k(b *testing.B) {
	cat := defaultCatalog(b)
	inputs := make([]WorkloadInput, 10000)
	kinds := []string{"web_app", "api", "database", "batch", "other"}
	for i := range inputs {
		name := fmt.Sprintf("vm-%05d", i)
		kind := kinds[i%len(kinds)]
		vcpu := []int{1, 2, 4, 8, 16}[i%5]
		mem := []float64{2, 4, 8, 16, 32, 64}[i%6]
		storage := []int{40, 100, 250, 500}[i%4]
		os := []string{"linux", "windows"}[i%2]
		inputs[i] = WorkloadInput{Name: &name, Kind: &kind, VCPU: &vcpu, MemoryGiB: &mem, StorageGB: &storage, OS: &os}
	}
	org := "Big Estate"
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if _, err := Assess(DefaultRules(), cat, OrganizationInput{Name: &org}, inputs); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms/assessment")
	}
}
