package refresh

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"time"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/aws"
	"cloudadvisor/pricing/azure"
	"cloudadvisor/pricing/digitalocean"
	"cloudadvisor/pricing/ecb"
	"cloudadvisor/pricing/gcp"
	"cloudadvisor/pricing/ncp"
)

// Config says where each provider is read and for which regions.
type Config struct {
	// Regions are the provider region codes to fetch, by provider.
	Regions map[string][]string
	// Base addresses; the providers' public endpoints when empty.
	AWSURL, AzureURL, GCPURL, DigitalOceanURL, ECBURL, NCPURL string
	// Credentials; a provider needing one that is empty is skipped.
	GCPKey, DigitalOceanToken, NCPAccessKey, NCPSecretKey string
	// AWSServices are the bulk offer codes read per region (AmazonEC2 holds
	// instances, EBS volumes and data transfer). Savings Plans come from
	// AmazonEC2's Compute Savings Plans files.
	AWSServices []string
	// AzureServices are the serviceName values read per region.
	AzureServices []string
	// NCPCategories are the productCategoryCode values read per region
	// (COMPUTE, ...); nil reads every product of the region, since the
	// block storage and traffic the importer maps sit in categories whose
	// codes are not documented.
	NCPCategories []string
	HTTP          *http.Client
	Now           func() time.Time
}

// Default service lists.
var (
	DefaultAWSServices   = []string{"AmazonEC2", "AmazonRDS", "AWSELB"}
	DefaultAzureServices = []string{"Virtual Machines", "Storage", "SQL Database", "Azure App Service"}
)

// RegionsFor returns, by provider, the region codes of the geographies.
func RegionsFor(geographies []string) map[string][]string {
	out := map[string][]string{}
	for _, p := range pricing.Providers() {
		seen := map[string]bool{}
		for _, g := range geographies {
			if r, ok := pricing.Region(g, p); ok && r != "global" {
				seen[r] = true
			}
		}
		out[p] = slices.Sorted(maps.Keys(seen))
	}
	return out
}

// Plan returns the jobs of a full refresh, and a skipped result for each
// provider whose credential is not set (and for NCP when it has no region
// in the geographies asked for).
func Plan(c Config) ([]Job, []Result) {
	if c.HTTP == nil {
		c.HTTP = &http.Client{Transport: &Retry{}}
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.AWSServices == nil {
		c.AWSServices = DefaultAWSServices
	}
	if c.AzureServices == nil {
		c.AzureServices = DefaultAzureServices
	}
	jobs := []Job{awsJob(c), azureJob(c)}
	var skipped []Result
	if c.GCPKey == "" {
		skipped = append(skipped, Result{Provider: gcp.Provider, Skipped: "ADVISOR_GCP_API_KEY is not set"})
	} else {
		jobs = append(jobs, gcpJob(c))
	}
	if c.DigitalOceanToken == "" {
		skipped = append(skipped, Result{Provider: digitalocean.Provider, Skipped: "ADVISOR_DIGITALOCEAN_TOKEN is not set"})
	} else {
		jobs = append(jobs, digitalOceanJob(c))
	}
	switch {
	case c.NCPAccessKey == "" || c.NCPSecretKey == "":
		skipped = append(skipped, Result{Provider: ncp.ID, Skipped: ncp.EnvAccessKey + " and " + ncp.EnvSecretKey + " are not both set"})
	case len(c.Regions[ncp.ID]) == 0:
		// An empty fetch would fail the import; NCP just has no region there.
		skipped = append(skipped, Result{Provider: ncp.ID, Skipped: "no NCP region serves the geographies asked for"})
	default:
		jobs = append(jobs, ncpJob(c))
	}
	return append(jobs, ecbJob(c)), skipped
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func awsJob(c Config) Job {
	base := or(c.AWSURL, aws.DefaultBaseURL)
	bulk := &aws.BulkClient{BaseURL: base, HTTP: c.HTTP}
	regions := c.Regions["aws"]
	return Job{Provider: "aws", Source: fmt.Sprintf("%s/offers/v1.0/aws %v %v + Compute Savings Plans", base, c.AWSServices, regions),
		Fetch: func(ctx context.Context, sink pricing.Sink) (pricing.ImportStats, error) {
			var total pricing.ImportStats
			for _, r := range regions {
				for _, svc := range c.AWSServices {
					st, err := bulk.FetchRegion(ctx, svc, r, sink)
					add(&total, st)
					if errors.Is(err, aws.ErrNotFound) {
						// A service not sold in a region is not a failure.
						total.Skip("aws service not offered in region")
						continue
					}
					if err != nil {
						return total, fmt.Errorf("%s %s: %w", svc, r, err)
					}
				}
				st, err := bulk.FetchSavingsPlanRegion(ctx, "AmazonEC2", r, sink)
				add(&total, st)
				if err != nil && !errors.Is(err, aws.ErrNotFound) {
					return total, fmt.Errorf("savings plans %s: %w", r, err)
				}
			}
			return total, nil
		}}
}

func azureJob(c Config) Job {
	base := or(c.AzureURL, azure.DefaultBaseURL)
	regions := c.Regions["azure"]
	return Job{Provider: "azure", Source: fmt.Sprintf("%s %v %v", base, c.AzureServices, regions),
		Fetch: func(ctx context.Context, sink pricing.Sink) (pricing.ImportStats, error) {
			var total pricing.ImportStats
			for _, r := range regions {
				for _, svc := range c.AzureServices {
					filter := fmt.Sprintf("serviceName eq '%s' and armRegionName eq '%s'", svc, r)
					st, err := azure.Fetch(ctx, c.HTTP, base, filter, sink)
					add(&total, st)
					if err != nil {
						return total, fmt.Errorf("%s %s: %w", svc, r, err)
					}
				}
			}
			return total, nil
		}}
}

func gcpJob(c Config) Job {
	base := or(c.GCPURL, gcp.DefaultBaseURL)
	regions := c.Regions["gcp"]
	return Job{Provider: "gcp", Source: base + "/v1/services/" + gcp.ComputeEngine + "/skus",
		Fetch: func(ctx context.Context, sink pricing.Sink) (pricing.ImportStats, error) {
			u, err := url.Parse(base)
			if err != nil {
				return pricing.ImportStats{}, err
			}
			q := u.Query()
			q.Set("key", c.GCPKey)
			u.RawQuery = q.Encode()
			comb := gcp.NewCombiner(regions)
			keep := inRegions(regions, sink)
			st, err := gcp.Fetch(ctx, c.HTTP, u.String(), gcp.ComputeEngine, "USD", comb.Sink(keep))
			if err != nil {
				return st, err
			}
			mt, err := comb.Flush(keep)
			add(&st, mt)
			return st, err
		}}
}

// DigitalOceanDatabasesNote says why managed databases are not refreshed:
// GET /v2/databases/options answers, per engine, regions, versions and
// layouts ({num_nodes, sizes: ["db-s-2vcpu-4gb", ...]}) but no price (the
// API reference's response example; godo.DatabaseOptions has no price
// field), and no other v2 endpoint prices them.
const DigitalOceanDatabasesNote = "managed databases not refreshed: the API's /v2/databases/options lists sizes without prices; the embedded dated rows keep serving"

func digitalOceanJob(c Config) Job {
	base := or(c.DigitalOceanURL, digitalocean.DefaultBaseURL)
	regions := c.Regions["digitalocean"]
	return Job{Provider: "digitalocean", Source: base + "/v2/sizes", Note: DigitalOceanDatabasesNote,
		Fetch: func(ctx context.Context, sink pricing.Sink) (pricing.ImportStats, error) {
			// The sizes carry no date: they are dated the day they are read.
			return digitalocean.Fetch(ctx, c.HTTP, base, c.DigitalOceanToken, c.today(), inRegions(regions, sink))
		}}
}

func ncpJob(c Config) Job {
	client := &ncp.Client{BaseURL: or(c.NCPURL, ncp.DefaultBaseURL), AccessKey: c.NCPAccessKey, SecretKey: c.NCPSecretKey,
		HTTP: c.HTTP}
	regions, categories := c.Regions[ncp.ID], c.NCPCategories
	if categories == nil {
		categories = []string{""}
	}
	return Job{Provider: ncp.ID, Source: fmt.Sprintf("%s/product/getProductPriceList %v KRW", client.BaseURL, regions),
		Fetch: func(ctx context.Context, sink pricing.Sink) (pricing.ImportStats, error) {
			// Prices carry their start date; those without one are dated the
			// day they are read.
			asOf := c.today()
			var total pricing.ImportStats
			for _, r := range regions {
				for _, cat := range categories {
					st, err := client.Fetch(ctx, ncp.Query{Region: r, Currency: "KRW", ProductCategoryCode: cat}, asOf,
						inRegions(regions, sink))
					add(&total, st)
					if err != nil {
						return total, err
					}
				}
			}
			return total, nil
		}}
}

func ecbJob(c Config) Job {
	u := or(c.ECBURL, ecb.DefaultURL)
	return Job{Provider: ecb.Provider, Source: u,
		Fetch: func(ctx context.Context, sink pricing.Sink) (pricing.ImportStats, error) {
			r, err := ecb.Fetch(ctx, c.HTTP, u)
			if err != nil {
				return pricing.ImportStats{}, err
			}
			return ecb.Offers(r, sink)
		}}
}

// today is the UTC date of c.Now, at midnight.
func (c Config) today() time.Time {
	y, m, d := c.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// inRegions passes on the offers of regions (and global ones) only.
func inRegions(regions []string, sink pricing.Sink) pricing.Sink {
	if regions == nil {
		return sink
	}
	keep := map[string]bool{"global": true}
	for _, r := range regions {
		keep[r] = true
	}
	return func(o pricing.Offer) error {
		if !keep[o.Region] {
			return nil
		}
		return sink(o)
	}
}

// add adds the counts of s to total.
func add(total *pricing.ImportStats, s pricing.ImportStats) {
	total.Products += s.Products
	total.Prices += s.Prices
	for reason, n := range s.Skipped {
		if total.Skipped == nil {
			total.Skipped = map[string]int{}
		}
		total.Skipped[reason] += n
	}
}
