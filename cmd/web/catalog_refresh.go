package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"cloudadvisor/advisor"
	"cloudadvisor/pricing/ncp"
	"cloudadvisor/pricing/refresh"
)

// refreshSources reads the endpoint overrides and credentials of a refresh
// from the environment, for the regions of every geography.
func refreshSources(getenv func(string) string) refresh.Config {
	return refresh.Config{
		Regions:           refresh.RegionsFor(advisor.Geographies),
		AWSURL:            getenv("ADVISOR_AWS_PRICING_URL"),
		AzureURL:          getenv("ADVISOR_AZURE_PRICES_URL"),
		GCPURL:            getenv("ADVISOR_GCP_BILLING_URL"),
		DigitalOceanURL:   getenv("ADVISOR_DIGITALOCEAN_URL"),
		ECBURL:            getenv("ADVISOR_ECB_URL"),
		GCPKey:            getenv("ADVISOR_GCP_API_KEY"),
		DigitalOceanToken: getenv("ADVISOR_DIGITALOCEAN_TOKEN"),
		NCPURL:            getenv(ncp.EnvURL),
		NCPAccessKey:      getenv(ncp.EnvAccessKey),
		NCPSecretKey:      getenv(ncp.EnvSecretKey),
	}
}

// withClient gives c an HTTP client that retries 429 and 5xx answers with
// backoff, logging each retry and counting it in m (which may be nil).
func withClient(c refresh.Config, log *slog.Logger, m *refresh.Metrics) refresh.Config {
	rt := &refresh.Retry{OnRetry: func(req *http.Request, attempt int, reason string) {
		log.Warn("refresh retrying", "host", req.URL.Host, "attempt", attempt, "reason", reason)
		m.Retry(req.URL.Host)
	}}
	// No overall client timeout: an AWS regional offer file takes minutes.
	// The caller's context bounds the whole refresh.
	c.HTTP = &http.Client{Transport: rt}
	return c
}

// catalogRefresh runs `web catalog refresh`: every provider, one catalog
// version each, and a line per provider.
func catalogRefresh(ctx context.Context, args []string, getenv func(string) string, cio catalogIO) error {
	fs, store := newCatalogFlags("refresh", getenv)
	providers := fs.String("providers", "", "comma-separated subset of aws,azure,gcp,digitalocean,ncp,ecb")
	timeout := fs.Duration("timeout", 2*time.Hour, "give up after this long")
	geos := fs.String("geographies", "", "comma-separated geographies whose regions are fetched (default all)")
	awsServices := fs.String("aws-services", "", "comma-separated AWS offer codes (default AmazonEC2,AmazonRDS,AWSELB)")
	azureServices := fs.String("azure-services", "", "comma-separated Azure service names (default Virtual Machines,Storage,SQL Database,Azure App Service)")
	ncpCategories := fs.String("ncp-categories", "", "comma-separated NCP productCategoryCode values (default every product of the region)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("refresh: unexpected argument %q", pos[0])
	}
	for _, g := range splitList(*geos) {
		if !slices.Contains(advisor.Geographies, g) {
			return usageError("refresh: unknown geography %q (want some of %v)", g, advisor.Geographies)
		}
	}
	db, err := store.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	log := slog.New(slog.NewTextHandler(cio.stderr, nil))
	var results []refresh.Result
	err = db.Exclusive(ctx, refresh.LockName, func(ctx context.Context) error {
		c := withClient(refreshSources(getenv), log, nil)
		if g := splitList(*geos); g != nil {
			c.Regions = refresh.RegionsFor(g)
		}
		c.AWSServices, c.AzureServices = splitList(*awsServices), splitList(*azureServices)
		c.NCPCategories = splitList(*ncpCategories)
		jobs, skipped := refresh.Plan(c)
		jobs, skipped = only(*providers, jobs, skipped)
		results, err = refresh.Run(ctx, db, jobs, skipped, log)
		return err
	})
	if werr := writeResults(cio.stdout, results); werr != nil && err == nil {
		err = werr
	}
	return err
}

// splitList splits a comma-separated flag; nil when empty.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// only keeps the jobs and skips of the named providers ("" keeps all).
func only(names string, jobs []refresh.Job, skipped []refresh.Result) ([]refresh.Job, []refresh.Result) {
	if names == "" {
		return jobs, skipped
	}
	want := splitList(names)
	jobs = slices.DeleteFunc(jobs, func(j refresh.Job) bool { return !slices.Contains(want, j.Provider) })
	skipped = slices.DeleteFunc(skipped, func(r refresh.Result) bool { return !slices.Contains(want, r.Provider) })
	return jobs, skipped
}

// writeResults prints one line per provider.
func writeResults(w io.Writer, results []refresh.Result) error {
	for _, r := range results {
		var err error
		switch r.Status() {
		case "skipped":
			_, err = fmt.Fprintf(w, "skipped %s: %s\n", r.Provider, r.Skipped)
		case "failed":
			_, err = fmt.Fprintf(w, "failed %s after %s: %v (the previous prices keep serving)\n", r.Provider,
				r.Duration.Round(time.Millisecond), r.Err)
		default:
			_, err = fmt.Fprintf(w, "refreshed %s: version %d, %d products, %d prices, %d skipped, in %s\n", r.Provider,
				r.Version.ID, r.Version.Products, r.Version.Prices, r.Version.Skipped, r.Duration.Round(time.Millisecond))
		}
		if err != nil {
			return err
		}
		if r.Note != "" && r.Status() != "skipped" {
			if _, err := fmt.Fprintf(w, "note %s: %s\n", r.Provider, r.Note); err != nil {
				return err
			}
		}
	}
	return nil
}
