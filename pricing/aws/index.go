package aws

import (
	"encoding/json"
	"fmt"
	"io"
)

// OfferIndex is the bulk API's list of services (/offers/v1.0/aws/index.json).
type OfferIndex struct {
	PublicationDate string                `json:"publicationDate"`
	Offers          map[string]OfferEntry `json:"offers"`
}

// OfferEntry locates one service's files; URLs are relative to the base.
type OfferEntry struct {
	OfferCode                  string `json:"offerCode"`
	VersionIndexURL            string `json:"versionIndexUrl"`
	CurrentVersionURL          string `json:"currentVersionUrl"`
	CurrentRegionIndexURL      string `json:"currentRegionIndexUrl"`
	SavingsPlanVersionIndexURL string `json:"savingsPlanVersionIndexUrl"`
	CurrentSavingsPlanIndexURL string `json:"currentSavingsPlanIndexUrl"`
}

// VersionIndex lists every published version of one service's offer.
type VersionIndex struct {
	PublicationDate string                  `json:"publicationDate"`
	OfferCode       string                  `json:"offerCode"`
	CurrentVersion  string                  `json:"currentVersion"`
	Versions        map[string]VersionEntry `json:"versions"`
}

// VersionEntry is one version; the current one has an empty end date.
type VersionEntry struct {
	VersionEffectiveBeginDate string `json:"versionEffectiveBeginDate"`
	VersionEffectiveEndDate   string `json:"versionEffectiveEndDate"`
	OfferVersionURL           string `json:"offerVersionUrl"`
}

// RegionIndex lists the regional files of one service's current offer,
// keyed by region code.
type RegionIndex struct {
	PublicationDate string                 `json:"publicationDate"`
	Regions         map[string]RegionEntry `json:"regions"`
}

// RegionEntry locates one region's offer file.
type RegionEntry struct {
	RegionCode        string `json:"regionCode"`
	CurrentVersionURL string `json:"currentVersionUrl"`
}

// SavingsPlanRegionIndex lists the regional Savings Plan files. Unlike
// RegionIndex, AWS publishes its regions as an array.
type SavingsPlanRegionIndex struct {
	PublicationDate string                   `json:"publicationDate"`
	Regions         []SavingsPlanRegionEntry `json:"regions"`
}

// SavingsPlanRegionEntry locates one region's Savings Plan rate file.
type SavingsPlanRegionEntry struct {
	RegionCode string `json:"regionCode"`
	VersionURL string `json:"versionUrl"`
}

// Region returns the entry of regionCode.
func (x SavingsPlanRegionIndex) Region(regionCode string) (SavingsPlanRegionEntry, bool) {
	for _, e := range x.Regions {
		if e.RegionCode == regionCode {
			return e, true
		}
	}
	return SavingsPlanRegionEntry{}, false
}

// ParseOfferIndex reads the offer index.
func ParseOfferIndex(r io.Reader) (OfferIndex, error) {
	var x OfferIndex
	if err := decodeIndex(r, &x, "offer index"); err != nil {
		return x, err
	}
	if x.Offers == nil {
		return x, fmt.Errorf("parse offer index: %w: no offers", ErrFormat)
	}
	return x, nil
}

// ParseVersionIndex reads a service's version index.
func ParseVersionIndex(r io.Reader) (VersionIndex, error) {
	var x VersionIndex
	if err := decodeIndex(r, &x, "version index"); err != nil {
		return x, err
	}
	if x.Versions == nil || x.CurrentVersion == "" {
		return x, fmt.Errorf("parse version index: %w: no versions", ErrFormat)
	}
	return x, nil
}

// ParseRegionIndex reads a service's region index.
func ParseRegionIndex(r io.Reader) (RegionIndex, error) {
	var x RegionIndex
	if err := decodeIndex(r, &x, "region index"); err != nil {
		return x, err
	}
	if x.Regions == nil {
		return x, fmt.Errorf("parse region index: %w: no regions", ErrFormat)
	}
	return x, nil
}

// ParseSavingsPlanRegionIndex reads a Savings Plan region index.
func ParseSavingsPlanRegionIndex(r io.Reader) (SavingsPlanRegionIndex, error) {
	var x SavingsPlanRegionIndex
	if err := decodeIndex(r, &x, "savings plan region index"); err != nil {
		return x, err
	}
	if x.Regions == nil {
		return x, fmt.Errorf("parse savings plan region index: %w: no regions", ErrFormat)
	}
	return x, nil
}

// decodeIndex decodes a small index file; a region index given where a
// Savings Plan one is expected (or the reverse) fails on the regions type.
func decodeIndex(r io.Reader, v any, what string) error {
	dec := json.NewDecoder(r)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("parse %s: %w", what, wrapJSON(err, what, dec.InputOffset(), ""))
	}
	return nil
}
