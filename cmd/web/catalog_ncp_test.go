package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCatalogImportNCP imports the NCP fixture with --format ncp. The
// fixture is NOT a real NCP response: it is written from the documented
// getProductPriceList shape (no real response was available).
func TestCatalogImportNCP(t *testing.T) {
	c := newCatalogEnv(t)
	fixture, err := filepath.Abs("../../pricing/ncp/testdata/getproductpricelist.json")
	if err != nil {
		t.Fatal(err)
	}
	out := c.mustRun(t, "import", "--format", "ncp", "--file", fixture)
	if !strings.Contains(out, "stored 3 products, 3 prices") {
		t.Errorf("got %q, want 3 products and 3 prices stored", out)
	}
	if list := c.mustRun(t, "list"); !strings.Contains(list, "ncp") {
		t.Errorf("catalog list: got %q, want the ncp version", list)
	}
	bad := filepath.Join(c.dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"getProductPriceListResponse": {"productPriceList": [}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := c.run(t, "import", "--format", "ncp", "--file", bad); err == nil || !strings.Contains(err.Error(), "byte 55") {
		t.Errorf("malformed file: got %v, want a refusal naming byte 55", err)
	}
	if _, err := c.run(t, "import", "--format", "ncp", "--fetch"); err == nil || !strings.Contains(err.Error(), "ADVISOR_NCP_ACCESS_KEY") {
		t.Errorf("fetch: got %v, want --fetch refused for want of the NCP key pair", err)
	}
	if _, err := c.run(t, "import", "--format", "nhn", "--file", fixture); err == nil || !strings.Contains(err.Error(), "unknown provider") {
		t.Errorf("nhn: got %v, want unknown provider (no importer: not priced)", err)
	}
}
