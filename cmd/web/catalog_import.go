package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/digitalocean"
	"cloudadvisor/pricing/sheet"
)

// importFormats are the formats `catalog import --provider` (or --format)
// reads: every registered provider with an importer, and curated sheets.
func importFormats() []string {
	var out []string
	for _, p := range pricing.Registered() {
		if p.Import != nil {
			out = append(out, p.ID)
		}
	}
	return append(out, "sheet")
}

// importOptions is a validated `catalog import` command line.
type importOptions struct {
	store    *storeFlags
	provider string
	file     string
	fetch    bool
	scope    string
	asOf     time.Time
	asOfSet  bool
	service  string
	region   string
	filter   string
	api      string
	currency string
	// allowPartial imports one page of a paginated API response.
	allowPartial bool
}

func parseImportFlags(args []string, getenv func(string) string) (importOptions, error) {
	fs, store := newCatalogFlags("import", getenv)
	var o importOptions
	var asOf string
	fs.StringVar(&o.provider, "provider", "", "")
	fs.StringVar(&o.provider, "format", "", "the same as --provider")
	fs.StringVar(&o.file, "file", "", "")
	fs.BoolVar(&o.fetch, "fetch", false, "")
	fs.StringVar(&o.scope, "scope", "", "")
	fs.StringVar(&asOf, "as-of", "", "")
	fs.StringVar(&o.service, "service", "", "")
	fs.StringVar(&o.region, "region", "", "")
	fs.StringVar(&o.filter, "filter", "", "")
	fs.StringVar(&o.api, "api", "bulk", "")
	fs.StringVar(&o.currency, "currency", "", "")
	fs.BoolVar(&o.allowPartial, "allow-partial", false, "")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return o, err
	}
	o.store = store
	switch {
	case len(pos) > 0:
		return o, usageError("import: unexpected argument %q", pos[0])
	case o.provider == "":
		return o, usageError("import: missing --provider (or --format)")
	case !slices.Contains(importFormats(), o.provider):
		return o, usageError("import: unknown provider %q (want one of %v)", o.provider, importFormats())
	case o.file == "" && !o.fetch:
		return o, usageError("import: missing --file (or --fetch)")
	case o.file != "" && o.fetch:
		return o, usageError("import: give --file or --fetch, not both")
	case o.api != "bulk" && o.api != "query":
		return o, usageError("import: unknown --api %q (want bulk or query)", o.api)
	}
	if asOf != "" {
		if o.asOf, err = time.Parse(time.DateOnly, asOf); err != nil {
			return o, usageError("import: --as-of %q is not a YYYY-MM-DD date", asOf)
		}
		o.asOfSet = true
	}
	if o.fetch {
		return o, o.checkFetch()
	}
	return o, nil
}

// checkFetch validates the flags of a fetch and fills in its defaults.
func (o *importOptions) checkFetch() error {
	switch o.provider {
	case "aws":
		if o.service == "" || o.region == "" {
			return usageError("import: --fetch of aws needs --service (AmazonEC2) and --region (us-east-1)")
		}
	case "azure":
		if o.filter == "" && (o.service == "" || o.region == "") {
			return usageError("import: --fetch of azure needs --filter, or --service and --region")
		}
		if o.filter == "" {
			o.filter = fmt.Sprintf("serviceName eq '%s' and armRegionName eq '%s'", o.service, o.region)
		}
	case "gcp":
		if o.service == "" {
			return usageError("import: --fetch of gcp needs --service (a Cloud Billing service id)")
		}
	case "sheet":
		return usageError("import: sheets are imported from a --file, not fetched")
	}
	if o.scope == "" {
		switch {
		case o.service != "" || o.region != "":
			o.scope = fmt.Sprintf("%s:%s:%s", o.provider, orAll(o.service), orAll(o.region))
		case o.filter != "":
			o.scope = o.provider + ":filter:" + o.filter
		default:
			o.scope = o.provider + ":all:all"
		}
	}
	if !o.asOfSet {
		o.asOf = today()
	}
	return nil
}

func orAll(s string) string {
	if s == "" {
		return "all"
	}
	return s
}

func today() time.Time {
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// catalogImport imports one file or fetch into the store and prints a
// summary line.
func catalogImport(ctx context.Context, args []string, getenv func(string) string, cio catalogIO) error {
	o, err := parseImportFlags(args, getenv)
	if err != nil {
		return err
	}
	db, err := o.store.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if o.fetch {
		return importFetch(ctx, db, o, getenv, cio)
	}
	return importFile(ctx, db, o, cio)
}

// importFile imports a file in two passes: the first hashes it, so that a
// file already active costs one read and no parse; the second parses it.
// The file is streamed both times, never held in memory.
func importFile(ctx context.Context, db catalogStore, o importOptions, cio catalogIO) error {
	f, err := os.Open(o.file)
	if err != nil {
		return fmt.Errorf("catalog import: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("catalog import: %w", err)
	}
	start := time.Now()
	sum, err := hashReader(f)
	if err != nil {
		return fmt.Errorf("catalog import: read %s: %w", o.file, err)
	}
	if o.scope == "" {
		o.scope = o.provider + ":" + filepath.Base(o.file)
	}
	if !o.asOfSet {
		// Never the file's modification time, which says when it was
		// copied, not when the prices took effect: formats with their own
		// dates use them, the others are dated by the import.
		o.asOf = today()
	}
	in := pricing.CatalogImport{Provider: o.provider, Scope: o.scope, Source: o.file, Checksum: sum}
	prog := newProgress(cio, "import "+o.scope, info.Size())
	v, err := db.ImportCatalog(ctx, in, func(sink pricing.Sink) (pricing.ImportStats, error) {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return pricing.ImportStats{}, err
		}
		h := sha256.New()
		r := io.TeeReader(io.TeeReader(f, h), prog)
		st, err := parseFile(o, bufio.NewReaderSize(r, 1<<16), sink)
		if err != nil {
			return st, err
		}
		// The parsers may stop before the end (trailing blanks): hash the rest
		// too, and refuse a file that changed between the two passes.
		if _, err := io.Copy(io.Discard, r); err != nil {
			return st, err
		}
		if hex.EncodeToString(h.Sum(nil)) != sum {
			return st, errors.New("the file changed while it was imported")
		}
		return st, nil
	})
	prog.Finish()
	if err != nil {
		return err
	}
	if err := printImported(cio.stdout, v, info.Size(), time.Since(start)); err != nil {
		return err
	}
	_, err = fmt.Fprintln(cio.stdout, datedBy(o))
	return err
}

// datedBy says where the import's effective dates came from.
func datedBy(o importOptions) string {
	switch {
	case o.asOfSet:
		return "dated: --as-of " + o.asOf.Format(time.DateOnly)
	case o.provider == "aws":
		return "dated: by the file's own dates (publicationDate and each term's effectiveDate)"
	case o.provider == "azure":
		return "dated: by the file's own dates (each item's effectiveStartDate)"
	case o.provider == "sheet":
		return "dated: by the sheet's as_of column"
	case o.provider == "gcp":
		return "dated: by each SKU's effectiveTime where the file has one (API pages), else the import date " +
			o.asOf.Format(time.DateOnly) + " (the console CSV export carries no date; give --as-of to set one)"
	}
	return "dated: by the import date " + o.asOf.Format(time.DateOnly) + " (the format carries no date; give --as-of to set one)"
}

func hashReader(r io.Reader) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// parseFile parses r in the format of o.provider: a curated sheet, or the
// registered provider's own importer.
func parseFile(o importOptions, r *bufio.Reader, sink pricing.Sink) (pricing.ImportStats, error) {
	switch o.provider {
	case "gcp":
		return parseGCP(o, r, sink)
	case "digitalocean":
		st, page, err := digitalocean.ParsePage(r, o.file, o.asOf, sink)
		if err == nil && page.Next != "" && !o.allowPartial {
			err = errPartialFile("links.pages.next")
		}
		return st, err
	case "sheet":
		var st pricing.ImportStats
		err := sheet.ParseAny(r, countPrices(&st, sink))
		return st, err
	}
	p, ok := pricing.Lookup(o.provider)
	if !ok || p.Import == nil {
		return pricing.ImportStats{}, fmt.Errorf("no importer for provider %q", o.provider)
	}
	return p.Import(r, pricing.ImportSource{Name: o.file, AsOf: o.asOf}, sink)
}

// countPrices counts the prices passed on, for parsers without their own
// statistics.
func countPrices(st *pricing.ImportStats, sink pricing.Sink) pricing.Sink {
	products := map[string]bool{}
	return func(o pricing.Offer) error {
		if k := o.Provider + "\x00" + o.Region + "\x00" + o.SKU; !products[k] {
			products[k] = true
			st.Products++
		}
		st.Prices++
		return sink(o)
	}
}

// printImported prints the summary line of an import.
func printImported(w io.Writer, v pricing.CatalogVersion, size int64, d time.Duration) error {
	if v.Unchanged {
		_, err := fmt.Fprintf(w, "unchanged: %s is already active as version %d (%d products, %d prices)\n",
			v.Scope, v.ID, v.Products, v.Prices)
		return err
	}
	mb := float64(size) / 1e6
	rate := ""
	if size > 0 {
		rate = fmt.Sprintf(", %.1f MB in %s (%.1f MB/s)", mb, d.Round(time.Millisecond), mb/d.Seconds())
	} else {
		rate = fmt.Sprintf(" in %s", d.Round(time.Millisecond))
	}
	_, err := fmt.Fprintf(w, "imported version %d of %s: %s; stored %d products, %d prices%s\n",
		v.ID, v.Scope, v.Stats, v.Products, v.Prices, rate)
	return err
}
