package gcp

import (
	"regexp"
	"strings"

	"cloudadvisor/pricing"
)

// componentPattern finds per-core and per-GiB SKUs: "E2 Instance Core running
// in Americas", "Spot Preemptible N2D AMD Instance Ram running in Iowa",
// "Commitment v1: E2 Cpu in Americas for 1 Year".
var componentPattern = regexp.MustCompile(`^(?:Spot Preemptible |Commitment v1: )?(.+?) (?:Instance )?(Core|Cpu|Ram) (?:running )?in `)

// seriesNames maps the series as SKU descriptions name it to the machine
// series. Custom, sole-tenancy and memory-optimized (M1/M2) SKUs are left out
// on purpose: they do not price predefined machine types one to one.
var seriesNames = map[string]string{
	"E2": "E2", "N1 Predefined": "N1", "N2": "N2", "N2D AMD": "N2D", "N4": "N4", "N4A": "N4A",
	"N4D": "N4D", "C3": "C3", "C3D": "C3D", "T2D AMD": "T2D", "C2D AMD": "C2D",
	"Compute optimized": "C2", "A2": "A2", "G2": "G2", "H3": "H3",
}

// seriesFamilies is the family of a component SKU by series.
var seriesFamilies = map[string]string{
	"E2": "general_purpose", "N1": "general_purpose", "N2": "general_purpose", "N2D": "general_purpose",
	"N4": "general_purpose", "N4A": "general_purpose", "N4D": "general_purpose", "C3": "general_purpose",
	"C3D": "general_purpose", "T2D": "general_purpose", "C2": "compute_optimized",
	"C2D": "compute_optimized", "H3": "compute_optimized", "A2": "gpu", "G2": "gpu",
}

// component marks a per-core or per-GiB SKU of a known series in attrs and
// returns its family (family unchanged when it is not one).
func component(description string, attrs map[string]string, family string) string {
	m := componentPattern.FindStringSubmatch(description)
	if m == nil {
		return family
	}
	series, ok := seriesNames[m[1]]
	if !ok {
		return family
	}
	attrs["series"] = series
	attrs["component"] = "core"
	if m[2] == "Ram" {
		attrs["component"] = "ram"
	}
	return seriesFamilies[series]
}

// locations maps the location names of SKU descriptions to region codes.
// Multi-region names (Americas, EMEA, APAC) and unknown ones stay "global",
// with the name in Attributes["location"].
var locations = map[string]string{
	"Iowa": "us-central1", "South Carolina": "us-east1", "Virginia": "us-east4", "Columbus": "us-east5",
	"Dallas": "us-south1", "Oregon": "us-west1", "Los Angeles": "us-west2", "Salt Lake City": "us-west3",
	"Las Vegas": "us-west4", "Montreal": "northamerica-northeast1", "Toronto": "northamerica-northeast2",
	"Sao Paulo": "southamerica-east1", "Santiago": "southamerica-west1", "Belgium": "europe-west1",
	"London": "europe-west2", "Frankfurt": "europe-west3", "Netherlands": "europe-west4",
	"Zurich": "europe-west6", "Milan": "europe-west8", "Paris": "europe-west9", "Berlin": "europe-west10",
	"Turin": "europe-west12", "Finland": "europe-north1", "Warsaw": "europe-central2",
	"Madrid": "europe-southwest1", "Israel": "me-west1", "Doha": "me-central1", "Dammam": "me-central2",
	"Johannesburg": "africa-south1", "Taiwan": "asia-east1", "Hong Kong": "asia-east2",
	"Tokyo": "asia-northeast1", "Osaka": "asia-northeast2", "Seoul": "asia-northeast3",
	"Mumbai": "asia-south1", "Delhi": "asia-south2", "Singapore": "asia-southeast1",
	"Jakarta": "asia-southeast2", "Sydney": "australia-southeast1", "Melbourne": "australia-southeast2",
}

// locationPattern finds the location at the end of a description: "... in
// Tokyo", "... running in Americas for 1 Year".
var locationPattern = regexp.MustCompile(` in ([A-Z][A-Za-z ]*?)(?: for \d+ Years?)?$`)

// regionOf returns the region code and location name a description ends in.
func regionOf(description string) (region, location string) {
	m := locationPattern.FindStringSubmatch(description)
	if m == nil {
		return "global", ""
	}
	location = strings.TrimSpace(m[1])
	if r, ok := locations[location]; ok {
		return r, location
	}
	return "global", location
}

// volumeFamily classifies a zonal persistent disk capacity SKU by its
// description; regional disks, snapshots and other disk SKUs have none.
func volumeFamily(description string) string {
	for _, v := range []struct{ prefix, family string }{
		{"Balanced PD Capacity", pricing.VolumeGeneralSSD},
		{"SSD backed PD Capacity", pricing.VolumePerformanceSSD},
		{"Extreme PD Capacity", pricing.VolumeProvisionedIOPS},
		{"Storage PD Capacity", pricing.VolumeHDD},
	} {
		if strings.HasPrefix(description, v.prefix) {
			return v.family
		}
	}
	return ""
}
