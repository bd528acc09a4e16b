package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"cloudadvisor/pricing/refresh"
	"cloudadvisor/server"
)

// Config is the validated configuration of the server.
type Config struct {
	Addr      string
	AdminAddr string
	DBPath    string
	// DatabaseURL, when set, puts the store on PostgreSQL instead of the
	// SQLite file DBPath.
	DatabaseURL  string
	RulesPath    string
	SessionKeys  [][]byte
	SecureCookie bool
	TrustProxy   bool
	// RefreshInterval, when positive, refreshes the catalog from the
	// providers in the background that often; RefreshTimeout bounds one run.
	RefreshInterval time.Duration
	RefreshTimeout  time.Duration
	// RefreshSources are the provider endpoints and credentials a refresh
	// reads (from ADVISOR_*_URL, ADVISOR_GCP_API_KEY, ...).
	RefreshSources refresh.Config
	// ExportCacheMB is the memory, in MiB, that rendered exports are kept
	// in for repeated downloads; 0 keeps none.
	ExportCacheMB int
}

// parseConfig reads flags, falling back to the environment, then to defaults.
func parseConfig(args []string, getenv func(string) string) (Config, error) {
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var cfg Config
	fs.StringVar(&cfg.Addr, "addr", envOr(getenv, "ADVISOR_ADDR", "127.0.0.1:8080"), "listen address (env ADVISOR_ADDR)")
	fs.StringVar(&cfg.AdminAddr, "admin-addr", envOr(getenv, "ADVISOR_ADMIN_ADDR", ""), "admin listener for /metrics and /debug/pprof, off when empty (env ADVISOR_ADMIN_ADDR)")
	fs.StringVar(&cfg.DBPath, "db", envOr(getenv, "ADVISOR_DB", "advisor.db"), "SQLite database file (env ADVISOR_DB)")
	fs.StringVar(&cfg.DatabaseURL, "database-url", getenv("ADVISOR_DATABASE_URL"), "PostgreSQL URL (postgres://user:pass@host/db) to use instead of the SQLite file, for several instances (env ADVISOR_DATABASE_URL)")
	fs.StringVar(&cfg.RulesPath, "rules", envOr(getenv, "ADVISOR_RULES", ""), "rules YAML file replacing the embedded rules (env ADVISOR_RULES)")
	fs.BoolVar(&cfg.TrustProxy, "trust-proxy", getenv("ADVISOR_TRUST_PROXY") == "1", "trust X-Forwarded-Proto from a reverse proxy to mark cookies Secure (env ADVISOR_TRUST_PROXY=1)")
	fs.BoolVar(&cfg.SecureCookie, "secure-cookie", getenv("ADVISOR_SECURE_COOKIE") == "1", "mark the session cookie Secure (behind HTTPS)")
	fs.DurationVar(&cfg.RefreshInterval, "refresh-interval", envDuration(getenv, "ADVISOR_REFRESH_INTERVAL"), "refresh the catalog from the providers this often, e.g. 24h; off when 0 (env ADVISOR_REFRESH_INTERVAL)")
	fs.DurationVar(&cfg.RefreshTimeout, "refresh-timeout", envDuration(getenv, "ADVISOR_REFRESH_TIMEOUT"), "give up one scheduled refresh after this long; default 2h, capped at the interval (env ADVISOR_REFRESH_TIMEOUT)")
	fs.IntVar(&cfg.ExportCacheMB, "export-cache-mb", server.DefaultExportCacheBytes>>20, "MiB of rendered exports (PDF, XLSX, ...) kept for repeated downloads; 0 keeps none (env ADVISOR_EXPORT_CACHE_MB)")
	if v := getenv("ADVISOR_EXPORT_CACHE_MB"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return cfg, fmt.Errorf("ADVISOR_EXPORT_CACHE_MB=%q: not a whole number of MiB", v)
		}
		cfg.ExportCacheMB = n
	}
	if err := fs.Parse(args[1:]); err != nil {
		return cfg, fmt.Errorf("parse flags: %w", err)
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	for _, k := range []string{"ADVISOR_REFRESH_INTERVAL", "ADVISOR_REFRESH_TIMEOUT"} {
		if v := getenv(k); v != "" {
			if _, err := time.ParseDuration(v); err != nil {
				return cfg, fmt.Errorf("%s=%q: not a duration such as 24h", k, v)
			}
		}
	}
	if cfg.ExportCacheMB < 0 {
		return cfg, errors.New("-export-cache-mb must not be negative")
	}
	if cfg.RefreshInterval < 0 || cfg.RefreshTimeout < 0 {
		return cfg, errors.New("-refresh-interval and -refresh-timeout must not be negative")
	}
	if cfg.DatabaseURL != "" && getenv("ADVISOR_SESSION_KEYS") == "" {
		// A key file is per machine: instances behind one load balancer
		// would each refuse the others' cookies.
		return cfg, errors.New("refusing to start: with -database-url every instance must sign cookies with the same keys; set ADVISOR_SESSION_KEYS")
	}
	keys, err := sessionKeys(getenv("ADVISOR_SESSION_KEYS"), cfg.DBPath+".session-keys")
	if err != nil {
		return cfg, err
	}
	cfg.SessionKeys = keys
	cfg.RefreshSources = refreshSources(getenv)
	return cfg, nil
}

// envDuration reads a duration from the environment; 0 when unset or bad
// (parseConfig refuses a bad one).
func envDuration(getenv func(string) string, key string) time.Duration {
	d, _ := time.ParseDuration(getenv(key))
	return d
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

// sessionKeys returns the keys that sign session cookies, newest first: from
// the environment (comma-separated hex, at least 32 bytes each), else from a
// 0600 file next to the database, generated on first start. Older keys after
// the first still verify cookies, so keys can be rotated.
func sessionKeys(env, file string) ([][]byte, error) {
	text := env
	if text == "" {
		b, err := os.ReadFile(file)
		if errors.Is(err, os.ErrNotExist) {
			k := make([]byte, 32)
			rand.Read(k)
			b = []byte(hex.EncodeToString(k) + "\n")
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				return nil, fmt.Errorf("create session key file: %w", err)
			}
			if err := os.WriteFile(file, b, 0o600); err != nil {
				return nil, fmt.Errorf("create session key file: %w", err)
			}
		} else if err != nil {
			return nil, fmt.Errorf("read session key file: %w", err)
		}
		text = string(b)
	}
	var keys [][]byte
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == '\n' || r == ' ' }) {
		k, err := hex.DecodeString(s)
		if err != nil || len(k) < 32 {
			return nil, fmt.Errorf("session key %d: want at least 64 hex digits (32 bytes)", len(keys)+1)
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return nil, errors.New("no session keys: set ADVISOR_SESSION_KEYS or remove the empty key file")
	}
	return keys, nil
}
