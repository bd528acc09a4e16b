package server

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestPriceProvenance: the API and the price browser say each price's kind
// of source and age, and flag the stale and third-party ones.
func TestPriceProvenance(t *testing.T) {
	a := startApp(t)
	_, body := a.Do(t, "GET", "/api/v1/prices?limit=1000", "", "")
	var got struct {
		Items []struct {
			SourceKind    string `json:"source_kind"`
			EffectiveFrom string `json:"effective_from"`
			AgeDays       *int   `json:"age_days"`
			Stale         bool   `json:"stale"`
			Flagged       bool   `json:"flagged"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil || len(got.Items) == 0 {
		t.Fatalf("got %v, %d items: %.200s", err, len(got.Items), body)
	}
	kinds := map[string]int{}
	for _, it := range got.Items {
		kinds[it.SourceKind]++
		if it.EffectiveFrom == "" || it.AgeDays == nil {
			t.Fatalf("got an item without effective_from or age_days: %+v", it)
		}
		if it.SourceKind == "third_party" && !it.Flagged {
			t.Errorf("got a third-party price not flagged: %+v", it)
		}
	}
	if kinds["third_party"] == 0 || kinds["derived_dataset"] == 0 {
		t.Errorf("got kinds %v, want both third_party and derived_dataset in the embedded catalog", kinds)
	}
	_, page := a.Do(t, "GET", "/prices?provider=aws", "", "")
	for _, want := range []string{`data-testid="source-kind"`, `data-testid="price-age"`} {
		if !strings.Contains(page, want) {
			t.Errorf("price browser lacks %s", want)
		}
	}
}
