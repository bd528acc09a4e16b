package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"cloudadvisor/pricing"
)

// catalogUsage is printed with every usage error of `web catalog`.
const catalogUsage = `usage:
  web catalog import --provider aws|azure|gcp|digitalocean|ncp|sheet --file FILE [--scope S] [--as-of YYYY-MM-DD] [--allow-partial] [-db DB]
      (--format is the same as --provider: web catalog import --format ncp --file getProductPriceList.json)
  web catalog import --provider aws --fetch --service AmazonEC2 --region us-east-1 [--api bulk|query] [--scope S] [-db DB]
  web catalog import --provider azure --fetch --filter "serviceName eq 'Virtual Machines' and armRegionName eq 'eastus'" [--scope S] [-db DB]
  web catalog import --provider gcp --fetch --service SERVICE_ID [--currency USD] [--scope S] [-db DB]      (env GCP_API_KEY)
  web catalog import --provider digitalocean --fetch [--as-of YYYY-MM-DD] [--scope S] [-db DB]             (env DIGITALOCEAN_TOKEN)
  web catalog refresh [--providers aws,azure,gcp,digitalocean,ecb] [--geographies us-east,...] [--aws-services AmazonEC2,...]
                      [--azure-services 'Virtual Machines',...] [--timeout 2h] [-db DB]
  web catalog list [-db DB]
  web catalog diff [--limit N] [-db DB] OLD_VERSION NEW_VERSION

The default scope is PROVIDER:FILE_NAME, or PROVIDER:SERVICE:REGION for fetches; importing
into a scope replaces its active version once the import is complete. --as-of dates the
prices of files that carry no date (gcp CSV and JSON without effectiveTime, digitalocean);
without it they are dated the day of the import (never the file's modification time), and
each import says which dates it used. One page of a paginated API response (gcp
nextPageToken, digitalocean links.pages.next set) is refused unless --allow-partial. -db defaults to
$ADVISOR_DB, then advisor.db. --api query uses the Price List Query API with the
credentials in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN; bulk
(the default) reads the public offer files and needs no credentials.

refresh fetches every provider for the regions of every geography from its public
endpoint and imports each as one catalog version (scope refresh:PROVIDER); a provider that
fails keeps its previous version serving. Endpoints are overridden by ADVISOR_AWS_PRICING_URL,
ADVISOR_AZURE_PRICES_URL, ADVISOR_GCP_BILLING_URL, ADVISOR_DIGITALOCEAN_URL, ADVISOR_NCP_URL
and ADVISOR_ECB_URL; gcp needs ADVISOR_GCP_API_KEY, digitalocean ADVISOR_DIGITALOCEAN_TOKEN
and ncp ADVISOR_NCP_ACCESS_KEY and ADVISOR_NCP_SECRET_KEY, and each is skipped without them.
`

// errUsage marks a command line that cannot be run; the usage text follows it.
var errUsage = errors.New("usage error")

// usageError reports a bad command line with the usage text.
func usageError(format string, a ...any) error {
	return fmt.Errorf("catalog: %s: %w\n%s", fmt.Sprintf(format, a...), errUsage, catalogUsage)
}

// catalogIO is where the catalog commands write: results to stdout, progress
// and logs to stderr, with a progress bar only when stderr is a terminal.
type catalogIO struct {
	stdout, stderr io.Writer
	terminal       bool
}

// runCatalog runs the catalog subcommands (import, list, diff).
func runCatalog(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	return catalogCommand(ctx, args, getenv, catalogIO{stdout: stdout, stderr: os.Stderr, terminal: stderrIsTerminal()})
}

func catalogCommand(ctx context.Context, args []string, getenv func(string) string, cio catalogIO) error {
	if len(args) == 0 {
		return usageError("missing subcommand")
	}
	switch args[0] {
	case "import":
		return catalogImport(ctx, args[1:], getenv, cio)
	case "refresh":
		return catalogRefresh(ctx, args[1:], getenv, cio)
	case "list":
		return catalogList(ctx, args[1:], getenv, cio.stdout)
	case "diff":
		return catalogDiff(ctx, args[1:], getenv, cio.stdout)
	case "help", "-h", "--help":
		_, err := io.WriteString(cio.stdout, catalogUsage)
		return err
	}
	return usageError("unknown subcommand %q", args[0])
}

// storeFlags are the flags that choose the database.
type storeFlags struct {
	path, url string
}

// open opens the store the flags name.
func (f *storeFlags) open(ctx context.Context) (appStore, error) {
	db, err := openStore(ctx, f.path, f.url)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	return db, nil
}

// newCatalogFlags returns a flag set with the -db and -database-url flags
// every subcommand has.
func newCatalogFlags(name string, getenv func(string) string) (*flag.FlagSet, *storeFlags) {
	fs := flag.NewFlagSet("catalog "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var sf storeFlags
	fs.StringVar(&sf.path, "db", envOr(getenv, "ADVISOR_DB", "advisor.db"), "SQLite database file (env ADVISOR_DB)")
	fs.StringVar(&sf.url, "database-url", getenv("ADVISOR_DATABASE_URL"), "PostgreSQL URL instead of -db (env ADVISOR_DATABASE_URL)")
	return fs, &sf
}

// parseInterspersed parses flags wherever they appear among the positional
// arguments, which it returns.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// catalogList prints every catalog version as an aligned table.
func catalogList(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs, store := newCatalogFlags("list", getenv)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("list: unexpected argument %q", pos[0])
	}
	db, err := store.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	versions, err := db.CatalogVersions(ctx)
	if err != nil {
		return err
	}
	return writeVersions(stdout, versions)
}

func writeVersions(w io.Writer, versions []pricing.CatalogVersion) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPROVIDER\tSCOPE\tSTATUS\tPRODUCTS\tPRICES\tSKIPPED\tAS OF\tFETCHED AT\tSOURCE")
	for _, v := range versions {
		asOf := v.AsOfMin
		if v.AsOfMax != v.AsOfMin {
			asOf += ".." + v.AsOfMax
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%d\t%d\t%s\t%s\t%s\n", v.ID, v.Provider, v.Scope, v.Status, v.Products,
			v.Prices, v.Skipped, asOf, v.FetchedAt.Format("2006-01-02 15:04:05Z"), v.Source)
	}
	return tw.Flush()
}

// catalogDiff prints what changed between two catalog versions.
func catalogDiff(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs, store := newCatalogFlags("diff", getenv)
	limit := fs.Int("limit", 20, "rows shown of each kind of change")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageError("diff: want two version ids, got %d arguments", len(pos))
	}
	var ids [2]int64
	for i, s := range pos {
		if ids[i], err = strconv.ParseInt(s, 10, 64); err != nil || ids[i] <= 0 {
			return usageError("diff: version id %q is not a positive number", s)
		}
	}
	if *limit < 0 {
		return usageError("diff: --limit must not be negative")
	}
	db, err := store.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	d, err := db.DiffVersions(ctx, ids[0], ids[1], *limit)
	if err != nil {
		return err
	}
	return writeDiff(stdout, d)
}

func writeDiff(w io.Writer, d pricing.Diff) error {
	fmt.Fprintf(w, "diff %d (%s, %s) -> %d (%s, %s)\n", d.A.ID, d.A.Scope, d.A.Status, d.B.ID, d.B.Scope, d.B.Status)
	fmt.Fprintf(w, "%d added, %d removed, %d changed, %d unchanged\n", d.Added, d.Removed, d.Changed, d.Unchanged)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	section := func(title string, n, shown int) {
		if n == 0 {
			return
		}
		more := ""
		if shown < n {
			more = fmt.Sprintf(" (first %d)", shown)
		}
		fmt.Fprintf(tw, "\n%s: %d%s\n", title, n, more)
	}
	section("added", d.Added, len(d.AddedRows))
	for _, p := range d.AddedRows {
		fmt.Fprintf(tw, "+ %s\t%s\n", priceKey(p), priceValue(p))
	}
	section("removed", d.Removed, len(d.RemovedRows))
	for _, p := range d.RemovedRows {
		fmt.Fprintf(tw, "- %s\t%s\n", priceKey(p), priceValue(p))
	}
	section("changed", d.Changed, len(d.ChangedRows))
	for _, c := range d.ChangedRows {
		fmt.Fprintf(tw, "~ %s\t%s\t-> %s\n", priceKey(c.Old), priceValue(c.Old), priceValue(c.New))
	}
	return tw.Flush()
}

func priceKey(p pricing.DiffPrice) string {
	k := strings.Join([]string{p.Provider, p.Region, p.SKU, p.Term}, "\t")
	if p.TierStart != "0" {
		k += " from " + p.TierStart
	}
	return k + "\t" + p.Name
}

func priceValue(p pricing.DiffPrice) string {
	s := p.Amount + " " + p.Currency + "/" + p.Unit
	if p.Upfront != "0" {
		s += " + " + p.Upfront + " upfront"
	}
	if p.TierEnd != "" {
		s += " up to " + p.TierEnd
	}
	return s
}
