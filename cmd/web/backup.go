package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"cloudadvisor/sqlite"
)

// backupUsage is printed with every usage error of `web backup` and `web restore`.
const backupUsage = `usage:
  web backup [-db DB] FILE     copy the database into FILE; safe while the server runs
  web restore [-db DB] FILE    replace the database with the backup in FILE; stop the server first

Both copy with SQLite's online backup API and check the copy (integrity, schema version)
before it replaces anything: FILE (for backup) or DB (for restore) is swapped in by a rename,
so it is always either the old file or the whole new one. restore refuses a file that is
not a database of this app, and refuses while the server has DB open.
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
		return printBackup(stdout, "restored "+*dbPath+" from "+pos[0], info)
	}
	info, err := sqlite.Backup(ctx, *dbPath, pos[0])
	if err != nil {
		return err
	}
	return printBackup(stdout, "backed up "+*dbPath+" to "+pos[0], info)
}

func printBackup(w io.Writer, what string, info sqlite.BackupInfo) error {
	_, err := fmt.Fprintf(w, "%s: schema version %d, %d assessments, %d catalog versions, %.1f MB\n",
		what, info.SchemaVersion, info.Assessments, info.CatalogVersions, float64(info.Bytes)/1e6)
	return err
}
