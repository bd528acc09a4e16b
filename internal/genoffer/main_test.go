package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "offer.json")
	var stdout bytes.Buffer
	if err := run([]string{"-size", "1", "-o", out}, &stdout); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) < 1_000_000 || len(data) > 1_100_000 {
		t.Errorf("size: got %d bytes, want about 1 MB", len(data))
	}
	var offer struct {
		OfferCode string
		Products  map[string]json.RawMessage
		Terms     map[string]map[string]json.RawMessage
	}
	if err := json.Unmarshal(data, &offer); err != nil {
		t.Fatalf("generated file is not JSON: %v", err)
	}
	if offer.OfferCode != "AmazonEC2" || len(offer.Products) == 0 || len(offer.Terms["OnDemand"]) != len(offer.Products) || len(offer.Terms["Reserved"]) == 0 {
		t.Errorf("got offer %q with %d products, %d on-demand, %d reserved SKUs, want AmazonEC2 with on-demand terms for every product",
			offer.OfferCode, len(offer.Products), len(offer.Terms["OnDemand"]), len(offer.Terms["Reserved"]))
	}
	if !strings.Contains(string(data[:2000]), `"products" : {`) {
		t.Errorf("spacing: want AWS's \"key\" : value style")
	}
	if !strings.HasPrefix(stdout.String(), "wrote ") {
		t.Errorf("stdout: got %q, want a summary", stdout.String())
	}
}

func TestRunUsage(t *testing.T) {
	if err := run([]string{"-size", "1"}, &bytes.Buffer{}); err == nil {
		t.Errorf("no -o: got no error, want usage")
	}
}
