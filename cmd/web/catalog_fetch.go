package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	awssdk "github.com/aws/aws-sdk-go-v2/aws"
	awspricing "github.com/aws/aws-sdk-go-v2/service/pricing"

	"cloudadvisor/pricing"
	"cloudadvisor/pricing/aws"
	"cloudadvisor/pricing/azure"
	"cloudadvisor/pricing/digitalocean"
	"cloudadvisor/pricing/gcp"
)

// awsPricingAPIRegion serves the Price List Query API (it is also served from
// eu-central-1 and ap-south-1); the prices asked for may be of any region.
const awsPricingAPIRegion = "us-east-1"

// importFetch imports what a provider's API serves now. A fetch has no
// bytes to hash before it starts, so it always builds a new version.
func importFetch(ctx context.Context, db catalogStore, o importOptions, getenv func(string) string, cio catalogIO) error {
	fetch, source, err := fetcher(o, getenv)
	if err != nil {
		return err
	}
	nonce := make([]byte, 8)
	rand.Read(nonce)
	in := pricing.CatalogImport{Provider: o.provider, Scope: o.scope, Source: source,
		Checksum: "fetch:" + time.Now().UTC().Format(time.RFC3339) + ":" + hex.EncodeToString(nonce)}
	log := slog.New(slog.NewTextHandler(cio.stderr, nil))
	log.Info("fetching prices", "provider", o.provider, "scope", o.scope, "source", source)
	start := time.Now()
	v, err := db.ImportCatalog(ctx, in, func(sink pricing.Sink) (pricing.ImportStats, error) {
		n := 0
		return fetch(ctx, func(of pricing.Offer) error {
			if n++; n%100_000 == 0 {
				log.Info("fetching prices", "scope", o.scope, "prices", n)
			}
			return sink(of)
		})
	})
	if err != nil {
		return err
	}
	return printImported(cio.stdout, v, 0, time.Since(start))
}

type fetchFunc func(context.Context, pricing.Sink) (pricing.ImportStats, error)

// fetcher returns the fetch of o.provider and the source it is recorded as.
func fetcher(o importOptions, getenv func(string) string) (fetchFunc, string, error) {
	switch o.provider {
	case "aws":
		if o.api == "query" {
			client, err := awsPricingClient(getenv)
			if err != nil {
				return nil, "", err
			}
			return func(ctx context.Context, sink pricing.Sink) (pricing.ImportStats, error) {
				return aws.FetchProducts(ctx, client, o.service, o.region, sink)
			}, "aws-pricing-api:" + o.service + ":" + o.region, nil
		}
		bulk := &aws.BulkClient{}
		return func(ctx context.Context, sink pricing.Sink) (pricing.ImportStats, error) {
			return bulk.FetchRegion(ctx, o.service, o.region, sink)
		}, aws.DefaultBaseURL + " " + o.service + " " + o.region, nil
	case "azure":
		return func(ctx context.Context, sink pricing.Sink) (pricing.ImportStats, error) {
			return azure.Fetch(ctx, http.DefaultClient, azure.DefaultBaseURL, o.filter, sink)
		}, azure.DefaultBaseURL + " $filter=" + o.filter, nil
	case "gcp":
		key := getenv("GCP_API_KEY")
		if key == "" {
			return nil, "", errors.New("catalog import: --fetch of gcp needs an API key in GCP_API_KEY")
		}
		base := gcp.DefaultBaseURL + "?key=" + url.QueryEscape(key)
		return func(ctx context.Context, sink pricing.Sink) (pricing.ImportStats, error) {
			return gcp.Fetch(ctx, http.DefaultClient, base, o.service, o.currency, sink)
		}, gcp.DefaultBaseURL + "/v1/services/" + o.service + "/skus", nil
	case "digitalocean":
		token := getenv("DIGITALOCEAN_TOKEN")
		if token == "" {
			return nil, "", errors.New("catalog import: --fetch of digitalocean needs a token in DIGITALOCEAN_TOKEN")
		}
		return func(ctx context.Context, sink pricing.Sink) (pricing.ImportStats, error) {
			return digitalocean.Fetch(ctx, http.DefaultClient, digitalocean.DefaultBaseURL, token, o.asOf, sink)
		}, digitalocean.DefaultBaseURL + "/v2/sizes", nil
	}
	if p, ok := pricing.Lookup(o.provider); ok && p.Fetch != nil {
		req := pricing.FetchRequest{Service: o.service, Region: o.region, Filter: o.filter, Currency: o.currency,
			AsOf: o.asOf, Getenv: getenv}
		return func(ctx context.Context, sink pricing.Sink) (pricing.ImportStats, error) {
			return p.Fetch(ctx, req, sink)
		}, o.provider + " price API", nil
	}
	return nil, "", usageError("import: --fetch is not available for %q", o.provider)
}

// awsPricingClient builds a Price List Query API client from the standard
// environment credentials. The SDK's config module (shared config files, SSO,
// instance roles) is not a dependency of this module, so only the
// environment is read.
func awsPricingClient(getenv func(string) string) (*awspricing.Client, error) {
	creds := awssdk.Credentials{AccessKeyID: getenv("AWS_ACCESS_KEY_ID"), SecretAccessKey: getenv("AWS_SECRET_ACCESS_KEY"),
		SessionToken: getenv("AWS_SESSION_TOKEN"), Source: "environment"}
	if creds.AccessKeyID == "" || creds.SecretAccessKey == "" {
		return nil, fmt.Errorf("catalog import: --api query needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or use --api bulk, which needs no credentials)")
	}
	return awspricing.New(awspricing.Options{
		Region: awsPricingAPIRegion,
		Credentials: awssdk.CredentialsProviderFunc(func(context.Context) (awssdk.Credentials, error) {
			return creds, nil
		}),
	}), nil
}
