package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing"
)

// sample is an assessment of three workloads, two of which share their
// priced options (one stored quote), one with a source, tags and flags.
func sample(session string) advisor.Assessment {
	name := func(s string) *string { return &s }
	opts := []pricing.Option{{Provider: "aws", SKU: "m5.large", Recommended: true}, {Provider: "gcp", SKU: "e2-standard-2"}}
	a := advisor.Assessment{SessionID: session, RulesVersion: "r1",
		Organization: advisor.Organization{Name: "Acme", Geography: "us", Currency: "USD", HorizonYears: 3}}
	for i, n := range []string{"web", "api", "db"} {
		aw := advisor.Assessed{Input: advisor.WorkloadInput{Name: name(n)},
			Workload:       advisor.Workload{Name: n, Kind: "web_app", Instances: i + 1, VCPU: 2, MemoryGiB: 8},
			Recommendation: advisor.Recommendation{Model: "iaas", Strategy: "rehost"},
			Options:        append([]pricing.Option(nil), opts...), QuoteKey: "same"}
		if n == "db" {
			aw.QuoteKey, aw.Options = "", []pricing.Option{{Provider: "azure", SKU: "D2s v5"}, {Provider: "aws", Recommended: true}}
			aw.Source = advisor.Source{Key: "vm-7", Group: "cluster-a", Tags: []string{"prod"}, Flags: []string{"powered_off"}}
		}
		a.Workloads = append(a.Workloads, aw)
	}
	return a
}

func testAssessmentRoundTrip(t *testing.T, db Store) {
	ctx := context.Background()
	if _, err := db.Assessment(ctx, "nope"); !errors.Is(err, advisor.ErrNotFound) {
		t.Errorf("missing: got %v, want ErrNotFound", err)
	}
	a := sample("s1")
	if err := db.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if a.ID == "" || a.CreatedAt.IsZero() || !a.UpdatedAt.Equal(a.CreatedAt) {
		t.Fatalf("got id %q created %v updated %v, want an id and equal times", a.ID, a.CreatedAt, a.UpdatedAt)
	}
	got, err := db.Assessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.UpdatedAt.Equal(a.UpdatedAt) || got.SessionID != "s1" || got.Organization.Name != "Acme" || got.RulesVersion != "r1" {
		t.Errorf("got %+v, want session s1, Acme, r1 and the update time %v", got, a.UpdatedAt)
	}
	if len(got.Workloads) != 3 {
		t.Fatalf("got %d workloads, want 3", len(got.Workloads))
	}
	for i, w := range got.Workloads {
		if w.ID != a.Workloads[i].ID || w.Workload.Name != a.Workloads[i].Workload.Name || *w.Input.Name != w.Workload.Name {
			t.Errorf("workload %d: got %s %q, want %s %q", i, w.ID, w.Workload.Name, a.Workloads[i].ID, a.Workloads[i].Workload.Name)
		}
		want, _ := json.Marshal(a.Workloads[i].Options)
		if gotOpts, _ := json.Marshal(w.Options); string(gotOpts) != string(want) {
			t.Errorf("workload %d options: got %s, want %s", i, gotOpts, want)
		}
	}
	if s := got.Workloads[2].Source; s.Key != "vm-7" || s.Group != "cluster-a" || len(s.Tags) != 1 || len(s.Flags) != 1 {
		t.Errorf("got source %+v, want vm-7 in cluster-a, tagged and flagged", s)
	}
	other := sample("s2")
	if err := db.CreateAssessment(ctx, &other); err != nil {
		t.Fatal(err)
	}
	list, err := db.Assessments(ctx, "s1")
	if err != nil || len(list) != 1 || list[0].ID != a.ID || list[0].Organization != "Acme" || list[0].Workloads != 3 {
		t.Errorf("session list: got %+v, %v; want only %s (Acme, 3 workloads)", list, err, a.ID)
	}
}

// testAssessmentCache checks that a stored assessment is never changed by
// what a caller does with its copy, and that an update is seen at once.
func testAssessmentCache(t *testing.T, db Store) {
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

func testUpdateConflicts(t *testing.T, db Store) {
	ctx := context.Background()
	a := sample("s")
	if err := db.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	stale := a
	a.Workloads = a.Workloads[:1]
	if err := db.UpdateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if !a.UpdatedAt.After(stale.UpdatedAt) {
		t.Errorf("got update time %v, want after %v", a.UpdatedAt, stale.UpdatedAt)
	}
	if err := db.UpdateAssessment(ctx, &stale); !errors.Is(err, advisor.ErrConflict) {
		t.Errorf("stale update: got %v, want ErrConflict", err)
	}
	got, err := db.Assessment(ctx, a.ID)
	if err != nil || len(got.Workloads) != 1 {
		t.Errorf("after the refused update: got %d workloads, %v; want 1", len(got.Workloads), err)
	}
	gone := sample("s")
	gone.ID = "missing"
	if err := db.UpdateAssessment(ctx, &gone); !errors.Is(err, advisor.ErrNotFound) {
		t.Errorf("missing: got %v, want ErrNotFound", err)
	}
}

// testConcurrentUpdates saves one read of an assessment from several
// goroutines at once: exactly one wins, the others get ErrConflict.
func testConcurrentUpdates(t *testing.T, db Store) {
	ctx := context.Background()
	a := sample("s")
	if err := db.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	const n = 6
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			c := a
			c.Workloads = append([]advisor.Assessed(nil), a.Workloads[:1+i%3]...)
			errs[i] = db.UpdateAssessment(ctx, &c)
		})
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, advisor.ErrConflict):
			t.Errorf("got %v, want nil or ErrConflict", err)
		}
	}
	if won != 1 {
		t.Errorf("got %d updates saved, want exactly 1 (errors %v)", won, errs)
	}
}

func testOverview(t *testing.T, db Store) {
	ctx := context.Background()
	a := sample("s")
	if err := db.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	o, err := db.AssessmentOverview(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Workloads) != 3 || o.Organization.Name != "Acme" {
		t.Fatalf("got %d workloads of %q, want 3 of Acme", len(o.Workloads), o.Organization.Name)
	}
	for i, w := range o.Workloads {
		if w.Workload.Kind != "web_app" || w.Workload.Instances != i+1 || w.Workload.VCPU != 2 || w.Workload.MemoryGiB != 8 ||
			w.Recommendation.Model != "iaas" || w.Recommendation.Strategy != "rehost" {
			t.Errorf("workload %d: got %+v %+v, want web_app, %d instances, 2 vCPU, 8 GiB, iaas, rehost", i,
				w.Workload, w.Recommendation, i+1)
		}
		if len(w.Options) != 1 || !w.Options[0].Recommended || w.Options[0].Provider != "aws" {
			t.Errorf("workload %d: got options %+v, want only the recommended one", i, w.Options)
		}
	}
	if _, err := db.AssessmentOverview(ctx, "nope"); !errors.Is(err, advisor.ErrNotFound) {
		t.Errorf("missing: got %v, want ErrNotFound", err)
	}
}

// testSharedQuoteEgress stores workloads of one quote key whose options state
// each its own earlier estate egress: every read (whole, overview, and after
// saving a read back) gives each workload its own options.
func testSharedQuoteEgress(t *testing.T, db Store) {
	ctx := context.Background()
	a := advisor.Assessment{SessionID: "s", RulesVersion: "r1"}
	for i, from := range []int{100, 2500, 0, 1200} {
		name := fmt.Sprintf("w%d", i)
		notes := []pricing.Msg{pricing.M("price.note.burstable_only", "t3.medium")}
		if from > 0 {
			notes = append(notes, pricing.M("price.note.tiers_shared", pricing.GroupThousands(strconv.Itoa(from))))
		}
		aw := advisor.Assessed{Input: advisor.WorkloadInput{Name: &name}, Workload: advisor.Workload{Name: name},
			Estate: pricing.Estate{EgressBeforeGB: from, Hosts: 3}, QuoteKey: "tier",
			Options: []pricing.Option{{Provider: "aws", Recommended: true, Notes: notes}, {Provider: "gcp", Notes: notes}}}
		if from == 0 { // the start of the ladder: no note, a key of its own
			aw.QuoteKey = "start"
		}
		if i == 3 { // no key: stored as it is, whatever its estate says
			aw.QuoteKey, aw.Options[0].Notes = "", notes[:1]
		}
		a.Workloads = append(a.Workloads, aw)
	}
	if err := db.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	check := func(step string, got advisor.Assessment, only bool) {
		t.Helper()
		for i, w := range got.Workloads {
			want := a.Workloads[i].Options
			if only {
				want = want[:1]
			}
			wantJSON, _ := json.Marshal(want)
			if gotJSON, _ := json.Marshal(w.Options); string(gotJSON) != string(wantJSON) {
				t.Errorf("%s: workload %d options: got %s, want %s", step, i, gotJSON, wantJSON)
			}
		}
	}
	got, err := db.Assessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	check("read", got, false)
	o, err := db.AssessmentOverview(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	check("overview", o, true)
	if err := db.UpdateAssessment(ctx, &got); err != nil {
		t.Fatal(err)
	}
	again, err := db.Assessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	check("read after saving a read", again, false)
}

// testPageAndOwner checks the owner check and the result page's read: the
// page's workloads as Assessment reads them, every other one with its id,
// name, model, strategy, source and all its options.
func testPageAndOwner(t *testing.T, db Store) {
	ctx := context.Background()
	a := sample("s1")
	if err := db.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if sid, err := db.AssessmentSession(ctx, a.ID); err != nil || sid != "s1" {
		t.Errorf("owner: got %q, %v; want s1", sid, err)
	}
	if _, err := db.AssessmentSession(ctx, "nope"); !errors.Is(err, advisor.ErrNotFound) {
		t.Errorf("owner of a missing assessment: got %v, want ErrNotFound", err)
	}
	whole, err := db.Assessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range [][2]int{{1, 2}, {0, 3}, {2, 9}, {5, 6}} {
		got, err := db.AssessmentPage(ctx, a.ID, r[0], r[1])
		if err != nil {
			t.Fatal(err)
		}
		if got.SessionID != "s1" || got.Organization.Name != "Acme" || len(got.Workloads) != 3 {
			t.Fatalf("page %v: got session %q, %q, %d workloads; want s1, Acme, 3", r, got.SessionID, got.Organization.Name, len(got.Workloads))
		}
		for i, w := range got.Workloads {
			want := whole.Workloads[i]
			if i < r[0] || i >= r[1] { // the light part: the page shows totals of it
				want = advisor.Assessed{ID: want.ID, Options: want.Options, Source: want.Source,
					Workload:       advisor.Workload{Name: want.Workload.Name},
					Recommendation: advisor.Recommendation{Model: want.Recommendation.Model, Strategy: want.Recommendation.Strategy}}
				w.QuoteKey, w.Estate = "", pricing.Estate{}
			}
			gotJSON, _ := json.Marshal([]any{w, w.Input, w.QuoteKey, w.Estate})
			wantJSON, _ := json.Marshal([]any{want, want.Input, want.QuoteKey, want.Estate})
			if string(gotJSON) != string(wantJSON) {
				t.Errorf("page %v, workload %d: got %s, want %s", r, i, gotJSON, wantJSON)
			}
		}
	}
	if _, err := db.AssessmentPage(ctx, "nope", 0, 25); !errors.Is(err, advisor.ErrNotFound) {
		t.Errorf("page of a missing assessment: got %v, want ErrNotFound", err)
	}
}
