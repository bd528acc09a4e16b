package server

import (
	"bytes"
	"container/list"
	"context"
	"net/http"
	"sync"
)

// DefaultExportCacheBytes is the rendered exports' memory budget when
// Options leave it zero.
const DefaultExportCacheBytes = 64 << 20

// exportKey names one rendered export: everything its bytes depend on.
// Revision is the assessment's update time, which every save (an edit, an
// import, a re-pricing, new settings) moves forward; catalogs is the
// active catalog key, which every import that activates or retires a
// version changes (the "newer prices" notice, the re-priced figures and the
// exchange-rate table follow from it). Base is the owner's path or the
// share link's, which the document names; date is the day of the file name.
type exportKey struct {
	id, revision, catalogs string
	ext, lang, base, date  string
}

// exportEntry is a rendered export as it is sent.
type exportEntry struct {
	contentType, disposition string
	body                     []byte
	// sent is true when the export went to the client as it was rendered
	// (see spillWriter): there are no bytes to keep or send.
	sent bool
}

// setHeaders sets the export's content type and file name.
func (e exportEntry) setHeaders(h http.Header) {
	h.Set("Content-Type", e.contentType)
	h.Set("Content-Disposition", e.disposition)
}

// exportCache keeps rendered exports, least recently used first out, within
// a byte budget, and lets one request render a missing export while others
// asking for the same one wait for it.
type exportCache struct {
	budget int64 // at most this many body bytes; 0 or less caches nothing

	mu       sync.Mutex
	used     int64
	order    *list.List // of *cachedExport, most recently used first
	entries  map[exportKey]*list.Element
	inflight map[exportKey]chan struct{}
}

type cachedExport struct {
	key exportKey
	e   exportEntry
}

func newExportCache(budget int64) *exportCache {
	return &exportCache{budget: budget, order: list.New(), entries: map[exportKey]*list.Element{},
		inflight: map[exportKey]chan struct{}{}}
}

// largest is the size of the largest export the cache keeps, or without a
// cache DefaultExportCacheBytes: an export is rendered into memory up to
// that size (see spillWriter).
func (c *exportCache) largest() int {
	if c.budget <= 0 {
		return DefaultExportCacheBytes
	}
	return int(c.budget)
}

// get returns the cached export under key, marking it recently used.
func (c *exportCache) get(key exportKey) (exportEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lookup(key)
}

// lookup returns the cached export under key, marking it recently used;
// c.mu is held.
func (c *exportCache) lookup(key exportKey) (exportEntry, bool) {
	el, ok := c.entries[key]
	if !ok {
		return exportEntry{}, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cachedExport).e, true
}

// put stores an export, evicting the least recently used ones until it
// fits; one larger than the whole budget is not stored.
func (c *exportCache) put(key exportKey, e exportEntry) {
	size := int64(len(e.body))
	if size > c.budget {
		return
	}
	if cap(e.body)-len(e.body) > len(e.body)/8 {
		// A grown buffer may hold twice its length: keep only the bytes,
		// so that the budget counts what is held.
		e.body = bytes.Clone(e.body)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		c.remove(el)
	}
	for c.used+size > c.budget {
		c.remove(c.order.Back())
	}
	c.entries[key] = c.order.PushFront(&cachedExport{key, e})
	c.used += size
}

// remove drops an entry; c.mu is held.
func (c *exportCache) remove(el *list.Element) {
	ce := c.order.Remove(el).(*cachedExport)
	delete(c.entries, ce.key)
	c.used -= int64(len(ce.e.body))
}

// size is the bytes held.
func (c *exportCache) size() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used
}

// load returns the export under key: the cached one (hit is true), or what
// render makes, stored when render says it may be. While one request
// renders an export, others asking for it wait, then take the cached copy
// (or render it themselves when it could not be stored).
func (c *exportCache) load(ctx context.Context, key exportKey,
	render func() (e exportEntry, keep bool, err error)) (e exportEntry, hit bool, err error) {
	if c.budget <= 0 {
		e, _, err = render()
		return e, false, err
	}
	for {
		c.mu.Lock()
		if e, ok := c.lookup(key); ok {
			c.mu.Unlock()
			return e, true, nil
		}
		wait, busy := c.inflight[key]
		if !busy {
			break // c.mu stays held until this request is marked as rendering
		}
		c.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return exportEntry{}, false, ctx.Err()
		}
	}
	done := make(chan struct{})
	c.inflight[key] = done
	c.mu.Unlock()
	defer func() { // also when render panics: the waiters must not wait forever
		c.mu.Lock()
		delete(c.inflight, key)
		c.mu.Unlock()
		close(done)
	}()
	e, keep, err := render()
	if err == nil && keep {
		c.put(key, e)
	}
	return e, false, err
}
