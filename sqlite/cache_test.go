package sqlite

import (
	"context"
	"testing"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// TestAssessmentCache checks that a cached assessment is never changed by
// what a caller does with its copy, and that an update is seen at once.
func TestAssessmentCache(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	name := "w"
	a := advisor.Assessment{SessionID: "s", Workloads: []advisor.Assessed{{Input: advisor.WorkloadInput{Name: &name},
		Workload: advisor.Workload{Name: name}, Options: []pricing.Option{{Provider: "aws", Recommended: true}, {Provider: "gcp"}}}}}
	if err := db.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	first, err := db.Assessment(ctx, a.ID) // stores it in the cache
	if err != nil {
		t.Fatal(err)
	}
	first.Workloads[0].Options[0].Recommended = false
	first.Workloads[0].Options[1].Provider = "changed"
	first.Workloads = append(first.Workloads, advisor.Assessed{})
	second, err := db.Assessment(ctx, a.ID) // served from the cache
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Workloads) != 1 || !second.Workloads[0].Options[0].Recommended || second.Workloads[0].Options[1].Provider != "gcp" {
		t.Fatalf("a caller's changes reached the cache: got %+v", second.Workloads)
	}
	second.Workloads[0].Workload.Name = "renamed"
	if err := db.UpdateAssessment(ctx, &second); err != nil {
		t.Fatal(err)
	}
	third, err := db.Assessment(ctx, a.ID)
	if err != nil || third.Workloads[0].Workload.Name != "renamed" {
		t.Errorf("after an update: got %q, %v; want the renamed workload", third.Workloads[0].Workload.Name, err)
	}
}
