package aws

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	awspricing "github.com/aws/aws-sdk-go-v2/service/pricing"
	"github.com/aws/aws-sdk-go-v2/service/pricing/types"

	"cloudadvisor/pricing"
)

// FetchProducts asks the Price List Query API for every product of
// serviceCode in regionCode, following NextToken, and sends their prices
// to sink. client is usually a *pricing.Client of the AWS SDK; the API is
// served from us-east-1, eu-central-1 and ap-south-1 only.
func FetchProducts(ctx context.Context, client awspricing.GetProductsAPIClient, serviceCode, regionCode string, sink pricing.Sink) (pricing.ImportStats, error) {
	var stats pricing.ImportStats
	source := "aws-pricing-api:GetProducts?ServiceCode=" + url.QueryEscape(serviceCode) + "&regionCode=" + url.QueryEscape(regionCode)
	ip := newItemParser(source, sink, &stats)
	ip.region = regionCode
	pages := awspricing.NewGetProductsPaginator(client, &awspricing.GetProductsInput{
		ServiceCode: aws.String(serviceCode),
		// regionCode, not location: location names change ("EU (Ireland)")
		// and are not unique across partitions.
		Filters: []types.Filter{{
			Field: aws.String("regionCode"), Type: types.FilterTypeTermMatch, Value: aws.String(regionCode),
		}},
		FormatVersion: aws.String("aws_v1"),
		MaxResults:    aws.Int32(100),
	})
	for page := 1; pages.HasMorePages(); page++ {
		out, err := pages.NextPage(ctx)
		if err != nil {
			return stats, fmt.Errorf("fetch aws prices page %d: %w", page, err)
		}
		for i, item := range out.PriceList {
			if err := ip.parseItem([]byte(item)); err != nil {
				return stats, &ParseError{Source: fmt.Sprintf("%s page %d", source, page), Offset: -1,
					SKU: itemSKU(item), Err: fmt.Errorf("PriceList[%d]: %w", i, err)}
			}
		}
	}
	return stats, nil
}

// DefaultBaseURL is where AWS serves the bulk price list files.
const DefaultBaseURL = "https://pricing.us-east-1.amazonaws.com"

// BulkClient downloads the bulk price list files over plain HTTP.
type BulkClient struct {
	BaseURL string       // DefaultBaseURL when empty
	HTTP    *http.Client // http.DefaultClient when nil
}

// OfferIndex fetches the list of services.
func (c *BulkClient) OfferIndex(ctx context.Context) (OfferIndex, error) {
	body, _, err := c.get(ctx, "/offers/v1.0/aws/index.json")
	if err != nil {
		return OfferIndex{}, err
	}
	defer body.Close()
	return ParseOfferIndex(body)
}

// offer is the offer index entry of offerCode.
func (c *BulkClient) offer(ctx context.Context, offerCode string) (OfferEntry, error) {
	idx, err := c.OfferIndex(ctx)
	if err != nil {
		return OfferEntry{}, err
	}
	e, ok := idx.Offers[offerCode]
	if !ok {
		return e, fmt.Errorf("offer %s: %w", offerCode, ErrNotFound)
	}
	return e, nil
}

// RegionOfferURL finds the URL of one region's current offer JSON through
// the offer index and the service's region index.
func (c *BulkClient) RegionOfferURL(ctx context.Context, offerCode, regionCode string) (string, error) {
	e, err := c.offer(ctx, offerCode)
	if err != nil {
		return "", err
	}
	if e.CurrentRegionIndexURL == "" {
		return "", fmt.Errorf("offer %s has no region index: %w", offerCode, ErrNotFound)
	}
	body, _, err := c.get(ctx, e.CurrentRegionIndexURL)
	if err != nil {
		return "", err
	}
	defer body.Close()
	idx, err := ParseRegionIndex(body)
	if err != nil {
		return "", err
	}
	r, ok := idx.Regions[regionCode]
	if !ok {
		return "", fmt.Errorf("offer %s region %s: %w", offerCode, regionCode, ErrNotFound)
	}
	return r.CurrentVersionURL, nil
}

// FetchRegion streams one region's current offer JSON into Parse.
func (c *BulkClient) FetchRegion(ctx context.Context, offerCode, regionCode string, sink pricing.Sink) (pricing.ImportStats, error) {
	path, err := c.RegionOfferURL(ctx, offerCode, regionCode)
	if err != nil {
		return pricing.ImportStats{}, fmt.Errorf("fetch aws %s %s: %w", offerCode, regionCode, err)
	}
	return c.parseURL(ctx, path, sink)
}

// SavingsPlanRegionURL finds the URL of one region's current Savings Plan
// rate file (JSON) through the offer index and the Savings Plan region index.
func (c *BulkClient) SavingsPlanRegionURL(ctx context.Context, offerCode, regionCode string) (string, error) {
	e, err := c.offer(ctx, offerCode)
	if err != nil {
		return "", err
	}
	if e.CurrentSavingsPlanIndexURL == "" {
		return "", fmt.Errorf("offer %s has no savings plans: %w", offerCode, ErrNotFound)
	}
	body, _, err := c.get(ctx, e.CurrentSavingsPlanIndexURL)
	if err != nil {
		return "", err
	}
	defer body.Close()
	idx, err := ParseSavingsPlanRegionIndex(body)
	if err != nil {
		return "", err
	}
	r, ok := idx.Region(regionCode)
	if !ok {
		return "", fmt.Errorf("savings plans of %s region %s: %w", offerCode, regionCode, ErrNotFound)
	}
	return r.VersionURL, nil
}

// FetchSavingsPlanRegion streams one region's Savings Plan rates. AWS
// publishes each rate file as index.json and index.csv side by side; the
// CSV is read, as Parse reads the Savings Plan CSV format.
func (c *BulkClient) FetchSavingsPlanRegion(ctx context.Context, offerCode, regionCode string, sink pricing.Sink) (pricing.ImportStats, error) {
	path, err := c.SavingsPlanRegionURL(ctx, offerCode, regionCode)
	if err != nil {
		return pricing.ImportStats{}, fmt.Errorf("fetch aws savings plans %s %s: %w", offerCode, regionCode, err)
	}
	return c.parseURL(ctx, strings.TrimSuffix(path, ".json")+".csv", sink)
}

// parseURL streams the body of path into Parse.
func (c *BulkClient) parseURL(ctx context.Context, path string, sink pricing.Sink) (pricing.ImportStats, error) {
	body, u, err := c.get(ctx, path)
	if err != nil {
		return pricing.ImportStats{}, err
	}
	defer body.Close()
	return Parse(body, u, sink)
}

// get requests path (absolute or relative to the base URL) and returns the
// body of a 200 response and the full URL.
func (c *BulkClient) get(ctx context.Context, path string) (io.ReadCloser, string, error) {
	base := c.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	b, err := url.Parse(base)
	if err != nil {
		return nil, "", fmt.Errorf("aws price list base url: %w", err)
	}
	ref, err := url.Parse(path)
	if err != nil {
		return nil, "", fmt.Errorf("aws price list url %q: %w", path, err)
	}
	u := b.ResolveReference(ref).String()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, u, fmt.Errorf("get %s: %w", u, err)
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, u, fmt.Errorf("get %s: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, u, fmt.Errorf("get %s: status %s", u, resp.Status)
	}
	return resp.Body, u, nil
}
