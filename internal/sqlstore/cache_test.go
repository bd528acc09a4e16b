package sqlstore

import (
	"fmt"
	"testing"

	"cloudadvisor/pricing"
)

// TestQuoteCacheBound: the decoded-quote cache stays within its byte budget,
// forgets the oldest entries first and skips a single oversized entry.
func TestQuoteCacheBound(t *testing.T) {
	var c quoteCache
	size := quoteCacheBytes / 10
	for i := range 25 {
		c.put(fmt.Sprint(i), []pricing.Option{{SKU: fmt.Sprint(i)}}, size)
	}
	if c.bytes > quoteCacheBytes {
		t.Errorf("cache holds %d bytes, budget %d", c.bytes, quoteCacheBytes)
	}
	if _, ok := c.get("0"); ok {
		t.Error("the oldest entry is still cached")
	}
	if o, ok := c.get("24"); !ok || o[0].SKU != "24" {
		t.Errorf("newest entry: %v %v", o, ok)
	}
	c.put("big", []pricing.Option{{}}, quoteCacheBytes/4)
	if _, ok := c.get("big"); ok {
		t.Error("an entry of a quarter of the budget was cached")
	}
}
