package server

import (
	"context"
	"sync"

	"cloudadvisor/pricing"
)

// catalogCache keeps one catalog snapshot per geography for as long as the
// same catalog versions are active: every questionnaire save and what-if
// prices against it, and loading it from SQLite is most of their cost.
type catalogCache struct {
	mu   sync.Mutex
	key  string
	geos map[string]*pricing.Catalog
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
	if c.key != key {
		c.key, c.geos = key, map[string]*pricing.Catalog{}
	}
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
