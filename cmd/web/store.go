package main

import (
	"context"
	"fmt"

	"cloudadvisor/pricing"
	"cloudadvisor/server"
	"cloudadvisor/sqlite"
)

// catalogStore is what the catalog commands need from the database.
type catalogStore interface {
	ImportCatalog(ctx context.Context, in pricing.CatalogImport,
		parse func(pricing.Sink) (pricing.ImportStats, error)) (pricing.CatalogVersion, error)
	CatalogVersions(ctx context.Context) ([]pricing.CatalogVersion, error)
	DiffVersions(ctx context.Context, a, b int64, limit int) (pricing.Diff, error)
	Close() error
}

// appStore is what the server process needs: the server's store, the
// catalog import at start and closing.
type appStore interface {
	server.Store
	catalogStore
}

// openStore opens the database of the app or of a command.
func openStore(ctx context.Context, path string) (appStore, error) {
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return db, nil
}
