package server

import (
	"context"
	"sync"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/ecb"
)

// catalogCache keeps one catalog snapshot per geography for as long as the
// same catalog versions are active: every questionnaire save and what-if
// prices against it, and loading it from SQLite is most of their cost.
type catalogCache struct {
	mu    sync.Mutex
	key   string
	geos  map[string]*pricing.Catalog
	rates *pricing.Rates // the exchange rates, for pages that price no catalog
}

// reset empties the cache when the active catalog key changed; c.mu is held.
func (c *catalogCache) reset(key string) {
	if c.key != key {
		c.key, c.geos, c.rates = key, map[string]*pricing.Catalog{}, nil
	}
}

// rates returns the exchange-rate table conversions use: the newest ECB
// table the active catalog holds when it is newer than the embedded one,
// else the embedded one (pricing.CurrentRates). It is cached, like the
// catalogs, until any instance activates another catalog version.
func (s *Server) rates(ctx context.Context) (pricing.Rates, error) {
	key, err := s.store.ActiveCatalogKey(ctx)
	if err != nil {
		return pricing.Rates{}, err
	}
	c := &s.catalogs
	c.mu.Lock()
	c.reset(key)
	r := c.rates
	c.mu.Unlock()
	if r != nil {
		return r.Clone(), nil
	}
	offers, err := s.store.Offers(ctx, pricing.OfferFilter{Provider: ecb.Provider})
	if err != nil {
		return pricing.Rates{}, err
	}
	cur := pricing.CurrentRates(offers)
	c.mu.Lock()
	if c.key == key {
		c.rates = &cur
	}
	c.mu.Unlock()
	return cur.Clone(), nil
}

// catalog returns the snapshot of the active offers of the geography's
// regions and the global ones.
func (s *Server) catalog(ctx context.Context, geography string) (*pricing.Catalog, error) {
	key, err := s.store.ActiveCatalogKey(ctx)
	if err != nil {
		return nil, err
	}
	c := &s.catalogs
	c.mu.Lock()
	c.reset(key)
	cat := c.geos[geography]
	c.mu.Unlock()
	if cat != nil {
		return cat, nil
	}
	regions := pricing.RegionsOf(geography) // every registered provider serving the geography
	offers, err := s.store.Offers(ctx, pricing.OfferFilter{Regions: regions})
	if err != nil {
		return nil, err
	}
	cat = pricing.NewCatalog(offers)
	c.mu.Lock()
	if c.key == key {
		c.geos[geography] = cat
	}
	c.mu.Unlock()
	return cat, nil
}
