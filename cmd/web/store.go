package main

import (
	"context"
	"fmt"
	"net/url"

	"cloudadvisor/postgres"
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
// catalog import at start, run by one instance at a time, and closing.
type appStore interface {
	server.Store
	catalogStore
	// Exclusive runs fn while no other instance on the database runs a job
	// of the same name.
	Exclusive(ctx context.Context, name string, fn func(context.Context) error) error
}

// openStore opens PostgreSQL when databaseURL is set, else the SQLite file
// at path.
func openStore(ctx context.Context, path, databaseURL string) (appStore, error) {
	if databaseURL != "" {
		db, err := postgres.Open(ctx, databaseURL)
		if err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		return db, nil
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return db, nil
}

// storeName says in logs which store serves, without the URL's password.
func storeName(path, databaseURL string) string {
	if databaseURL == "" {
		return path
	}
	u, err := url.Parse(databaseURL)
	if err != nil {
		return "postgres"
	}
	return "postgres://" + u.Host + u.Path
}
