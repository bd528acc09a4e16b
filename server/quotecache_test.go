package server

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloudadvisor/internal/defaultcatalog"
	"cloudadvisor/internal/webtest"
	"cloudadvisor/sqlite"
)

// TestQuoteCacheSamePage: the store keeps the quotes it writes decoded, so
// the result page after a create reads no JSON. The page must be the same,
// byte for byte, as one rendered by a second process over the same database
// file, which decodes every quote from what was stored.
func TestQuoteCacheSamePage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	open := func() *webtest.Client {
		db, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if err := defaultcatalog.Import(context.Background(), db, slog.New(slog.DiscardHandler)); err != nil {
			t.Fatal(err)
		}
		now := func() time.Time { return time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC) }
		srv := httptest.NewServer(newTestServerWith(db, Options{Now: now, ExportCacheBytes: -1}).Handler())
		t.Cleanup(srv.Close)
		return webtest.NewClient(srv.URL)
	}
	first := open()
	id := createTwenty(t, first, 3)
	page := func(c *webtest.Client) string {
		resp, body := c.Do(t, "GET", "/assessments/"+id, "", "")
		if resp.StatusCode != 200 {
			t.Fatalf("result page: %d %.300s", resp.StatusCode, body)
		}
		return body
	}
	fromMemory := page(first)
	second := open()
	second.HTTP.Jar = first.HTTP.Jar // the same browser: cookies go by host, not port
	fromDisk := page(second)
	if !strings.Contains(fromMemory, "w3-0") || !strings.Contains(fromMemory, "USD") {
		t.Fatalf("result page lacks the workloads: %.500s", fromMemory)
	}
	if fromMemory != fromDisk {
		i := 0
		for i < min(len(fromMemory), len(fromDisk)) && fromMemory[i] == fromDisk[i] {
			i++
		}
		t.Errorf("result page differs at byte %d of %d/%d:\nfrom memory: %.300q\nfrom disk:   %.300q", i,
			len(fromMemory), len(fromDisk), fromMemory[max(i-100, 0):], fromDisk[max(i-100, 0):])
	}
}
