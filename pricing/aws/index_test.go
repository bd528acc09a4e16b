package aws

import (
	"errors"
	"maps"
	"os"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func open(tb testing.TB, path string) *os.File {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

func TestParseOfferIndex(t *testing.T) {
	x, err := ParseOfferIndex(open(t, "testdata/offer-index-small.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := OfferEntry{
		OfferCode: "AmazonEC2", VersionIndexURL: "/offers/v1.0/aws/AmazonEC2/index.json",
		CurrentVersionURL:          "/offers/v1.0/aws/AmazonEC2/current/index.json",
		CurrentRegionIndexURL:      "/offers/v1.0/aws/AmazonEC2/current/region_index.json",
		SavingsPlanVersionIndexURL: "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/index.json",
		CurrentSavingsPlanIndexURL: "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/region_index.json",
	}
	if diff := cmp.Diff(want, x.Offers["AmazonEC2"]); diff != "" {
		t.Errorf("AmazonEC2 (-want +got):\n%s", diff)
	}
	if len(x.Offers) != 2 || x.PublicationDate != "2025-09-12T23:25:36Z" {
		t.Errorf("got %d offers published %s, want 2, 2025-09-12T23:25:36Z", len(x.Offers), x.PublicationDate)
	}
}

func TestParseRegionIndexes(t *testing.T) {
	r, err := ParseRegionIndex(open(t, "testdata/region-index-small.json"))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Regions["eu-central-1"].CurrentVersionURL; got != "/offers/v1.0/aws/AmazonEC2/20250912225308/eu-central-1/index.json" {
		t.Errorf("eu-central-1 url: got %s", got)
	}
	sp, err := ParseSavingsPlanRegionIndex(open(t, "testdata/savingsplan-region-index-small.json"))
	if err != nil {
		t.Fatal(err)
	}
	e, ok := sp.Region("us-east-1")
	if !ok || e.VersionURL != "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/20250911184447/us-east-1/index.json" {
		t.Errorf("us-east-1: got %+v %v, want its versionUrl", e, ok)
	}
	v, err := ParseVersionIndex(open(t, "testdata/version-index-small.json"))
	if err != nil {
		t.Fatal(err)
	}
	if cur := v.Versions[v.CurrentVersion]; v.CurrentVersion != "20250912225308" || cur.VersionEffectiveEndDate != "" {
		t.Errorf("current version: got %s ending %q, want 20250912225308 ending \"\"", v.CurrentVersion, cur.VersionEffectiveEndDate)
	}
}

// TestParseIndexWrongKind: regions is a map in one index and an array in
// the other; each parser refuses the other's file.
func TestParseIndexWrongKind(t *testing.T) {
	if _, err := ParseRegionIndex(open(t, "testdata/savingsplan-region-index-small.json")); !errors.Is(err, ErrMalformed) {
		t.Errorf("region index from a savings plan index: got %v, want %v", err, ErrMalformed)
	}
	if _, err := ParseSavingsPlanRegionIndex(open(t, "testdata/region-index-small.json")); !errors.Is(err, ErrMalformed) {
		t.Errorf("savings plan index from a region index: got %v, want %v", err, ErrMalformed)
	}
	if _, err := ParseOfferIndex(open(t, "testdata/region-index-small.json")); !errors.Is(err, ErrFormat) {
		t.Errorf("offer index from a region index: got %v, want %v", err, ErrFormat)
	}
}

func TestSampleOfferIndex(t *testing.T) {
	x, err := ParseOfferIndex(open(t, sample(t, "offer-index-aws-index.json")))
	if err != nil {
		t.Fatal(err)
	}
	if x.PublicationDate != "2025-09-12T23:25:36Z" || len(x.Offers) != 242 {
		t.Errorf("got %s with %d offers, want 2025-09-12T23:25:36Z with 242", x.PublicationDate, len(x.Offers))
	}
	if got := x.Offers["AmazonEC2"].CurrentRegionIndexURL; got != "/offers/v1.0/aws/AmazonEC2/current/region_index.json" {
		t.Errorf("AmazonEC2 region index: got %s", got)
	}
	var withSP []string
	for code, e := range x.Offers {
		if e.SavingsPlanVersionIndexURL != "" {
			withSP = append(withSP, code)
		}
	}
	slices.Sort(withSP)
	if want := []string{"AWSLambda", "AmazonEC2", "AmazonECS", "AmazonEKS", "AmazonSageMaker"}; !slices.Equal(withSP, want) {
		t.Errorf("offers with savings plans: got %v, want %v", withSP, want)
	}
	for _, code := range []string{"AmazonRDS", "AmazonS3", "AWSLambda", "AWSAppRunner", "AmazonECS"} {
		if _, ok := x.Offers[code]; !ok {
			t.Errorf("offer %s: missing", code)
		}
	}
}

func TestSampleVersionIndex(t *testing.T) {
	v, err := ParseVersionIndex(open(t, sample(t, "offer-version-index-AmazonEC2.json")))
	if err != nil {
		t.Fatal(err)
	}
	cur, ok := v.Versions[v.CurrentVersion]
	if v.CurrentVersion != "20250912225308" || len(v.Versions) != 110 || !ok || cur.VersionEffectiveEndDate != "" {
		t.Errorf("got current %s (%v, end %q) of %d versions, want 20250912225308 (true, end \"\") of 110",
			v.CurrentVersion, ok, cur.VersionEffectiveEndDate, len(v.Versions))
	}
}

func TestSampleRegionIndex(t *testing.T) {
	r, err := ParseRegionIndex(open(t, sample(t, "region-index-AmazonEC2.json")))
	if err != nil {
		t.Fatal(err)
	}
	if r.PublicationDate != "2025-05-23T23:27:44Z" || len(r.Regions) != 101 {
		t.Errorf("got %s with %d regions, want 2025-05-23T23:27:44Z with 101", r.PublicationDate, len(r.Regions))
	}
	if _, ok := r.Regions["us-east-1-bos-1"]; !ok {
		t.Errorf("regions: got %v, want us-east-1-bos-1 among them", slices.Sorted(maps.Keys(r.Regions))[:5])
	}
	if got := r.Regions["us-east-1"].CurrentVersionURL; got != "/offers/v1.0/aws/AmazonEC2/20250523232744/us-east-1/index.json" {
		t.Errorf("us-east-1 url: got %s", got)
	}
}

func TestSampleSavingsPlanRegionIndex(t *testing.T) {
	sp, err := ParseSavingsPlanRegionIndex(open(t, sample(t, "savingsplan-region-index-AWSComputeSavingsPlan.json")))
	if err != nil {
		t.Fatal(err)
	}
	if sp.PublicationDate != "2025-09-11T18:44:47Z" || len(sp.Regions) != 103 || sp.Regions[0].RegionCode != "us-west-2-den-1" ||
		sp.Regions[0].VersionURL == "" {
		t.Errorf("got %s, %d regions, first %+v; want 2025-09-11T18:44:47Z, 103, us-west-2-den-1 with a versionUrl",
			sp.PublicationDate, len(sp.Regions), sp.Regions[0])
	}
}
