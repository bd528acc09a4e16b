package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the pgx driver

	"cloudadvisor/internal/samples"
)

// PostgresEnv names the database the PostgreSQL tests may use; CI starts
// Debian's PostgreSQL and sets it.
const PostgresEnv = "ADVISOR_TEST_DATABASE_URL"

// RequirePostgres returns ADVISOR_TEST_DATABASE_URL; when it is not set the
// test is skipped locally, saying so, and fails in CI.
func RequirePostgres(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		samples.Missing(tb, "PostgreSQL store not tested: set "+PostgresEnv+" (postgres://user:pass@host/db)")
	}
	return base
}

// PostgresURL returns the URL of a new, empty schema of the test database,
// dropped when the test ends. Without ADVISOR_TEST_DATABASE_URL the test is
// skipped locally, saying so, and fails in CI.
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	base := RequirePostgres(tb)
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s: %v", PostgresEnv, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(context.Background(), "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("create schema in %s: %v", PostgresEnv, err)
	}
	tb.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer db.Close()
		if _, err := db.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Errorf("drop test schema: %v", err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
