package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"cloudadvisor/advisor"
	"cloudadvisor/internal/defaultcatalog"
	"cloudadvisor/server"
)

// serve opens the store, loads the rules and the default catalog, and serves
// HTTP until ctx is cancelled, then shuts down gracefully.
func serve(ctx context.Context, cfg Config, stdout io.Writer) error {
	log := slog.New(slog.NewTextHandler(stdout, nil))
	rules := advisor.DefaultRules()
	if cfg.RulesPath != "" {
		b, err := os.ReadFile(cfg.RulesPath)
		if err != nil {
			return fmt.Errorf("read rules: %w", err)
		}
		if rules, err = advisor.LoadRules(b); err != nil {
			return fmt.Errorf("rules file %s: %w", cfg.RulesPath, err)
		}
	}
	db, err := openStore(ctx, cfg.DBPath, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	// Instances starting together on one database import the default
	// catalog once: the others wait, then find it unchanged.
	err = db.Exclusive(ctx, "default-catalog", func(ctx context.Context) error { return defaultcatalog.Import(ctx, db, log) })
	if err != nil {
		return err
	}
	app := server.New(server.Options{Store: db, Rules: rules, Log: log, SessionKeys: cfg.SessionKeys,
		SecureCookie: cfg.SecureCookie, TrustProxy: cfg.TrustProxy, ExportCacheBytes: exportCacheBytes(cfg.ExportCacheMB)})
	if cfg.AdminAddr != "" {
		stop, err := serveAdmin(cfg.AdminAddr, app.AdminHandler(), log)
		if err != nil {
			return err
		}
		defer stop()
	}
	srv := &http.Server{
		Handler:           app.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	if cfg.RefreshInterval > 0 {
		if err := startRefresh(ctx, cfg, db, app, log); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	log.Info("listening", "url", "http://"+ln.Addr().String(), "store", storeName(cfg.DBPath, cfg.DatabaseURL), "rules_version", rules.Version()[:12])
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// serveAdmin serves metrics and pprof on their own listener, apart from the
// app, so they are never exposed with it.
func serveAdmin(addr string, h http.Handler, log *slog.Logger) (func(), error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on admin address %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 60 * time.Second}
	log.Info("admin listening", "url", "http://"+ln.Addr().String()+"/metrics")
	go srv.Serve(ln)
	return func() { srv.Close() }, nil
}

// exportCacheBytes is the server's export cache budget for -export-cache-mb:
// none for 0.
func exportCacheBytes(mb int) int64 {
	if mb == 0 {
		return -1
	}
	return int64(mb) << 20
}
