// Package refresh fetches current prices from every supported provider's
// public endpoint and imports each provider as one catalog version of scope
// "refresh:PROVIDER" through the store's ordinary import: the whole fetch is
// first spooled to a temporary file, so a page missing, a timeout or a bad
// record fails that provider before the database is touched, and the
// previous version keeps serving.
package refresh

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"cloudadvisor/pricing"
)

// Importer is the store's catalog import (sqlite.DB and postgres.DB).
type Importer interface {
	ImportCatalog(ctx context.Context, in pricing.CatalogImport,
		parse func(pricing.Sink) (pricing.ImportStats, error)) (pricing.CatalogVersion, error)
}

// Job fetches one provider for every region asked for.
type Job struct {
	Provider string
	// Source is recorded on the catalog version: the endpoint read.
	Source string
	Fetch  func(ctx context.Context, sink pricing.Sink) (pricing.ImportStats, error)
	// Note is what the job leaves out and why, said once per run.
	Note string
}

// Scope is the catalog scope a refresh of provider replaces.
func Scope(provider string) string { return "refresh:" + provider }

// Result is what one job did.
type Result struct {
	Provider string
	Version  pricing.CatalogVersion // zero unless imported
	Err      error                  // nil when imported
	Skipped  string                 // why the job was not run (a missing credential)
	Note     string                 // what the job leaves out and why
	Duration time.Duration
}

// Status is "ok", "failed" or "skipped".
func (r Result) Status() string {
	switch {
	case r.Skipped != "":
		return "skipped"
	case r.Err != nil:
		return "failed"
	}
	return "ok"
}

// ErrPartial says a refresh imported some providers and failed others.
var ErrPartial = errors.New("refresh failed for some providers")

// Run runs each job in turn, importing each as one catalog version, and
// returns one result per job (and per skip). A failed job is logged and
// leaves that provider's previous version serving; Run then goes on with
// the others and returns ErrPartial at the end.
func Run(ctx context.Context, db Importer, jobs []Job, skipped []Result, log *slog.Logger) ([]Result, error) {
	results := append([]Result(nil), skipped...)
	failed := 0
	for _, j := range jobs {
		r := Result{Provider: j.Provider}
		if err := ctx.Err(); err != nil {
			// Out of time: the providers not reached count as failed.
			r.Err = fmt.Errorf("refresh %s: not started: %w", j.Provider, err)
		} else {
			r = runJob(ctx, db, j, log)
		}
		if r.Err != nil {
			failed++
		}
		results = append(results, r)
	}
	if failed > 0 {
		return results, fmt.Errorf("%w: %d of %d", ErrPartial, failed, len(jobs))
	}
	return results, nil
}

func runJob(ctx context.Context, db Importer, j Job, log *slog.Logger) Result {
	start := time.Now()
	r := Result{Provider: j.Provider, Note: j.Note}
	log.Info("refresh fetching", "provider", j.Provider, "source", j.Source)
	sp, err := newSpool()
	if err == nil {
		defer sp.close()
		var st pricing.ImportStats
		st, err = j.Fetch(ctx, sp.write)
		if err == nil {
			r.Version, err = db.ImportCatalog(ctx, pricing.CatalogImport{Provider: j.Provider, Scope: Scope(j.Provider),
				Source: j.Source, Checksum: fetchChecksum()}, func(sink pricing.Sink) (pricing.ImportStats, error) {
				return st, sp.replay(sink)
			})
		}
	}
	r.Duration = time.Since(start)
	if err != nil {
		r.Err = fmt.Errorf("refresh %s: %w", j.Provider, err)
		log.Error("refresh failed; the previous prices keep serving", "provider", j.Provider, "err", err,
			"duration", r.Duration.Round(time.Millisecond))
		return r
	}
	log.Info("refresh imported", "provider", j.Provider, "version", r.Version.ID, "products", r.Version.Products,
		"prices", r.Version.Prices, "skipped", r.Version.Skipped, "duration", r.Duration.Round(time.Millisecond))
	return r
}

// fetchChecksum is unique per fetch: a fetch has no bytes to hash before it
// is imported, so every refresh builds a new version.
func fetchChecksum() string {
	nonce := make([]byte, 8)
	rand.Read(nonce)
	return "refresh:" + time.Now().UTC().Format(time.RFC3339) + ":" + hex.EncodeToString(nonce)
}
