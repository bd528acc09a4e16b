package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"cloudadvisor/pricing/refresh"
	"cloudadvisor/server"
)

// defaultRefreshTimeout bounds one scheduled refresh unless configured.
const defaultRefreshTimeout = 2 * time.Hour

// startRefresh refreshes the catalog from the providers every
// cfg.RefreshInterval in the background until ctx ends; requests never wait
// for it. Its series join the admin listener's.
func startRefresh(ctx context.Context, cfg Config, db appStore, app *server.Server, log *slog.Logger) error {
	m := refresh.NewMetrics()
	if err := app.RegisterMetrics(m.Collectors()...); err != nil {
		return fmt.Errorf("refresh metrics: %w", err)
	}
	timeout := cfg.RefreshTimeout
	if timeout <= 0 {
		timeout = defaultRefreshTimeout
	}
	sources := withClient(cfg.RefreshSources, log, m)
	s := &refresh.Scheduler{Store: db, Interval: cfg.RefreshInterval, Timeout: min(timeout, cfg.RefreshInterval),
		Log: log, Metrics: m, Plan: func() ([]refresh.Job, []refresh.Result) { return refresh.Plan(sources) }}
	_, skipped := refresh.Plan(sources)
	for _, r := range skipped {
		log.Warn("scheduled refresh will skip a provider", "provider", r.Provider, "reason", r.Skipped)
	}
	log.Info("scheduled catalog refresh on", "interval", cfg.RefreshInterval, "timeout", s.Timeout)
	go s.Run(ctx)
	return nil
}
