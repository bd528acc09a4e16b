package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"cloudadvisor/advisor"
)

func testShares(t *testing.T, db Store) {
	ctx := context.Background()
	a := sample("s")
	if err := db.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	sh1, err := db.CreateShare(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	sh2, err := db.CreateShare(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(sh1.Token) != 52 || sh1.Token == sh2.Token {
		t.Errorf("got tokens %q and %q, want two different 52-character tokens", sh1.Token, sh2.Token)
	}
	got, err := db.Share(ctx, sh1.Token)
	if err != nil || got.AssessmentID != a.ID || got.Revoked {
		t.Errorf("got %+v, %v; want the live share of %s", got, err, a.ID)
	}
	if err := db.RevokeShare(ctx, a.ID, sh1.Token); err != nil {
		t.Fatal(err)
	}
	if err := db.RevokeShare(ctx, a.ID, sh1.Token); !errors.Is(err, advisor.ErrNotFound) {
		t.Errorf("revoke twice: got %v, want ErrNotFound", err)
	}
	if got, err := db.Share(ctx, sh1.Token); err != nil || !got.Revoked {
		t.Errorf("revoked: got %+v, %v; want it found and revoked", got, err)
	}
	list, err := db.Shares(ctx, a.ID)
	if err != nil || len(list) != 1 || list[0].Token != sh2.Token {
		t.Errorf("got %+v, %v; want only the live share", list, err)
	}
	if _, err := db.Share(ctx, "nope"); !errors.Is(err, advisor.ErrNotFound) {
		t.Errorf("missing: got %v, want ErrNotFound", err)
	}
	if err := db.RevokeShare(ctx, "other", sh2.Token); !errors.Is(err, advisor.ErrNotFound) {
		t.Errorf("another assessment's token: got %v, want ErrNotFound", err)
	}
}

func testStagedImports(t *testing.T, db Store) {
	ctx := context.Background()
	a := sample("s")
	if err := db.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	name := "vm-9"
	st := advisor.StagedImport{AssessmentID: a.ID, FileName: "rvtools.xlsx", Format: "rvtools",
		Rows:     []advisor.ImportRow{{Line: 2, Source: advisor.Source{Key: "vm-9"}, Input: advisor.WorkloadInput{Name: &name}}},
		Problems: json.RawMessage(`[{"line":3}]`)}
	if err := db.StageImport(ctx, &st); err != nil {
		t.Fatal(err)
	}
	got, err := db.StagedImport(ctx, a.ID, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.FileName != "rvtools.xlsx" || got.Format != "rvtools" || len(got.Rows) != 1 || *got.Rows[0].Input.Name != "vm-9" ||
		string(got.Problems) != `[{"line":3}]` || string(got.Stats) != "{}" || !got.CreatedAt.Equal(st.CreatedAt) {
		t.Errorf("got %+v, want the staged file back", got)
	}
	if _, err := db.StagedImport(ctx, "other", st.ID); !errors.Is(err, advisor.ErrNotFound) {
		t.Errorf("another assessment: got %v, want ErrNotFound", err)
	}
	a.Workloads = a.Workloads[:2]
	stale := a
	if err := db.ConfirmImport(ctx, &a, st.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.StagedImport(ctx, a.ID, st.ID); !errors.Is(err, advisor.ErrNotFound) {
		t.Errorf("after confirming: got %v, want the staged import gone", err)
	}
	if err := db.ConfirmImport(ctx, &a, st.ID); !errors.Is(err, advisor.ErrConflict) {
		t.Errorf("confirm twice: got %v, want ErrConflict", err)
	}
	if err := db.ConfirmImport(ctx, &stale, st.ID); !errors.Is(err, advisor.ErrConflict) {
		t.Errorf("confirm from a stale read: got %v, want ErrConflict", err)
	}
	if got, err := db.Assessment(ctx, a.ID); err != nil || len(got.Workloads) != 2 {
		t.Errorf("got %d workloads, %v; want the 2 confirmed", len(got.Workloads), err)
	}
}

// testQuotas checks one session cannot own more assessments or staged bytes
// than its quota, that other sessions are not held to its count, and that
// staging stops for everyone when all sessions together reach the total.
func testQuotas(t *testing.T, db Store) {
	q, ok := db.(interface{ SetQuotas(advisor.Quotas) })
	if !ok {
		t.Fatal("the store has no SetQuotas: quotas cannot be configured")
	}
	q.SetQuotas(advisor.Quotas{Assessments: 3, StagedBytesPerSession: 3000, StagedBytesTotal: 6000})
	ctx := context.Background()
	var first advisor.Assessment
	for i := range 3 {
		a := sample("heavy")
		if err := db.CreateAssessment(ctx, &a); err != nil {
			t.Fatalf("assessment %d of 3: %v", i+1, err)
		}
		first = a
	}
	over := sample("heavy")
	var qe *advisor.QuotaError
	if err := db.CreateAssessment(ctx, &over); !errors.As(err, &qe) || qe.What != "assessments" || qe.Limit != 3 ||
		!errors.Is(err, advisor.ErrQuota) {
		t.Fatalf("a 4th assessment: got %v, want the assessments quota of 3", err)
	}
	other := sample("light")
	if err := db.CreateAssessment(ctx, &other); err != nil {
		t.Fatalf("another session: %v", err)
	}
	stage := func(a advisor.Assessment, n int) error {
		name := strings.Repeat("x", n)
		st := advisor.StagedImport{AssessmentID: a.ID, FileName: "f.csv", Format: "own",
			Rows: []advisor.ImportRow{{Line: 2, Input: advisor.WorkloadInput{Name: &name}}}}
		return db.StageImport(ctx, &st)
	}
	if err := stage(first, 1500); err != nil {
		t.Fatalf("first staged file: %v", err)
	}
	if err := stage(first, 1500); !errors.As(err, &qe) || qe.What != "staged_bytes" {
		t.Fatalf("second file past 3000 bytes: got %v, want the staged_bytes quota", err)
	}
	if err := stage(first, 100); err != nil {
		t.Fatalf("a small file within the quota: %v", err)
	}
	if err := stage(other, 2000); err != nil {
		t.Fatalf("another session's file: %v", err)
	}
	if err := stage(other, 2000); !errors.As(err, &qe) || qe.What != "staged_total" {
		t.Fatalf("past 6000 bytes for all sessions: got %v, want the staged_total quota", err)
	}
}
