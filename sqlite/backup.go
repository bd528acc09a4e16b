package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-sqlite3"
)

// ErrNotBackup means a file given to Restore is not a sound database of this
// app; the database in place is left as it was.
var ErrNotBackup = errors.New("not a backup of this app")

// BackupInfo describes a database copied by Backup or Restore.
type BackupInfo struct {
	SchemaVersion   int
	Assessments     int
	CatalogVersions int
	Bytes           int64
}

// Backup copies the database at path into file with SQLite's online backup
// API while the app may be running: the copy is made in one read transaction
// (WAL lets writers go on) into a temporary file next to file, checked, then
// renamed over file, so file is always either the old or a whole new backup.
func Backup(ctx context.Context, path, file string) (BackupInfo, error) {
	if _, err := os.Stat(path); err != nil {
		return BackupInfo{}, fmt.Errorf("backup %s: %w", path, err)
	}
	src, err := openPlain(path, true)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("backup %s: %w", path, err)
	}
	defer src.Close()
	info, err := copyVerified(ctx, src, file)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("backup %s to %s: %w", path, file, err)
	}
	return info, nil
}

// Restore replaces the database at path with the backup in file. The backup
// is copied and checked (integrity, schema version, tables) in a temporary
// file next to path first; only then are the old database's -wal and -shm
// removed and the copy renamed into place. The server must be stopped:
// Restore refuses while another process holds the database open.
func Restore(ctx context.Context, file, path string) (BackupInfo, error) {
	if err := checkHeader(file); err != nil {
		return BackupInfo{}, fmt.Errorf("restore %s: %w", file, err)
	}
	src, err := openPlain(file, true)
	if err != nil {
		return BackupInfo{}, fmt.Errorf("restore %s: %w", file, err)
	}
	tmp, info, err := copyChecked(ctx, src, path)
	src.Close()
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		err = fmt.Errorf("%w: %v", ErrNotBackup, err)
	}
	if err != nil {
		return BackupInfo{}, fmt.Errorf("restore %s: %w", file, err)
	}
	defer os.Remove(tmp) // a no-op once renamed
	if err := quiesce(ctx, path); err != nil {
		return BackupInfo{}, fmt.Errorf("restore into %s: %w", path, err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return BackupInfo{}, fmt.Errorf("restore into %s: %w", path, err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return BackupInfo{}, fmt.Errorf("restore into %s: %w", path, err)
	}
	if err := syncDir(filepath.Dir(path)); err != nil {
		return BackupInfo{}, fmt.Errorf("restore into %s: %w", path, err)
	}
	return info, nil
}

// copyVerified copies src into a checked temporary file renamed to dst.
func copyVerified(ctx context.Context, src *sql.DB, dst string) (BackupInfo, error) {
	tmp, info, err := copyChecked(ctx, src, dst)
	if err != nil {
		return info, err
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return info, err
	}
	return info, syncDir(filepath.Dir(dst))
}

// copyChecked copies src into a new temporary file next to near, syncs it
// and checks it is a sound database of this app. It returns the file's name.
func copyChecked(ctx context.Context, src *sql.DB, near string) (string, BackupInfo, error) {
	f, err := os.CreateTemp(filepath.Dir(near), filepath.Base(near)+".*.tmp")
	if err != nil {
		return "", BackupInfo{}, err
	}
	tmp := f.Name()
	f.Close()
	info, err := func() (BackupInfo, error) {
		if err := copyDB(ctx, src, tmp); err != nil {
			return BackupInfo{}, err
		}
		if err := syncFile(tmp); err != nil {
			return BackupInfo{}, err
		}
		return verify(ctx, tmp)
	}()
	if err != nil {
		os.Remove(tmp)
		return "", info, err
	}
	return tmp, info, nil
}

// copyDB copies every page of src into the database file dst with
// sqlite3_backup, in one step: one read transaction, one consistent copy.
func copyDB(ctx context.Context, src *sql.DB, dst string) error {
	dstDB, err := openPlain(dst, false)
	if err != nil {
		return err
	}
	defer dstDB.Close()
	dc, err := dstDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer dc.Close()
	sc, err := src.Conn(ctx)
	if err != nil {
		return storageError(err)
	}
	defer sc.Close()
	err = dc.Raw(func(d any) error {
		return sc.Raw(func(s any) error {
			b, err := d.(*sqlite3.SQLiteConn).Backup("main", s.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			for {
				done, err := b.Step(-1)
				if err != nil {
					b.Finish()
					return err
				}
				if done {
					return b.Finish()
				}
				// Busy or locked: another connection is recovering the WAL.
				select {
				case <-ctx.Done():
					b.Finish()
					return ctx.Err()
				case <-time.After(50 * time.Millisecond):
				}
			}
		})
	})
	if err != nil {
		return err
	}
	// The copy keeps the source's WAL mode; a backup is one self-contained
	// file, so switch it to a rollback journal (the app turns WAL on again
	// when it opens a restored database).
	_, err = dc.ExecContext(ctx, "PRAGMA journal_mode = DELETE")
	return err
}

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// checkHeader refuses a file that is not an SQLite database at all.
func checkHeader(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteMagic) {
		return fmt.Errorf("%w: the file is not an SQLite database", ErrNotBackup)
	}
	return nil
}

// verify checks that the database file at path is sound and is this app's:
// integrity_check passes, its schema version is one this build knows, and
// it has the app's tables.
func verify(ctx context.Context, path string) (BackupInfo, error) {
	db, err := openPlain(path, true)
	if err != nil {
		return BackupInfo{}, err
	}
	defer db.Close()
	var info BackupInfo
	var check string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check(1)").Scan(&check); err != nil {
		return info, fmt.Errorf("%w: %v", ErrNotBackup, err)
	}
	if check != "ok" {
		return info, fmt.Errorf("%w: integrity check failed: %s", ErrNotBackup, check)
	}
	latest, err := schemaVersion()
	if err != nil {
		return info, err
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&info.SchemaVersion); err != nil {
		return info, err
	}
	if info.SchemaVersion < 1 || info.SchemaVersion > latest {
		return info, fmt.Errorf("%w: schema version %d, this build knows 1 to %d", ErrNotBackup, info.SchemaVersion, latest)
	}
	err = db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM assessments), (SELECT count(*) FROM catalog_versions)`).
		Scan(&info.Assessments, &info.CatalogVersions)
	if err != nil {
		return info, fmt.Errorf("%w: %v", ErrNotBackup, err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return info, err
	}
	info.Bytes = st.Size()
	return info, nil
}

// quiesce makes sure no other process has the database at path open, and
// folds its WAL into the file: it takes SQLite's exclusive lock without
// waiting, then checkpoints and truncates the WAL.
func quiesce(ctx context.Context, path string) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	q := url.Values{}
	q.Set("_locking_mode", "EXCLUSIVE")
	q.Set("_busy_timeout", "0")
	db, err := sql.Open("sqlite3", "file:"+abs+"?"+q.Encode())
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, "BEGIN EXCLUSIVE; COMMIT"); err != nil {
		var se sqlite3.Error
		if errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked) {
			return errors.New("the database is in use: stop the server first")
		}
		return err
	}
	var busy, logPages, done int
	if err := db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logPages, &done); err != nil {
		return err
	}
	if busy != 0 {
		return errors.New("the database is in use: stop the server first")
	}
	return nil
}

// schemaVersion is the number of the newest embedded migration.
func schemaVersion() (int, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil || len(names) == 0 {
		return 0, fmt.Errorf("list migrations: %v", err)
	}
	var n int
	_, err = fmt.Sscanf(filepath.Base(names[len(names)-1]), "%d_", &n)
	return n, err
}

// openPlain opens a database file without the app's pragmas, read-only or
// read-write, for copying and checking.
func openPlain(path string, readOnly bool) (*sql.DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Set("_busy_timeout", "5000")
	if readOnly {
		q.Set("mode", "ro")
	}
	return sql.Open("sqlite3", "file:"+abs+"?"+q.Encode())
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
