package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"cloudadvisor/sqlite"
)

// backupUsage is printed with every usage error of `web backup` and `web restore`.
const backupUsage = `usage:
  web backup [-db DB] FILE     copy the database into FILE; safe while the server runs
  web restore [-db DB] FILE    replace the database with the backup in FILE; stop the server first

Both copy with SQLite's online backup API and check the copy (integrity, schema version)
before it replaces anything: FILE (for backup) or DB (for restore) is swapped in by a rename,
so it is always either the old file or the whole new one. restore refuses a file that is
not a database of this app, and refuses while the server has DB open. The session-key
file (DB.session-keys) travels with the backup as FILE.session-keys (mode 0600), so the
owners of assessments still reach them after a restore on a new host.
-db defaults to $ADVISOR_DB, then advisor.db.
`

// runBackup runs `web backup` (restore false) or `web restore` (restore true).
func runBackup(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer, restore bool) error {
	name := "backup"
	if restore {
		name = "restore"
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", envOr(getenv, "ADVISOR_DB", "advisor.db"), "SQLite database file (env ADVISOR_DB)")
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return fmt.Errorf("%s: %v: %w\n%s", name, err, errUsage, backupUsage)
		}
		if fs.NArg() == 0 {
			break
		}
		pos, args = append(pos, fs.Arg(0)), fs.Args()[1:]
	}
	if getenv("ADVISOR_DATABASE_URL") != "" {
		return fmt.Errorf("%s: ADVISOR_DATABASE_URL is set: back up PostgreSQL with pg_dump and restore with pg_restore (see the README)", name)
	}
	if len(pos) != 1 {
		return fmt.Errorf("%s: want one FILE, got %d arguments: %w\n%s", name, len(pos), errUsage, backupUsage)
	}
	if restore {
		info, err := sqlite.Restore(ctx, pos[0], *dbPath)
		if err != nil {
			return err
		}
		if err := printBackup(stdout, "restored "+*dbPath+" from "+pos[0], info); err != nil {
			return err
		}
		return copyKeys(stdout, pos[0]+keysSuffix, *dbPath+keysSuffix)
	}
	info, err := sqlite.Backup(ctx, *dbPath, pos[0])
	if err != nil {
		return err
	}
	if err := printBackup(stdout, "backed up "+*dbPath+" to "+pos[0], info); err != nil {
		return err
	}
	return copyKeys(stdout, *dbPath+keysSuffix, pos[0]+keysSuffix)
}

// keysSuffix names the session-key file kept next to a database (and next
// to its backup): assessments belong to sessions, whose cookies these keys
// sign, so a restore without them would make every assessment 404 to its
// owner.
const keysSuffix = ".session-keys"

// copyKeys copies the session-key file from to to (mode 0600, replaced by a
// rename), and says so. No file at from (keys set by ADVISOR_SESSION_KEYS) is
// said, not an error.
func copyKeys(stdout io.Writer, from, to string) error {
	b, err := os.ReadFile(from)
	if errors.Is(err, os.ErrNotExist) {
		_, err = fmt.Fprintf(stdout, "no session-key file %s: keep ADVISOR_SESSION_KEYS with the backup, or owners lose their assessments\n", from)
		return err
	}
	if err != nil {
		return fmt.Errorf("read session keys: %w", err)
	}
	tmp := to + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return fmt.Errorf("copy session keys: %w", err)
	}
	if err := os.Rename(tmp, to); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("copy session keys: %w", err)
	}
	_, err = fmt.Fprintf(stdout, "session keys copied to %s (mode 0600)\n", to)
	return err
}

func printBackup(w io.Writer, what string, info sqlite.BackupInfo) error {
	_, err := fmt.Fprintf(w, "%s: schema version %d, %d assessments, %d catalog versions, %.1f MB\n",
		what, info.SchemaVersion, info.Assessments, info.CatalogVersions, float64(info.Bytes)/1e6)
	return err
}
